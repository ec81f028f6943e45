import { encodeCursor } from '@espigon/kit/graphql/connection';
import { buildProductListQuery, isCursorPrice, isCursorTimestamp, productCursor } from './product-list.query';
import { ProductSort } from './product-sort.enum';

const id = '6f1c7a1e-0003-4000-8000-000000000001';
const build = (input: Partial<Parameters<typeof buildProductListQuery>[0]> = {}) =>
  buildProductListQuery({ fetch: 21, viewer: null, mode: 'fulltext', ...input });

describe('buildProductListQuery', () => {
  it('shows anonymous viewers and clients listed products only; sellers also their own; admins all', () => {
    expect(build().countSql).toContain('p."listed"');
    const seller = build({ viewer: { id, role: 'SELLER', jti: 'j', exp: 0 } });
    expect(seller.countSql).toContain('(p."listed" or p."seller_id" = ?)');
    expect(seller.countParams).toEqual([id]);
    const admin = build({ viewer: { id, role: 'ADMIN', jti: 'j', exp: 0 } });
    expect(admin.countSql).not.toContain('listed');
    expect(admin.countSql).toContain('p."deleted_at" is null');
  });

  it('passes every value as a parameter, never inside the SQL', () => {
    const query = build({ filter: { search: "atún'; drop table x; --", sellerId: id, minPriceCents: 100 } });
    expect(query.pageSql).not.toContain('drop table');
    expect(query.pageParams).toEqual(["atún'; drop table x; --", id, 100, 21]);
  });

  it('uses full text or, for the retry, trigram similarity', () => {
    expect(build({ filter: { search: 'atun' } }).countSql).toContain('"catalog"."es_search_query"(?)');
    expect(build({ filter: { search: 'atun' }, mode: 'fuzzy' }).countSql).toContain('operator(public.<%)');
    expect(build({ filter: { search: '   ' } }).searching).toBe(false);
  });

  it('continues after the cursor in the direction of the sort', () => {
    const newest = build({ after: productCursor(ProductSort.NEWEST, '2026-11-23T08:00:00.123456Z', id) });
    expect(newest.pageSql).toContain('(p."created_at", p."id") < (?::timestamptz, ?::uuid)');
    expect(newest.pageSql).toContain('order by p."created_at" desc, p."id" desc');
    const cheapest = build({ sort: ProductSort.PRICE_ASC, after: productCursor(ProductSort.PRICE_ASC, 350, id) });
    expect(cheapest.pageSql).toContain('(p."price_cents", p."id") > (?::int, ?::uuid)');
    expect(cheapest.pageParams.slice(-3)).toEqual([350, id, 21]);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['another sort', productCursor(ProductSort.NAME, 'atun', id)],
    ['a wrong key type', encodeCursor([ProductSort.NEWEST, 5, id])],
    ['a loose date', encodeCursor([ProductSort.NEWEST, 'yesterday', id])],
    ['a bad id', encodeCursor([ProductSort.NEWEST, '2026-11-23T08:00:00.123456Z', "x' or 1=1"])],
    ['too few values', encodeCursor([ProductSort.NEWEST, id])],
  ])('rejects %s as cursor with BAD_USER_INPUT', (_case, after) => {
    expect(() => build({ after })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    );
  });

  it('rejects a price range upside down', () => {
    expect(() => build({ filter: { minPriceCents: 500, maxPriceCents: 100 } })).toThrow(/maxPriceCents/);
  });
});

describe('cursor keys that decode but could never have been written', () => {
  const after = (sort: ProductSort, key: unknown) => Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
  const buildAfter = (sort: ProductSort, key: unknown) => () =>
    buildProductListQuery({ sort, after: after(sort, key), fetch: 21, viewer: null, mode: 'fulltext' });

  it.each([
    [ProductSort.NEWEST, '9999-99-99T99:99:99.999999Z'],
    [ProductSort.NEWEST, '2026-02-30T10:00:00.000000Z'],
    [ProductSort.NEWEST, '2026-11-24T24:00:00.000000Z'],
    [ProductSort.PRICE_ASC, 2 ** 31],
    [ProductSort.PRICE_DESC, -1],
    [ProductSort.PRICE_ASC, 1.5],
    [ProductSort.NAME, 'n'.repeat(10_000)],
    [ProductSort.NAME, 12],
  ])('%s %p is an invalid cursor, not a database error', (sort, key) => {
    expect(buildAfter(sort, key)).toThrow(
      expect.objectContaining({ message: 'Invalid cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it.each([
    [ProductSort.NEWEST, '2026-11-24T10:00:00.123456Z'],
    [ProductSort.PRICE_ASC, 0],
    [ProductSort.PRICE_DESC, 2 ** 31 - 1],
    [ProductSort.NAME, 'atun'],
  ])('%s %p is accepted', (sort, key) => {
    expect(buildAfter(sort, key)).not.toThrow();
  });

  it('accepts the timestamp form its own cursors carry', () => {
    expect(isCursorTimestamp('2024-02-29T23:59:59.999999Z')).toBe(true);
    expect(isCursorTimestamp('2023-02-29T23:59:59.999999Z')).toBe(false);
    expect(isCursorPrice(10_000_000)).toBe(true);
  });
});
