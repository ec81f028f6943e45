// Flow 2 of DESIGN.md through the gateway (the market jest starts): a seller lists products, anyone browses and
// searches them with the seller's stall resolved by the users subgraph; the catalog's rules hold end to end.
import { demo, errorCode, execute, ok, uniqueEmail } from '../../../e2e/support/client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const run = (query: string, variables: Record<string, unknown> = {}, token?: string) => execute<Data, Record<string, unknown>>(query, variables, { token });
const must = (query: string, variables: Record<string, unknown> = {}, token?: string) => ok<Data, Record<string, unknown>>(query, variables, { token });

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const CREATE = `mutation Create($input: CreateProductInput!) { createProduct(input: $input) { id name available seller { name sellerProfile { stallName } } } }`;
const BROWSE = `
  query Browse($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name priceCents unit available seller { id name sellerProfile { stallName } }
        subcategory { name category { name } } inventory { quantityAvailable } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const camaron = '6f1c7a1e-0002-4000-8000-000000000008';
const atun = '6f1c7a1e-0002-4000-8000-000000000001';

let seller: { token: string; id: string };

beforeAll(async () => {
  const { register } = await must(REGISTER, {
    input: { email: uniqueEmail('pescador'), password: 'Pescado-fresco-2026', name: 'Jacinto Pin', role: 'SELLER', stallName: 'Pesca Jacinto' },
  });
  seller = { token: register.accessToken, id: register.user.id };
  for (const input of [
    { name: 'Atún aleta amarilla fresco', priceCents: 380, unit: 'LB', subcategoryId: atun, quantityOnHand: 30 },
    { name: 'Camarón blanco', priceCents: 520, unit: 'LB', subcategoryId: camaron, quantityOnHand: 12 },
    { name: 'Camarones pomada', priceCents: 360, unit: 'LB', subcategoryId: camaron, quantityOnHand: 8 },
  ]) {
    await must(CREATE, { input }, seller.token);
  }
});

it('lets a seller list products that anyone then finds by Spanish search, with the stall from the users subgraph', async () => {
  const { products } = await must(BROWSE, { filter: { sellerId: seller.id, search: 'atun' } });
  expect(products.totalCount).toBe(1);
  expect(products.edges[0].node).toMatchObject({
    name: 'Atún aleta amarilla fresco',
    available: true,
    seller: { id: seller.id, name: 'Jacinto Pin', sellerProfile: { stallName: 'Pesca Jacinto' } },
    subcategory: { name: 'Atún aleta amarilla', category: { name: 'Pescados' } },
    inventory: { quantityAvailable: 30 },
  });
  const shrimp = await must(BROWSE, { filter: { sellerId: seller.id, search: 'camarones' }, sort: 'PRICE_ASC' });
  expect(shrimp.products.edges.map((e: Data) => e.node.name)).toEqual(['Camarones pomada', 'Camarón blanco']);
});

it("shows a seller's listings on User.products, next to the fields the users subgraph owns", async () => {
  const { me } = await must(`query { me { name role products(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage } } } }`, {}, seller.token);
  expect(me).toMatchObject({ name: 'Jacinto Pin', role: 'SELLER', products: { totalCount: 3, pageInfo: { hasNextPage: true } } });
});

it('browses the seeded catalog by category and pages with cursors', async () => {
  const { categories } = await must(`query { categories { id name subcategories { name } } }`);
  const pescados = categories.find((c: Data) => c.name === 'Pescados');
  expect(pescados.subcategories.map((s: Data) => s.name)).toEqual(expect.arrayContaining(['Atún aleta amarilla', 'Dorado', 'Picudo', 'Corvina', 'Pargo', 'Albacora', 'Wahoo']));
  const first = await must(BROWSE, { filter: { categoryId: pescados.id }, sort: 'NAME', first: 3 });
  const second = await must(BROWSE, { filter: { categoryId: pescados.id }, sort: 'NAME', first: 3, after: first.products.pageInfo.endCursor });
  const ids = [...first.products.edges, ...second.products.edges].map((e: Data) => e.node.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(first.products.totalCount).toBeGreaterThanOrEqual(6);
  expect(errorCode(await run(BROWSE, { first: 101 }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await run(BROWSE, { after: 'bogus' }))).toBe('BAD_USER_INPUT');
});

it('keeps the ownership rules: a client cannot list a product, another seller cannot touch it', async () => {
  const client = await must(LOGIN, { email: demo('carmen@example.ec').email, password: demo('carmen@example.ec').password });
  const asClient = await run(CREATE, { input: { name: 'Pulpo', priceCents: 500, unit: 'LB', subcategoryId: camaron, quantityOnHand: 2 } }, client.login.accessToken);
  expect(errorCode(asClient)).toBe('FORBIDDEN');

  const rosa = await must(LOGIN, { email: demo('rosa@espigon.ec').email, password: demo('rosa@espigon.ec').password });
  const mine = await must(BROWSE, { filter: { sellerId: seller.id, search: 'camarón blanco' } });
  const productId = mine.products.edges[0].node.id;
  const update = await run(`mutation($id: ID!) { updateProduct(id: $id, input: { priceCents: 1 }) { id } }`, { id: productId }, rosa.login.accessToken);
  expect(errorCode(update)).toBe('FORBIDDEN');
  const adjust = await run(`mutation($id: ID!) { adjustInventory(productId: $id, delta: -12) { quantityOnHand } }`, { id: productId }, rosa.login.accessToken);
  expect(errorCode(adjust)).toBe('FORBIDDEN');

  const invalid = await run(CREATE, { input: { name: 'Pulpo', priceCents: 0, unit: 'LB', subcategoryId: camaron, quantityOnHand: 2 } }, seller.token);
  expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceCents' });

  const sold = await must(`mutation($id: ID!) { adjustInventory(productId: $id, delta: -12, reason: "vendido en el muelle") { quantityAvailable } }`, { id: productId }, seller.token);
  expect(sold.adjustInventory.quantityAvailable).toBe(0);
  const available = await must(BROWSE, { filter: { sellerId: seller.id, availableOnly: true } });
  expect(available.products.edges.map((e: Data) => e.node.id)).not.toContain(productId);
});
