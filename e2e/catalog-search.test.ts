// Flow 2 of docs/architecture.md through the gateway, the shopper's side: Spanish accent-insensitive search, filters, and keyset
// pagination over 260 products of one seller on every sort, with each seller's stall resolved by the users subgraph.
import { randomBytes } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import type { CreateProductInput, ProductFilter, ProductSort } from './__generated__/graphql';
import { AdjustInventoryMutation, CreateProductMutation, MyProductsQuery, ProductsQuery } from './operations/catalog.operations';
import { RegisterMutation } from './operations/users.operations';
import { errorCode, execute, ok, uniqueEmail } from './support/client';
import { oddStrings } from './support/hostile-requests';

type ProductNode = ResultOf<typeof ProductsQuery>['products']['edges'][number]['node'];
type Created = ResultOf<typeof CreateProductMutation>['createProduct'];

const CAMARON = '6f1c7a1e-0002-4000-8000-000000000008';
const ATUN = '6f1c7a1e-0002-4000-8000-000000000001';
const PESCADOS = '6f1c7a1e-0001-4000-8000-000000000001';

interface Seller {
  token: string;
  id: string;
  name: string;
  stallName: string;
}

async function registerSeller(name: string, stallName: string): Promise<Seller> {
  const { register } = await ok(RegisterMutation, {
    input: { email: uniqueEmail('seller'), password: 'Pescado-fresco-2026', name, role: 'SELLER', stallName },
  });
  return { token: register.accessToken, id: register.user.id, name, stallName };
}

/** Lists the products through the gateway, a batch of concurrent mutations at a time. */
async function createProducts(seller: Seller, inputs: Partial<CreateProductInput>[]): Promise<Created[]> {
  const created: Created[] = [];
  for (let start = 0; start < inputs.length; start += 20) {
    const batch = inputs
      .slice(start, start + 20)
      .map((input) =>
        ok(
          CreateProductMutation,
          { input: { priceCents: 450, unit: 'LB', subcategoryId: CAMARON, quantityOnHand: 10, ...input } as CreateProductInput },
          { token: seller.token },
        ),
      );
    created.push(...(await Promise.all(batch)).map((r) => r.createProduct));
  }
  return created;
}

/** Follows endCursor until the last page; every page must report the same total. */
async function pageThrough(filter: ProductFilter, sort: ProductSort, first: number, expectedTotal?: number) {
  const seen: ProductNode[] = [];
  let after: string | null | undefined = null;
  let pages = 0;
  for (;;) {
    const { products }: ResultOf<typeof ProductsQuery> = await ok(ProductsQuery, { filter, sort, first, after });
    if (expectedTotal !== undefined) expect(products.totalCount).toBe(expectedTotal);
    expect(products.edges.length).toBeLessThanOrEqual(first);
    seen.push(...products.edges.map((e) => e.node));
    pages += 1;
    if (!products.pageInfo.hasNextPage) break;
    after = products.pageInfo.endCursor;
    expect(pages).toBeLessThan(100);
  }
  return { seen, pages };
}

/** The NAME sort key: accents and case ignored, as the catalog's es_sort_key. */
const nameKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

