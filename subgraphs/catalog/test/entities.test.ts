// Federation: what the gateway's query planner sends the catalog subgraph (_entities, _service).
import { CREATE_PRODUCT, demo, productInput, startCatalogHarness, type CatalogHarness } from './support/catalog-harness';

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Product { id name priceCents unit available seller { id } subcategory { name category { name } } inventory { quantityAvailable } }
      ... on Category { id name }
      ... on Subcategory { id slug }
      ... on User { id products(first: 5) { totalCount } }
      ... on Inventory { productId quantityOnHand }
    }
  }
`;

let h: CatalogHarness;
let productId: string;

beforeAll(async () => {
  h = await startCatalogHarness();
  const created = await h.gql(CREATE_PRODUCT, { input: productInput({ name: 'Pargo rojo', priceCents: 375 }) }, h.token('SELLER', demo.pedro));
  productId = created.data!.createProduct.id;
});
afterAll(() => h?.stop());

it('resolves Product representations, in order, with null for unknown or malformed ids', async () => {
  const result = await h.gql(ENTITIES, {
    representations: [
      { __typename: 'Product', id: productId },
      { __typename: 'Product', id: '6f1c7a1e-0003-4000-8000-000000000999' },
      { __typename: 'Product', id: 'not-a-uuid' },
      { __typename: 'Product', id: productId.toUpperCase() },
    ],
  });
  expect(result.errors).toBeUndefined();
  const expected = {
    __typename: 'Product',
    id: productId,
    name: 'Pargo rojo',
    priceCents: 375,
    unit: 'LB',
    available: true,
    seller: { id: demo.pedro },
    subcategory: { name: 'Camarón', category: { name: 'Mariscos' } },
    inventory: { quantityAvailable: 10 },
  };
  expect(result.data!._entities).toEqual([expected, null, null, expected]);
});

it('resolves Category, Subcategory, Inventory and User (with the seller listings catalog adds)', async () => {
  const result = await h.gql(ENTITIES, {
    representations: [
      { __typename: 'Category', id: '6f1c7a1e-0001-4000-8000-000000000001' },
      { __typename: 'Subcategory', id: '6f1c7a1e-0002-4000-8000-000000000008' },
      { __typename: 'Inventory', productId },
      { __typename: 'User', id: demo.pedro },
    ],
  });
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toEqual([
    { __typename: 'Category', id: '6f1c7a1e-0001-4000-8000-000000000001', name: 'Pescados' },
    { __typename: 'Subcategory', id: '6f1c7a1e-0002-4000-8000-000000000008', slug: 'camaron' },
    { __typename: 'Inventory', productId, quantityOnHand: 10 },
    { __typename: 'User', id: demo.pedro, products: { totalCount: 9 } },
  ]);
});

it('serves its SDL with the federation keys', async () => {
  const result = await h.gql(`query { _service { sdl } }`);
  const sdl: string = result.data!._service.sdl;
  expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)/);
  expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
  expect(sdl).toContain('products(after: String, first: Int): ProductConnection!');
});
