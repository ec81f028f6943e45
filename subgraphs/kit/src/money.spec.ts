import { centsFromDollars, formatUsd, requireCents } from './money';

describe('money', () => {
  it('converts dollars to cents exactly, where floating point would not', () => {
    expect(centsFromDollars('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996
    expect(centsFromDollars('12.5')).toBe(1250);
    expect(centsFromDollars('1234')).toBe(123400);
    for (const bad of ['1.234', '-1', 'abc', '', '1e3']) expect(() => centsFromDollars(bad)).toThrow(/not an amount/);
  });

  it('formats cents for people', () => {
    expect([0, 5, 1250, 123456789, -450].map(formatUsd)).toEqual(['$0.00', '$0.05', '$12.50', '$1,234,567.89', '-$4.50']);
  });

  it('accepts whole cents within bounds only', () => {
    expect(requireCents(450, 'priceCents')).toBe(450);
    for (const bad of [1.5, -1, 2 ** 31, Number.NaN]) {
      expect(() => requireCents(bad, 'priceCents', { max: 10_000_000 })).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'priceCents' } }),
      );
    }
  });
});
