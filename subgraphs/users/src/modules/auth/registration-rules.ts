// Input rules for accounts: what a valid email, password, name, phone and stall look like. Every rule runs before any
// work (no hashing, no query) and bounds the length first.
import { BadUserInputError } from '@espigon/kit/errors';

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 120;
export const STALL_NAME_MAX = 100;
export const PIER_SECTION_MAX = 50;
export const PHONE_MAX = 30;
/** Refresh tokens are ES256 JWTs of a few hundred characters. */
export const REFRESH_TOKEN_MAX = 4096;

/** Plain ASCII, one @, a dotted domain: look-alike letters from other scripts cannot pass for a known address. */
const emailPattern =
  /^[!#-'*+\-/-9=?A-Z^-~]+(\.[!#-'*+\-/-9=?A-Z^-~]+)*@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const phonePattern = /^\+?[0-9 ()-]{7,20}$/;
/**
 * Control and invisible formatting characters (zero-width, bidi overrides, BOM, tags), line and paragraph separators,
 * private-use characters (they render as whatever a font decides), and the letters and symbols that draw nothing
 * (Hangul fillers, the blank Braille pattern) that impostors use for "empty" or padded names.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\u115F\u1160\u3164\uFFA0\u2800]/u;

export function normaliseEmail(email: string): string {
  if (email.length > EMAIL_MAX) throw new BadUserInputError(`Email must have at most ${EMAIL_MAX} characters`, 'email');
  const value = email.trim().toLowerCase();
  if (!emailPattern.test(value)) {
    throw new BadUserInputError('Email is not valid (plain ASCII; write an internationalised domain in punycode)', 'email');
  }
  return value;
}

/** At least 10 characters with a letter and a digit, at most 128, and not the email itself. */
export function assertStrongPassword(password: string, email: string): void {
  if (password.length > PASSWORD_MAX) throw new BadUserInputError(`Password must have at most ${PASSWORD_MAX} characters`, 'password');
  if (password.length < PASSWORD_MIN) throw new BadUserInputError(`Password must have at least ${PASSWORD_MIN} characters`, 'password');
  if (!/\p{L}/u.test(password) || !/[0-9]/.test(password)) {
    throw new BadUserInputError('Password must contain letters and digits', 'password');
  }
  if (password.toLowerCase() === email || password.toLowerCase() === email.split('@')[0]) {
    throw new BadUserInputError('Password must not be your email', 'password');
  }
}

/** Visible text on one line: NFC-normalised, runs of spaces collapsed, no control or invisible characters. The length is
 * bounded before any work (four times the limit: room for decomposed accents, which NFC composes). */
export function requireText(value: string | null | undefined, field: string, max: number): string {
  if ((value ?? '').length > max * 4) throw new BadUserInputError(`${field} must have at most ${max} characters`, field);
  const trimmed = (value ?? '').normalize('NFC').trim();
  if (invisible.test(trimmed)) throw new BadUserInputError(`${field} must not contain control or invisible characters`, field);
  // every kind of space (no-break, em, ideographic …) is one plain space: two names that look alike are alike
  const text = trimmed.replace(/\p{Zs}+/gu, ' ');
  if (!text) throw new BadUserInputError(`${field} is required`, field);
  if (text.length > max) throw new BadUserInputError(`${field} must have at most ${max} characters`, field);
  return text;
}

export function optionalPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  if (phone.length > PHONE_MAX) throw new BadUserInputError(`Phone number must have at most ${PHONE_MAX} characters`, 'phone');
  if (phone.trim() === '') return null;
  const value = phone.trim();
  if (!phonePattern.test(value)) throw new BadUserInputError('Phone number is not valid', 'phone');
  return value;
}
