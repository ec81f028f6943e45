// Products on the subgraph: who may create and change them, every validation error, visibility, soft delete.
import { CREATE_PRODUCT, demo, productInput, startCatalogHarness, type CatalogHarness } from './support/catalog-harness';

const UPDATE_PRODUCT = `
  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) { id name description priceCents unit listed imageUrls available subcategory { id } }
  }
`;
const DELETE_PRODUCT = `mutation DeleteProduct($id: ID!) { deleteProduct(id: $id) }`;
const ADJUST = `
  mutation Adjust($productId: ID!, $delta: Int!, $reason: String) {
    adjustInventory(productId: $productId, delta: $delta, reason: $reason) { quantityOnHand quantityReserved quantityAvailable lowStockThreshold }
  }
`;
const PRODUCT = `query Product($id: ID!) { product(id: $id) { id name listed } }`;

let h: CatalogHarness;
let rosa: string;
let pedro: string;
let admin: string;
let client: string;

beforeAll(async () => {
  h = await startCatalogHarness();
  rosa = h.token('SELLER', demo.rosa);
  pedro = h.token('SELLER', demo.pedro);
  admin = h.token('ADMIN');
  client = h.token('CLIENT');
});
afterAll(() => h?.stop());

async function createAsRosa(overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await h.gql(CREATE_PRODUCT, { input: productInput(overrides) }, rosa);
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct.id;
}