describe('pagination over 260 products of one seller', () => {
  const COUNT = 260;
  const bases = ['Atún', 'albacora', 'Ñato', 'Camarón', 'corvina', 'Dorado', 'Langosta', 'Mejillón', 'pargo', 'Pulpo', 'Órgano', 'wahoo', 'Éxito'];
  // a word of its own in every description, so a search can gather this seller's products and another's
  const lotWord = `marea${randomBytes(5)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
  let shelf: Seller;
  let neighbour: Seller;
  let products: Created[];

  beforeAll(async () => {
    [shelf, neighbour] = await Promise.all([registerSeller('Jacinto Pin', 'Pesca Jacinto'), registerSeller('Narcisa Mero', 'La Red de Narcisa')]);
    // ties on purpose: seven prices, thirteen names each repeated, and concurrent creations sharing a millisecond
    products = await createProducts(
      shelf,
      Array.from({ length: COUNT }, (_, i) => ({
        name: `${bases[i % bases.length]} ${Math.floor(i / 50)}`,
        description: `Lote ${lotWord}`,
        priceCents: 100 + (i % 7) * 50,
        subcategoryId: i % 2 ? CAMARON : ATUN,
      })),
    );
    await createProducts(neighbour, [{ name: 'Picudo en rodajas', description: `Lote ${lotWord}`, priceCents: 300 }]);
  });

  const expectedOrder: Record<ProductSort, (a: Created, b: Created) => number> = {
    NEWEST: (a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id),
    PRICE_ASC: (a, b) => compare(a.priceCents, b.priceCents) || compare(a.id, b.id),
    PRICE_DESC: (a, b) => compare(b.priceCents, a.priceCents) || compare(b.id, a.id),
    NAME: (a, b) => compare(nameKey(a.name), nameKey(b.name)) || compare(a.id, b.id),
  };

  it.each(Object.keys(expectedOrder) as ProductSort[])('%s: every product exactly once, in the order of the sort', async (sort) => {
    const { seen, pages } = await pageThrough({ sellerId: shelf.id }, sort, 37, COUNT);
    expect(pages).toBe(Math.ceil(COUNT / 37));
    expect(new Set(seen.map((p) => p.id)).size).toBe(COUNT);
    expect(seen.map((p) => p.id)).toEqual([...products].sort(expectedOrder[sort]).map((p) => p.id));
  });

  it('pages with the largest page size too', async () => {
    const { seen, pages } = await pageThrough({ sellerId: shelf.id }, 'PRICE_ASC', 100, COUNT);
    expect(pages).toBe(3);
    expect(new Set(seen.map((p) => p.id))).toEqual(new Set(products.map((p) => p.id)));
  });

  it('sorts by name ignoring accents and case', async () => {
    const { seen } = await pageThrough({ sellerId: shelf.id }, 'NAME', 100, COUNT);
    expect([...new Set(seen.map((p) => p.name.split(' ')[0]))]).toEqual([
      'albacora',
      'Atún',
      'Camarón',
      'corvina',
      'Dorado',
      'Éxito',
      'Langosta',
      'Mejillón',
      'Ñato',
      'Órgano',
      'pargo',
      'Pulpo',
      'wahoo',
    ]);
  });

  it('resolves seller, subcategory, category and inventory for a page of 100 from two sellers', async () => {
    const { products: page } = await ok(ProductsQuery, { filter: { search: lotWord }, sort: 'NEWEST', first: 100 });
    expect(page.totalCount).toBe(COUNT + 1);
    expect(page.edges).toHaveLength(100);
    const stalls = new Map([shelf, neighbour].map((s) => [s.id, { id: s.id, name: s.name, sellerProfile: { stallName: s.stallName } }]));
    for (const { node } of page.edges) expect(node.seller).toEqual(stalls.get(node.seller.id));
    expect(new Set(page.edges.map((e) => e.node.seller.id))).toEqual(new Set(stalls.keys()));
    const byId = new Map(products.map((p) => [p.id, p]));
    for (const { node } of page.edges.filter((e) => e.node.seller.id === shelf.id)) {
      const subcategory = byId.get(node.id)!.subcategory;
      expect(node.subcategory).toEqual(
        subcategory.id === ATUN
          ? { id: ATUN, name: 'Atún aleta amarilla', category: { id: PESCADOS, name: 'Pescados' } }
          : { id: CAMARON, name: 'Camarón', category: { id: expect.any(String), name: 'Mariscos' } },
      );
      expect(node.inventory).toEqual({ quantityAvailable: 10 });
    }
  });

  it('rejects a bad cursor, a cursor of another sort, and first outside 1..100 with BAD_USER_INPUT', async () => {
    const { products: first } = await ok(ProductsQuery, { filter: { sellerId: shelf.id }, sort: 'NEWEST', first: 5 });
    const newestCursor = first.pageInfo.endCursor;
    expect(newestCursor).toEqual(expect.any(String));
    for (const variables of [
      { after: 'not-a-cursor' },
      { after: Buffer.from('["NEWEST","yesterday","x"]').toString('base64url') },
      { after: newestCursor, sort: 'PRICE_ASC' as const },
      { first: 101 },
      { first: 0 },
      { first: -1 },
    ]) {
      const result = await execute(ProductsQuery, { filter: { sellerId: shelf.id }, sort: 'NEWEST', ...variables });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('search', () => {
  let stall: Seller;

  beforeAll(async () => {
    stall = await registerSeller('Rosa Chávez', 'Mariscos Chávez');
    await createProducts(stall, [
      { name: 'Atún', subcategoryId: ATUN, quantityOnHand: 30 },
      { name: 'Camarón', subcategoryId: CAMARON },
      { name: 'Camarones frescos del día', subcategoryId: CAMARON },
      { name: 'Calamar', subcategoryId: CAMARON, description: 'Limpio y pelado' },
      { name: 'Langostino', subcategoryId: CAMARON, priceCents: 900 },
      { name: 'Corvina de roca', subcategoryId: ATUN, description: 'Para encebollado' },
    ]);
  });

  const names = async (filter: ProductFilter) =>
    (await ok(ProductsQuery, { filter: { sellerId: stall.id, ...filter }, sort: 'NAME', first: 50 })).products.edges.map((e) => e.node.name);
  const search = (text: string) => names({ search: text });

  it('"atun" finds "Atún", with or without the accent, with the stall from the users subgraph', async () => {
    expect(await search('atun')).toEqual(['Atún']);
    expect(await search('ATÚN')).toEqual(['Atún']);
    const { products } = await ok(ProductsQuery, { filter: { sellerId: stall.id, search: 'atun' } });
    expect(products.edges[0].node).toMatchObject({
      name: 'Atún',
      available: true,
      seller: { id: stall.id, name: 'Rosa Chávez', sellerProfile: { stallName: 'Mariscos Chávez' } },
      subcategory: { name: 'Atún aleta amarilla', category: { name: 'Pescados' } },
      inventory: { quantityAvailable: 30 },
    });
  });

  it('"camarones" finds "Camarón", and "camarón" finds "Camarones"', async () => {
    expect(await search('camarones')).toEqual(['Camarón', 'Camarones frescos del día']);
    expect(await search('camarón')).toEqual(['Camarón', 'Camarones frescos del día']);
    expect(await search('camaron')).toEqual(['Camarón', 'Camarones frescos del día']);
  });

  it('finds the seeded atún and camarón of the market without accents', async () => {
    const found = async (text: string) => (await pageThrough({ search: text }, 'NAME', 100)).seen.map((p) => p.name);
    expect(await found('atun')).toEqual(expect.arrayContaining(['Atún entero', 'Lomo de atún aleta amarilla']));
    expect(await found('camarones')).toEqual(expect.arrayContaining(['Camarón blanco jumbo', 'Camarón pomada']));
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
    expect(await names({ categoryId: PESCADOS })).toEqual(['Atún', 'Corvina de roca']);
    expect(await names({ subcategoryId: ATUN, search: 'corvina' })).toEqual(['Corvina de roca']);
    expect(await names({ minPriceCents: 500 })).toEqual(['Langostino']);
    expect(await names({ maxPriceCents: 450, search: 'atun' })).toEqual(['Atún']);
    const { products } = await ok(ProductsQuery, { filter: { sellerId: stall.id, search: 'langostino' } });
    await ok(AdjustInventoryMutation, { productId: products.edges[0].node.id, delta: -10 }, { token: stall.token });
    expect(await names({ availableOnly: true })).toEqual(['Atún', 'Calamar', 'Camarón', 'Camarones frescos del día', 'Corvina de roca']);
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
      const result = await execute(ProductsQuery, { filter });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it("lists a seller's own products on User.products, next to the fields the users subgraph owns", async () => {
    const { me } = await ok(MyProductsQuery, { first: 2 }, { token: stall.token });
    expect(me).toMatchObject({ id: stall.id, name: 'Rosa Chávez', role: 'SELLER', products: { totalCount: 6, pageInfo: { hasNextPage: true } } });
    expect(me?.products.edges).toHaveLength(2);
    const next = await ok(MyProductsQuery, { first: 50, after: me?.products.pageInfo.endCursor }, { token: stall.token });
    expect(next.me?.products.edges).toHaveLength(4);
  });
});

describe('search and cursors that used to reach PostgreSQL as errors', () => {
  const storable = oddStrings.filter(([label]) => !['nul byte', 'only nul', 'lone surrogate', 'reversed surrogates'].includes(label));

  it.each(storable)('searching for %s answers normally', async (_label, search) => {
    const result = await execute(ProductsQuery, { filter: { search }, first: 5 });
    if (search.length > 200) {
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
      return;
    }
    expect(result.errors).toBeUndefined();
    expect(result.data?.products.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('still finds "Camarón" when the apostrophe is a modifier letter or the accent a combining mark', async () => {
    for (const search of ['camarónʼ', 'ʻcamarones', 'camaro\u0301n']) {
      const names = (await ok(ProductsQuery, { filter: { search }, first: 20 })).products.edges.map((e) => e.node.name);
      expect(names.some((n) => n.startsWith('Camarón'))).toBe(true);
    }
  });

  const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
  const someId = '6f1c7a1e-0003-4000-8000-000000000001';

  it.each([
    ['NEWEST', forged(['NEWEST', '9999-99-99T99:99:99.999999Z', someId])],
    ['PRICE_ASC', forged(['PRICE_ASC', 2 ** 31, someId])],
    ['PRICE_DESC', forged(['PRICE_DESC', -5, someId])],
    ['NAME', forged(['NAME', 'n'.repeat(10_000), someId])],
  ] as const)('a forged %s cursor with an impossible key is BAD_USER_INPUT on after', async (sort, after) => {
    const result = await execute(ProductsQuery, { sort, after });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const listings = await execute(
      `query($after: String) { products(first: 1) { edges { node { seller { products(after: $after) { totalCount } } } } } }`,
      { after: forged(['NEWEST', '9999-99-99T99:99:99.999999Z', someId]) },
    );
    expect(listings.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
