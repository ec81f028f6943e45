// The SQL behind `products`: filters, visibility, Spanish search and keyset pagination on each sort order.
import { Role } from '@espigon/kit/auth/role';
import type { Viewer } from '@espigon/kit/auth/access-token';
import { isUuid } from '@espigon/kit/database/uuid';
import { BadUserInputError } from '@espigon/kit/errors';
import { decodeCursor, encodeCursor } from '@espigon/kit/graphql/connection';
import { orderableSql, requireId } from './product-rules';
import type { ProductFilter } from './product.inputs';
import { ProductSort } from './product-sort.enum';

/** Full text first; when it finds nothing the service retries with trigram similarity on the name. */
export type SearchMode = 'fulltext' | 'fuzzy';

const SEARCH_MAX = 200;

interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
  /** The sort key as the cursor stores it (timestamps as text, so microseconds survive the round trip). */
  cursorSql: string;
  cursorCast: string;
  isValid(value: unknown): boolean;
}

/** A real instant in the microsecond form the NEWEST cursor stores ("9999-99-99T…" has the shape but is no time). */
export function isCursorTimestamp(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  const millis = Date.parse(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 23) === value.slice(0, 23);
}

/** A price the column can hold: a whole, non-negative 32-bit number of cents. */
export function isCursorPrice(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;
}