describe('createProduct', () => {
  it('creates a listed, available product with its inventory for the seller', async () => {
    const result = await h.gql(CREATE_PRODUCT, { input: productInput({ lowStockThreshold: 3, imageUrls: ['https://img.example.ec/c.jpg'] }) }, rosa);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createProduct).toMatchObject({
      name: 'Corvina de roca',
      priceCents: 450,
      unit: 'LB',
      listed: true,
      available: true,
      inventory: { quantityOnHand: 10, quantityReserved: 0, quantityAvailable: 10, lowStockThreshold: 3 },
    });
  });

  it('refuses a client (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const asClient = await h.gql(CREATE_PRODUCT, { input: productInput() }, client);
    expect(asClient.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await h.gql(CREATE_PRODUCT, { input: productInput() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badToken = await h.gql(CREATE_PRODUCT, { input: productInput() }, 'not-a-token');
    expect(badToken.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['name', 'too short', { name: 'X' }],
    ['name', 'blank', { name: ' '.repeat(5) }],
    ['name', 'too long', { name: 'x'.repeat(121) }],
    ['description', 'too long', { description: 'x'.repeat(2001) }],
    ['priceCents', 'zero', { priceCents: 0 }],
    ['priceCents', 'negative', { priceCents: -100 }],
    ['priceCents', 'absurdly high', { priceCents: 10_000_001 }],
    ['subcategoryId', 'malformed', { subcategoryId: 'not-an-id' }],
    ['subcategoryId', 'unknown', { subcategoryId: '6f1c7a1e-0002-4000-8000-000000000999' }],
    ['quantityOnHand', 'zero', { quantityOnHand: 0 }],
    ['quantityOnHand', 'negative', { quantityOnHand: -3 }],
    ['lowStockThreshold', 'negative', { lowStockThreshold: -1 }],
    ['imageUrls', 'javascript: URL', { imageUrls: ['javascript:alert(1)'] }],
    ['imageUrls', 'ftp: URL', { imageUrls: ['ftp://files.example.ec/a.jpg'] }],
    ['imageUrls', 'relative path', { imageUrls: ['/relative/path.jpg'] }],
    ['imageUrls', 'more than 10', { imageUrls: Array.from({ length: 11 }, (_, i) => `https://img.example.ec/${i}.jpg`) }],
    ['caughtAt', 'in the future', { caughtAt: new Date(Date.now() + 24 * 3600_000).toISOString() }],
  ])('rejects %s (%s) with BAD_USER_INPUT naming the field', async (field, _case, overrides) => {
    const result = await h.gql(CREATE_PRODUCT, { input: productInput(overrides) }, rosa);
    expect(result.data?.createProduct ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects an unknown unit with BAD_USER_INPUT', async () => {
    const result = await h.gql(CREATE_PRODUCT, { input: productInput({ unit: 'TONELADA' }) }, rosa);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/unit/);
  });
});

describe('updateProduct, deleteProduct, adjustInventory ownership', () => {
  let productId: string;
  beforeAll(async () => {
    productId = await createAsRosa({ name: 'Camarón tigre' });
  });

  it('lets another seller touch nothing (FORBIDDEN) and leaves the product as it was', async () => {
    const update = await h.gql(UPDATE_PRODUCT, { id: productId, input: { priceCents: 1 } }, pedro);
    expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const remove = await h.gql(DELETE_PRODUCT, { id: productId }, pedro);
    expect(remove.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adjust = await h.gql(ADJUST, { productId, delta: -5 }, pedro);
    expect(adjust.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const current = await h.gql(`query { product(id: "${productId}") { priceCents inventory { quantityOnHand } } }`);
    expect(current.data!.product).toEqual({ priceCents: 450, inventory: { quantityOnHand: 10 } });
  });

  it('refuses clients', async () => {
    const update = await h.gql(UPDATE_PRODUCT, { id: productId, input: { priceCents: 1 } }, client);
    expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adjust = await h.gql(ADJUST, { productId, delta: 1 }, client);
    expect(adjust.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the owner update, with the same validation rules', async () => {
    const ok = await h.gql(UPDATE_PRODUCT, { id: productId, input: { priceCents: 700, description: null, imageUrls: ['http://img.example.ec/t.jpg'] } }, rosa);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateProduct).toMatchObject({ priceCents: 700, description: null, imageUrls: ['http://img.example.ec/t.jpg'] });
    for (const [field, input] of [
      ['priceCents', { priceCents: 0 }],
      ['name', { name: 'a' }],
      ['name', { name: null }],
      ['imageUrls', { imageUrls: ['data:image/png;base64,AAAA'] }],
      ['subcategoryId', { subcategoryId: '6f1c7a1e-0002-4000-8000-000000000999' }],
      ['listed', { listed: null }],
    ] as const) {
      const bad = await h.gql(UPDATE_PRODUCT, { id: productId, input }, rosa);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('lets an administrator update any product', async () => {
    const result = await h.gql(UPDATE_PRODUCT, { id: productId, input: { name: 'Camarón tigre grande' } }, admin);
    expect(result.data!.updateProduct.name).toBe('Camarón tigre grande');
  });

  it('hides an unlisted product from everyone but its owner and administrators', async () => {
    await h.gql(UPDATE_PRODUCT, { id: productId, input: { listed: false } }, rosa);
    expect((await h.gql(PRODUCT, { id: productId })).data!.product).toBeNull();
    expect((await h.gql(PRODUCT, { id: productId }, pedro)).data!.product).toBeNull();
    expect((await h.gql(PRODUCT, { id: productId }, rosa)).data!.product).toMatchObject({ listed: false });
    expect((await h.gql(PRODUCT, { id: productId }, admin)).data!.product).toMatchObject({ listed: false });
    const browse = `query { products(filter: { search: "tigre" }) { totalCount } }`;
    expect((await h.gql(browse)).data!.products.totalCount).toBe(0);
    expect((await h.gql(browse, {}, rosa)).data!.products.totalCount).toBe(1);
    await h.gql(UPDATE_PRODUCT, { id: productId, input: { listed: true } }, rosa);
    expect((await h.gql(browse)).data!.products.totalCount).toBe(1);
  });

  it('adjusts stock for the owner, never below what is reserved', async () => {
    const down = await h.gql(ADJUST, { productId, delta: -4, reason: 'merma' }, rosa);
    expect(down.data!.adjustInventory).toMatchObject({ quantityOnHand: 6, quantityAvailable: 6 });
    const reserve = await h.internal('POST', '/internal/reservations', {
      orderId: '00000000-0000-4000-8000-00000000a001',
      lines: [{ productId, quantity: 4 }],
    });
    expect(reserve.status).toBe(201);
    const tooFar = await h.gql(ADJUST, { productId, delta: -3 }, rosa);
    expect(tooFar.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delta' });
    const zero = await h.gql(ADJUST, { productId, delta: 0 }, rosa);
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delta' });
    const exact = await h.gql(ADJUST, { productId, delta: -2 }, rosa);
    expect(exact.data!.adjustInventory).toEqual({ quantityOnHand: 4, quantityReserved: 4, quantityAvailable: 0, lowStockThreshold: 0 });
    const product = await h.gql(`query { product(id: "${productId}") { available } }`);
    expect(product.data!.product.available).toBe(false);
  });

  it('soft-deletes: the owner deletes, the product leaves browsing but still resolves as an entity', async () => {
    const id = await createAsRosa({ name: 'Pulpo de roca' });
    const removed = await h.gql(DELETE_PRODUCT, { id }, rosa);
    expect(removed.data!.deleteProduct).toBe(true);
    expect((await h.gql(PRODUCT, { id }, rosa)).data!.product).toBeNull();
    const again = await h.gql(DELETE_PRODUCT, { id }, rosa);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const update = await h.gql(UPDATE_PRODUCT, { id, input: { priceCents: 500 } }, rosa);
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const entities = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id name available } } }`,
      { r: [{ __typename: 'Product', id }] },
    );
    expect(entities.data!._entities).toEqual([{ id, name: 'Pulpo de roca', available: false }]);
  });

  it('returns null for unknown or malformed ids in product(id)', async () => {
    expect((await h.gql(PRODUCT, { id: '6f1c7a1e-9999-4000-8000-000000000000' })).data!.product).toBeNull();
    expect((await h.gql(PRODUCT, { id: 'nope' })).data!.product).toBeNull();
  });
});

describe('categories', () => {
  it('lists the seeded assortment with subcategories', async () => {
    const result = await h.gql(`query { categories { name slug subcategories { name slug category { slug } } } }`);
    const names = result.data!.categories.map((c: { name: string }) => c.name);
    expect(names).toEqual(['Mariscos', 'Moluscos', 'Pescados', 'Preparados']);
    const mariscos = result.data!.categories[0];
    expect(mariscos.subcategories.map((s: { slug: string }) => s.slug)).toEqual(['camaron', 'cangrejo', 'langosta', 'langostino']);
    expect(mariscos.subcategories[0].category.slug).toBe('mariscos');
  });

  it('lets only administrators create categories and subcategories, with unique slugs', async () => {
    const asSeller = await h.gql(`mutation { createCategory(name: "Algas") { id } }`, {}, rosa);
    expect(asSeller.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await h.gql(`mutation { createCategory(name: "Algas marinas") { id slug } }`, {}, admin);
    expect(created.data!.createCategory.slug).toBe('algas-marinas');
    const duplicate = await h.gql(`mutation { createCategory(name: "Algas Marinas") { id } }`, {}, admin);
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    const sub = await h.gql(
      `mutation($c: ID!) { createSubcategory(categoryId: $c, name: "Cochayuyo") { slug category { slug } } }`,
      { c: created.data!.createCategory.id },
      admin,
    );
    expect(sub.data!.createSubcategory).toEqual({ slug: 'cochayuyo', category: { slug: 'algas-marinas' } });
    const unknown = await h.gql(
      `mutation { createSubcategory(categoryId: "6f1c7a1e-0001-4000-8000-000000000999", name: "X") { id } }`,
      {},
      admin,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categoryId' });
    const dupSub = await h.gql(
      `mutation { createSubcategory(categoryId: "${created.data!.createCategory.id}", name: "Camarón") { id } }`,
      {},
      admin,
    );
    expect(dupSub.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
