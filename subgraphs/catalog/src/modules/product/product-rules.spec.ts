import { BadUserInputError } from '@espigon/kit/errors';
import * as rules from './product-rules';
import { canBeOrdered } from './product-rules';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    if (err instanceof BadUserInputError) return err.extensions.field as string;
    throw err;
  }
  return undefined;
};

describe('product rules', () => {
  it('trims and collapses a name, and bounds its length', () => {
    expect(rules.productName('  Corvina   de roca ')).toBe('Corvina de roca');
    expect(fieldOf(() => rules.productName('x'))).toBe('name');
    expect(fieldOf(() => rules.productName('x'.repeat(121)))).toBe('name');
  });

  it('turns a blank description into null', () => {
    expect(rules.productDescription('   ')).toBeNull();
    expect(rules.productDescription(undefined)).toBeNull();
    expect(fieldOf(() => rules.productDescription('x'.repeat(2001)))).toBe('description');
  });

  it('wants a positive whole price in cents', () => {
    expect(rules.priceCents(1)).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN, 10_000_001]) expect(fieldOf(() => rules.priceCents(bad))).toBe('priceCents');
  });

  it('accepts only the four units', () => {
    expect(rules.unit('DOZEN')).toBe('DOZEN');
    expect(fieldOf(() => rules.unit('TON'))).toBe('unit');
  });

  it('wants positive initial stock and a non-negative threshold (default 0)', () => {
    expect(fieldOf(() => rules.initialQuantity(0))).toBe('quantityOnHand');
    expect(rules.lowStockThreshold(null)).toBe(0);
    expect(fieldOf(() => rules.lowStockThreshold(-1))).toBe('lowStockThreshold');
  });

  it('accepts only absolute http(s) image URLs, at most 10', () => {
    expect(rules.imageUrls([' https://img.example.ec/a b.jpg '])).toEqual(['https://img.example.ec/a%20b.jpg']);
    expect(rules.imageUrls(null)).toEqual([]);
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AA', '//img.example.ec/a.jpg', 'img.jpg', 'ftp://x.ec/a', 'http://']) {
      expect(fieldOf(() => rules.imageUrls([bad]))).toBe('imageUrls');
    }
    expect(fieldOf(() => rules.imageUrls(Array(11).fill('https://img.example.ec/a.jpg')))).toBe('imageUrls');
  });

  it('refuses a catch time in the future, allowing a little clock skew', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(rules.caughtAt(new Date('2026-11-23T12:04:00Z'), now)).toEqual(new Date('2026-11-23T12:04:00Z'));
    expect(fieldOf(() => rules.caughtAt(new Date('2026-11-23T13:00:00Z'), now))).toBe('caughtAt');
  });

  it('wants a non-zero stock delta', () => {
    expect(rules.stockDelta(-3)).toBe(-3);
    expect(fieldOf(() => rules.stockDelta(0))).toBe('delta');
  });

  it('recognises ids and names the field of a bad one', () => {
    expect(rules.requireId('6F1C7A1E-0000-4000-8000-000000000011', 'sellerId')).toBe('6f1c7a1e-0000-4000-8000-000000000011');
    expect(fieldOf(() => rules.requireId("1' or '1'='1", 'sellerId'))).toBe('sellerId');
  });
});

describe('canBeOrdered', () => {
  const listed = { listed: true, deletedAt: null };
  it('needs a listed, not deleted product with the quantity available', () => {
    expect(canBeOrdered(listed, { quantityOnHand: 5, quantityReserved: 4 })).toBe(true);
    expect(canBeOrdered(listed, { quantityOnHand: 5, quantityReserved: 4 }, 2)).toBe(false);
    expect(canBeOrdered(listed, { quantityOnHand: 5, quantityReserved: 5 })).toBe(false);
    expect(canBeOrdered({ listed: false, deletedAt: null }, { quantityOnHand: 5, quantityReserved: 0 })).toBe(false);
    expect(canBeOrdered({ listed: true, deletedAt: new Date() }, { quantityOnHand: 5, quantityReserved: 0 })).toBe(false);
    expect(canBeOrdered(listed, null)).toBe(false);
  });
});