const sortSpecs: Record<ProductSort, SortSpec> = {
  [ProductSort.NEWEST]: {
    column: 'p."created_at"',
    direction: 'desc',
    cursorSql: `to_char(p."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cursorCast: '::timestamptz',
    isValid: isCursorTimestamp,
  },
  [ProductSort.PRICE_ASC]: {
    column: 'p."price_cents"',
    direction: 'asc',
    cursorSql: 'p."price_cents"',
    cursorCast: '::int',
    isValid: isCursorPrice,
  },
  [ProductSort.PRICE_DESC]: {
    column: 'p."price_cents"',
    direction: 'desc',
    cursorSql: 'p."price_cents"',
    cursorCast: '::int',
    isValid: isCursorPrice,
  },
  [ProductSort.NAME]: {
    column: 'p."name_key"',
    direction: 'asc',
    cursorSql: 'p."name_key"',
    cursorCast: '::text',
    // a name key is the name (at most 120 characters) lower-cased and unaccented, which can only lengthen it a little
    isValid: (v) => typeof v === 'string' && v.length <= 4 * 120,
  },
};

/** The mapped columns (the generated search vector is never fetched). */
const productColumns = [
  'id',
  'seller_id',
  'subcategory_id',
  'name',
  'description',
  'price_cents',
  'unit',
  'image_urls',
  'caught_at',
  'listed',
  'created_at',
  'updated_at',
  'deleted_at',
]
  .map((c) => `p."${c}"`)
  .join(', ');

/** The inventory's mapped columns, prefixed `inventory__` in a page's rows. */
export const INVENTORY_PREFIX = 'inventory__';
const inventoryColumns = ['product_id', 'quantity_on_hand', 'quantity_reserved', 'low_stock_threshold', 'updated_at']
  .map((c) => `i."${c}" as "${INVENTORY_PREFIX}${c}"`)
  .join(', ');

export interface ProductListQuery {
  sort: ProductSort;
  pageSql: string;
  pageParams: unknown[];
  countSql: string;
  countParams: unknown[];
  /** Whether a search term is part of it (the fuzzy retry only makes sense then). */
  searching: boolean;
}

export interface ProductListInput {
  filter?: ProductFilter | null;
  sort?: ProductSort | null;
  after?: string | null;
  /** Rows to fetch: the page size plus one, to know whether there is a next page. */
  fetch: number;
  viewer: Viewer | null;
  mode: SearchMode;
}

export function productCursor(sort: ProductSort, cursorKey: string | number, id: string): string {
  return encodeCursor([sort, cursorKey, id]);
}

export function buildProductListQuery(input: ProductListInput): ProductListQuery {
  const sort = input.sort ?? ProductSort.NEWEST;
  const spec = sortSpecs[sort];
  const where: string[] = ['p."deleted_at" is null'];
  const params: unknown[] = [];
  const filter = input.filter ?? {};

  addVisibility(input.viewer, where, params);

  const search = (filter.search ?? '').trim();
  if (search.length > SEARCH_MAX) throw new BadUserInputError(`filter.search must have at most ${SEARCH_MAX} characters`, 'filter.search');
  if (search) {
    where.push(
      input.mode === 'fulltext' ? 'p."search" @@ "catalog"."es_search_query"(?)' : '"catalog"."es_sort_key"(?) operator(public.<%) p."name_key"',
    );
    params.push(search);
  }
  if (filter.categoryId != null) {
    where.push('p."subcategory_id" in (select s."id" from "catalog"."subcategory" s where s."category_id" = ?)');
    params.push(requireId(filter.categoryId, 'filter.categoryId'));
  }
  if (filter.subcategoryId != null) {
    where.push('p."subcategory_id" = ?');
    params.push(requireId(filter.subcategoryId, 'filter.subcategoryId'));
  }
  if (filter.sellerId != null) {
    where.push('p."seller_id" = ?');
    params.push(requireId(filter.sellerId, 'filter.sellerId'));
  }
  const { minPriceCents: min, maxPriceCents: max } = filter;
  if (min != null) {
    if (!Number.isInteger(min) || min < 0) throw new BadUserInputError('filter.minPriceCents must be 0 or more', 'filter.minPriceCents');
    where.push('p."price_cents" >= ?');
    params.push(min);
  }
  if (max != null) {
    if (!Number.isInteger(max) || max < 0) throw new BadUserInputError('filter.maxPriceCents must be 0 or more', 'filter.maxPriceCents');
    if (min != null && max < min) {
      throw new BadUserInputError('filter.maxPriceCents must not be below filter.minPriceCents', 'filter.maxPriceCents');
    }
    where.push('p."price_cents" <= ?');
    params.push(max);
  }
  if (filter.availableOnly) {
    where.push(`exists (select 1 from "catalog"."inventory" i where i."product_id" = p."id" and ${orderableSql()})`);
  }

  const countSql = `select count(*)::int as "total" from "catalog"."product" p where ${where.join(' and ')}`;
  const countParams = [...params];

  const pageWhere = [...where];
  const pageParams = [...params];
  if (input.after != null) {
    const [tag, key, id] = decodeCursor(input.after, 3);
    if (tag !== sort || !spec.isValid(key) || !isUuid(id)) throw new BadUserInputError('Invalid cursor', 'after');
    // row comparison in the sort's direction; the id breaks ties so no row is skipped or repeated
    pageWhere.push(`(${spec.column}, p."id") ${spec.direction === 'asc' ? '>' : '<'} (?${spec.cursorCast}, ?::uuid)`);
    pageParams.push(key, id);
  }
  // each product's stock comes with it (left join: every product has one, created with it), for the inventory loader
  const pageSql = `select ${productColumns}, ${spec.cursorSql} as "cursor_key", ${inventoryColumns}
    from "catalog"."product" p left join "catalog"."inventory" i on i."product_id" = p."id"
    where ${pageWhere.join(' and ')}
    order by ${spec.column} ${spec.direction}, p."id" ${spec.direction}
    limit ?`;
  pageParams.push(input.fetch);

  return { sort, pageSql, pageParams, countSql, countParams, searching: search.length > 0 };
}

/** Browsing shows listed products; a seller also sees their own unlisted ones, an administrator all. */
function addVisibility(viewer: Viewer | null, where: string[], params: unknown[]): void {
  if (viewer?.role === Role.SELLER) {
    where.push('(p."listed" or p."seller_id" = ?)');
    params.push(viewer.id);
  } else if (viewer?.role !== Role.ADMIN) {
    where.push('p."listed"');
  }
}

/**
 * The first page (NEWEST) of several sellers' listings in one statement, and their counts in another:
 * `User.products` for a whole federation batch of users. Each row's cursor is the one the single-seller
 * query gives, so the next page (with `after`) continues through `buildProductListQuery`.
 */
export function buildSellerListingsQuery(input: { sellerIds: string[]; viewer: Viewer | null; fetch: number }) {
  const spec = sortSpecs[ProductSort.NEWEST];
  const where: string[] = ['p."deleted_at" is null'];
  const params: unknown[] = [];
  addVisibility(input.viewer, where, params);
  where.push('p."seller_id" in (?)');
  params.push(input.sellerIds);
  const pageSql = `select * from (
      select ${productColumns}, ${spec.cursorSql} as "cursor_key",
        row_number() over (partition by p."seller_id" order by ${spec.column} ${spec.direction}, p."id" ${spec.direction}) as "rank"
      from "catalog"."product" p where ${where.join(' and ')}
    ) ranked where "rank" <= ? order by "seller_id", "rank"`;
  const countSql = `select p."seller_id", count(*)::int as "total" from "catalog"."product" p
    where ${where.join(' and ')} group by p."seller_id"`;
  return { sort: ProductSort.NEWEST, pageSql, pageParams: [...params, input.fetch], countSql, countParams: params };
}
