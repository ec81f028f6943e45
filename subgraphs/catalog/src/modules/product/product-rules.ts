// Input rules for products: what a valid name, description, price, stock, image URL and catch time look like.
import { isUuid } from '@espigon/kit/database/uuid';
import { BadUserInputError } from '@espigon/kit/errors';
import { requireCents } from '@espigon/kit/money';
import { Unit } from './unit.enum';

export const NAME_MIN = 2;
export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
/** US$100,000 per unit: anything above is a typo (cents entered twice). */
export const PRICE_CENTS_MAX = 10_000_000;
export const QUANTITY_MAX = 1_000_000;
export const IMAGE_URLS_MAX = 10;
export const IMAGE_URL_MAX_LENGTH = 2048;
export const REASON_MAX = 200;

export function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`${field} is not a valid id`, field);
  return value.toLowerCase();
}

export function productName(value: string, field = 'name'): string {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length < NAME_MIN || text.length > NAME_MAX) {
    throw new BadUserInputError(`${field} must have between ${NAME_MIN} and ${NAME_MAX} characters`, field);
  }
  return text;
}

export function productDescription(value: string | null | undefined, field = 'description'): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (text.length > DESCRIPTION_MAX) throw new BadUserInputError(`${field} must have at most ${DESCRIPTION_MAX} characters`, field);
  return text;
}

export function priceCents(value: number, field = 'priceCents'): number {
  return requireCents(value, field, { min: 1, max: PRICE_CENTS_MAX });
}

export function unit(value: string, field = 'unit'): Unit {
  if (!Object.values(Unit).includes(value as Unit)) {
    throw new BadUserInputError(`${field} must be one of ${Object.values(Unit).join(', ')}`, field);
  }
  return value as Unit;
}

/** Stock a product starts with: it is put on sale, so at least one unit. */
export function initialQuantity(value: number, field = 'quantityOnHand'): number {
  if (!Number.isInteger(value) || value <= 0) throw new BadUserInputError(`${field} must be a positive whole number`, field);
  if (value > QUANTITY_MAX) throw new BadUserInputError(`${field} must be at most ${QUANTITY_MAX}`, field);
  return value;
}

export function lowStockThreshold(value: number | null | undefined, field = 'lowStockThreshold'): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > QUANTITY_MAX) {
    throw new BadUserInputError(`${field} must be a whole number between 0 and ${QUANTITY_MAX}`, field);
  }
  return value;
}

export function stockDelta(value: number, field = 'delta'): number {
  if (!Number.isInteger(value) || value === 0 || Math.abs(value) > QUANTITY_MAX) {
    throw new BadUserInputError(`${field} must be a non-zero whole number between -${QUANTITY_MAX} and ${QUANTITY_MAX}`, field);
  }
  return value;
}

export function adjustmentReason(value: string | null | undefined, field = 'reason'): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (text.length > REASON_MAX) throw new BadUserInputError(`${field} must have at most ${REASON_MAX} characters`, field);
  return text;
}

/** Absolute http(s) URLs only: no javascript:, data: or relative paths end up in a frontend's <img>. */
export function imageUrls(values: readonly string[] | null | undefined, field = 'imageUrls'): string[] {
  if (!values) return [];
  if (values.length > IMAGE_URLS_MAX) throw new BadUserInputError(`${field} may hold at most ${IMAGE_URLS_MAX} URLs`, field);
  return values.map((raw, i) => {
    const value = raw.trim();
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || value.length > IMAGE_URL_MAX_LENGTH) {
      throw new BadUserInputError(`${field}[${i}] must be an http or https URL`, field);
    }
    return url.toString();
  });
}

/** When the catch was landed: not in the future (a few minutes of clock skew allowed). */
export function caughtAt(value: Date | null | undefined, now = new Date(), field = 'caughtAt'): Date | null {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value.getTime())) throw new BadUserInputError(`${field} is not a valid time`, field);
  if (value.getTime() > now.getTime() + 5 * 60_000) throw new BadUserInputError(`${field} cannot be in the future`, field);
  return value;
}

/**
 * The one rule of what can be ordered: a product that is listed and not deleted, with `quantity` available. It is
 * written once for objects and once as SQL (over `product p` and `inventory i`) for the queries that filter by it.
 */
export function canBeOrdered(
  product: { listed: boolean; deletedAt: Date | null },
  inventory: { quantityOnHand: number; quantityReserved: number } | null | undefined,
  quantity = 1,
): boolean {
  return product.listed && !product.deletedAt && !!inventory && inventory.quantityOnHand - inventory.quantityReserved >= quantity;
}

/** canBeOrdered as SQL; `quantity` is a SQL expression (a literal or a placeholder). */
export const orderableSql = (quantity = '1') =>
  `p."listed" and p."deleted_at" is null and i."quantity_on_hand" - i."quantity_reserved" >= ${quantity}`;
