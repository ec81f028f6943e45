// What a name or an email may look like: one visible line, composed, in one script for emails.
import { NAME_MAX, normaliseEmail, optionalPhone, requireText } from './registration-rules';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions?: unknown }).extensions;
  }
  return null;
};

describe('requireText', () => {
  it('composes accents (NFC) and makes every run of spaces one plain space', () => {
    expect(requireText(' Cede\u006e\u0303o \u00a0\u3000 Ana ', 'name', NAME_MAX)).toBe('Cedeño Ana');
  });

  it('takes 120 characters and refuses 121', () => {
    expect(requireText('a'.repeat(120), 'name', NAME_MAX)).toHaveLength(120);
    expect(refusal(() => requireText('a'.repeat(121), 'name', NAME_MAX))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it.each([
    ['a zero-width space', 'Ana\u200bCedeño'],
    ['a zero-width joiner', 'Ana\u200dCedeño'],
    ['a right-to-left override', '\u202eoñedeC anA'],
    ['a right-to-left mark', 'Ana\u200fCedeño'],
    ['a bidi isolate', 'Ana\u2067Cedeño\u2069'],
    ['a byte-order mark inside', 'Ana\ufeffCedeño'],
    ['a soft hyphen', 'Ana\u00adCedeño'],
    ['a tag character', 'Ana\u{e0041}'],
    ['a NUL byte', 'Ana\u0000'],
    ['a tab', 'Ana\tCedeño'],
    ['a line separator', 'Ana\u2028Cedeño'],
    ['a Hangul filler', '\u3164'],
    ['a blank Braille pattern', 'Ana\u2800'],
    ['a private-use character', 'Ana\ue000'],
  ])('refuses %s, naming the field', (_name, value) => {
    expect(refusal(() => requireText(value, 'stallName', 100))).toEqual({ code: 'BAD_USER_INPUT', field: 'stallName' });
  });

  it('refuses a value of spaces only', () => {
    expect(refusal(() => requireText(' \u00a0 ', 'pierSection', 50))).toEqual({ code: 'BAD_USER_INPUT', field: 'pierSection' });
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and trims a plain address, and takes a punycode domain', () => {
    expect(normaliseEmail(' Rosa@Espigon.EC ')).toBe('rosa@espigon.ec');
    expect(normaliseEmail('ana@xn--pesca-espign-bhb.ec')).toBe('ana@xn--pesca-espign-bhb.ec');
  });

  it.each([
    ['a Cyrillic о in the local part', 'r\u043esa@espigon.ec'],
    ['a Greek ο in the domain', 'rosa@espig\u03bfn.ec'],
    ['an internationalised domain not in punycode', 'ana@pesca-espigón.ec'],
    ['a full-width @', 'rosa\uff20espigon.ec'],
    ['a zero-width space', 'ro\u200bsa@espigon.ec'],
    ['an address of 255 characters', `${'a'.repeat(244)}@example.ec`],
    ['no domain dot', 'rosa@localhost'],
  ])('refuses %s as BAD_USER_INPUT on email', (_name, email) => {
    expect(refusal(() => normaliseEmail(email))).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

describe('optionalPhone', () => {
  it('keeps a phone number and treats blank as none', () => {
    expect(optionalPhone(' +593 99 000 1111 ')).toBe('+593 99 000 1111');
    expect(optionalPhone('  ')).toBeNull();
  });

  it('refuses an over-long one before any other work', () => {
    expect(refusal(() => optionalPhone(' '.repeat(100_000)))).toEqual({ code: 'BAD_USER_INPUT', field: 'phone' });
  });
});
