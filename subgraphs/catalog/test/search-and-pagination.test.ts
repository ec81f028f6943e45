// Browsing: Spanish accent-insensitive search, filters, and keyset pagination over 260 products on every sort.
import { randomUUID } from 'node:crypto';
import { Inventory } from '../src/modules/inventory/inventory.entity';
import { Product } from '../src/modules/product/product.entity';
import { Unit } from '../src/modules/product/unit.enum';
import { CAMARON_SUBCATEGORY, CREATE_PRODUCT, PESCADOS_CATEGORY, productInput, startCatalogHarness, type CatalogHarness, type GraphQLResult } from './support/catalog-harness';

const PAGE = `
  query Page($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name priceCents } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const ATUN_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000001';
const PAGINATED = 260;
const names = ['Atún', 'albacora', 'Ñato', 'Camarón', 'corvina', 'Dorado', 'Langosta', 'Mejillón', 'pargo', 'Pulpo', 'Órgano', 'wahoo', 'Éxito'];

let h: CatalogHarness;

beforeAll(async () => {
  h = await startCatalogHarness();
});
afterAll(() => h?.stop());

/** Inserts products for a seller of their own, with deliberate ties on creation time, price and name. */
async function insertProducts(sellerId: string, count: number): Promise<void> {
  const em = h.service.runtime.orm.em.fork();
  const base = Date.now() - 3600_000;
  await em.transactional(async (tx) => {
    const products = Array.from({ length: count }, (_, i) =>
      tx.create(Product, {
        sellerId,
        subcategoryId: i % 2 ? CAMARON_SUBCATEGORY : ATUN_SUBCATEGORY,
        name: `${names[i % names.length]} ${Math.floor(i / 50)}`,
        priceCents: 100 + (i % 7) * 50,
        unit: Unit.LB,
        createdAt: new Date(base + Math.floor(i / 10) * 1000), // ten products per timestamp
      } as Product),
    );
    await tx.flush();
    products.forEach((p, i) => tx.create(Inventory, { productId: p.id, quantityOnHand: i % 5 === 0 ? 0 : 5 } as Inventory));
  });
}

async function pageThrough(filter: Record<string, unknown>, sort: string, first: number) {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const result: GraphQLResult = await h.gql(PAGE, { filter, sort, first, after });
    expect(result.errors).toBeUndefined();
    const connection: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = result.data!.products;
    expect(connection.totalCount).toBe(PAGINATED);
    seen.push(...connection.edges.map((e) => e.node.id));
    pages += 1;
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
    expect(pages).toBeLessThan(100);
  }
  return { seen, pages };
}

describe('pagination over 260 products', () => {
  const sellerId = randomUUID();
  const orderBy: Record<string, string> = {
    NEWEST: '"created_at" desc, "id" desc',
    PRICE_ASC: '"price_cents" asc, "id" asc',
    PRICE_DESC: '"price_cents" desc, "id" desc',
    NAME: '"name_key" asc, "id" asc',
  };

  beforeAll(() => insertProducts(sellerId, PAGINATED));

  it.each(Object.keys(orderBy))('%s: every product exactly once, in the order of the sort', async (sort) => {
    const { seen, pages } = await pageThrough({ sellerId }, sort, 37);
    expect(pages).toBe(Math.ceil(PAGINATED / 37));
    expect(new Set(seen).size).toBe(PAGINATED);
    expect(seen).toHaveLength(PAGINATED);
    const expected = await h.service.runtime.orm.em
      .fork()
      .execute<{ id: string }[]>(`select "id" from "catalog"."product" where "seller_id" = ? order by ${orderBy[sort]}`, [sellerId]);
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  it('pages with the largest page size too', async () => {
    const { seen, pages } = await pageThrough({ sellerId }, 'PRICE_ASC', 100);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(PAGINATED);
  });

  it('sorts by name ignoring accents and case', async () => {
    const bases: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 2; page += 1) {
      const result: GraphQLResult = await h.gql(PAGE, { filter: { sellerId }, sort: 'NAME', first: 100, after });
      for (const edge of result.data!.products.edges) bases.push(edge.node.name.split(' ')[0]);
      after = result.data!.products.pageInfo.endCursor;
    }
    expect([...new Set(bases)]).toEqual(['albacora', 'Atún', 'Camarón', 'corvina', 'Dorado', 'Éxito', 'Langosta', 'Mejillón', 'Ñato', 'Órgano']);
  });

  it('rejects a bad cursor, a cursor of another sort, and first outside 1..100 with BAD_USER_INPUT', async () => {
    const first = await h.gql(PAGE, { filter: { sellerId }, sort: 'NEWEST', first: 5 });
    const newestCursor = first.data!.products.pageInfo.endCursor;
    for (const variables of [
      { after: 'not-a-cursor' },
      { after: Buffer.from('["NEWEST","yesterday","x"]').toString('base64url') },
      { after: newestCursor, sort: 'PRICE_ASC' },
      { first: 101 },
      { first: 0 },
      { first: -1 },
    ]) {
      const result = await h.gql(PAGE, { filter: { sellerId }, sort: 'NEWEST', ...variables });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('search', () => {
  const sellerId = randomUUID();
  let seller: string;

  beforeAll(async () => {
    seller = h.token('SELLER', sellerId);
    for (const input of [
      { name: 'Atún', subcategoryId: ATUN_SUBCATEGORY },
      { name: 'Camarón', subcategoryId: CAMARON_SUBCATEGORY },
      { name: 'Camarones frescos del día', subcategoryId: CAMARON_SUBCATEGORY },
      { name: 'Calamar', subcategoryId: CAMARON_SUBCATEGORY, description: 'Limpio y pelado' },
      { name: 'Langostino', subcategoryId: CAMARON_SUBCATEGORY, priceCents: 900 },
      { name: 'Corvina de roca', subcategoryId: ATUN_SUBCATEGORY, description: 'Para encebollado' },
    ]) {
      const result = await h.gql(CREATE_PRODUCT, { input: productInput({ description: null, ...input }) }, seller);
      expect(result.errors).toBeUndefined();
    }
  });

  const search = async (text: string) => {
    const result = await h.gql(PAGE, { filter: { sellerId, search: text }, sort: 'NAME', first: 50 });
    expect(result.errors).toBeUndefined();
    return result.data!.products.edges.map((e: { node: { name: string } }) => e.node.name);
  };

  it('"atun" finds "Atún", with or without the accent', async () => {
    expect(await search('atun')).toEqual(['Atún']);
    expect(await search('ATÚN')).toEqual(['Atún']);
  });

  it('"camarones" finds "Camarón", and "camarón" finds "Camarones"', async () => {
    expect(await search('camarones')).toEqual(['Camarón', 'Camarones frescos del día']);
    expect(await search('camarón')).toEqual(['Camarón', 'Camarones frescos del día']);
    expect(await search('camaron')).toEqual(['Camarón', 'Camarones frescos del día']);
  });

  it('matches the beginning of a word, as a shopper types it', async () => {
    expect(await search('corv')).toEqual(['Corvina de roca']);
    expect(await search('langos')).toEqual(['Langostino']);
  });

  it('stems Spanish words and searches the description too', async () => {
    expect(await search('fresco')).toEqual(['Camarones frescos del día']);
    expect(await search('encebollados')).toEqual(['Corvina de roca']);
  });

  it('combines words (all must match) and supports quoted phrases and exclusions', async () => {
    expect(await search('camarones frescos')).toEqual(['Camarones frescos del día']);
    expect(await search('camarón -frescos')).toEqual(['Camarón']);
    expect(await search('"corvina de roca"')).toEqual(['Corvina de roca']);
  });

  it('falls back to similarity when full text finds nothing ("calamares" finds "Calamar")', async () => {
    expect(await search('calamares')).toEqual(['Calamar']);
  });

  it('finds nothing for what is not there, and treats a blank search as no search', async () => {
    expect(await search('ballena')).toEqual([]);
    expect(await search('   ')).toHaveLength(6);
  });

  it('filters by category, subcategory, price range and availability', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await h.gql(PAGE, { filter: { sellerId, ...filter }, sort: 'NAME', first: 50 })).data!.products.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
    expect(await names({ categoryId: PESCADOS_CATEGORY })).toEqual(['Atún', 'Corvina de roca']);
    expect(await names({ subcategoryId: ATUN_SUBCATEGORY, search: 'corvina' })).toEqual(['Corvina de roca']);
    expect(await names({ minPriceCents: 500 })).toEqual(['Langostino']);
    expect(await names({ maxPriceCents: 450, search: 'atun' })).toEqual(['Atún']);
    const langostino = (await h.gql(PAGE, { filter: { sellerId, search: 'langostino' } })).data!.products.edges[0].node.id;
    await h.gql(`mutation { adjustInventory(productId: "${langostino}", delta: -10) { quantityAvailable } }`, {}, seller);
    expect(await names({ availableOnly: true })).not.toContain('Langostino');
    expect(await names({ availableOnly: false })).toContain('Langostino');
  });

  it('rejects malformed filter values with BAD_USER_INPUT naming the field', async () => {
    for (const [filter, field] of [
      [{ categoryId: 'x' }, 'filter.categoryId'],
      [{ subcategoryId: '123' }, 'filter.subcategoryId'],
      [{ sellerId: 'abc' }, 'filter.sellerId'],
      [{ minPriceCents: -1 }, 'filter.minPriceCents'],
      [{ minPriceCents: 500, maxPriceCents: 100 }, 'filter.maxPriceCents'],
      [{ search: 'x'.repeat(201) }, 'filter.search'],
    ] as const) {
      const result = await h.gql(PAGE, { filter });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it("lists a seller's products on User.products", async () => {
    const result = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id products(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage } } } } }`,
      { r: [{ __typename: 'User', id: sellerId }] },
    );
    expect(result.data!._entities[0]).toMatchObject({ id: sellerId, products: { totalCount: 6, pageInfo: { hasNextPage: true } } });
    expect(result.data!._entities[0].products.edges).toHaveLength(2);
  });
});
