// Federation: what the gateway's query planner sends the market's catalog subgraph (_entities, _service), called directly.
import { Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { DeleteProductMutation, UpdateProductMutation } from '../../../e2e/operations/catalog.operations';
import { execute, ok } from '../../../e2e/support/client';
import { catalogUrl, listProduct, registerSeller, type Seller } from './support/market-catalog';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entity = any;

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Product { id name priceCents unit available seller { id } subcategory { name category { name } } inventory { quantityAvailable } }
      ... on Category { id name }
      ... on Subcategory { id slug }
      ... on User { id products(first: 2) { totalCount edges { node { id listed } } pageInfo { hasNextPage } } }
      ... on Inventory { productId quantityOnHand }
    }
  }
`;

const entities = async (representations: Record<string, unknown>[], token?: string): Promise<Entity[]> => {
  const result = await execute<{ _entities: Entity[] }, unknown>(ENTITIES, { representations }, { url: catalogUrl(), token });
  expect(result.errors).toBeUndefined();
  return result.data!._entities;
};

let seller: Seller;
let pargo: string;
let unlisted: string;
let deleted: string;

beforeAll(async () => {
  seller = await registerSeller();
  pargo = await listProduct(seller, { name: 'Pargo rojo', priceCents: 375 });
  await listProduct(seller, { name: 'Dorado entero' });
  await listProduct(seller, { name: 'Wahoo' });
  unlisted = await listProduct(seller, { name: 'Picudo' });
  await ok(UpdateProductMutation, { id: unlisted, input: { listed: false } }, { token: seller.token });
  deleted = await listProduct(seller, { name: 'Pulpo de roca' });
  await ok(DeleteProductMutation, { id: deleted }, { token: seller.token });
});

it('resolves Product representations, in order, with null for unknown or malformed ids', async () => {
  const expected = {
    __typename: 'Product',
    id: pargo,
    name: 'Pargo rojo',
    priceCents: 375,
    unit: 'LB',
    available: true,
    seller: { id: seller.id },
    subcategory: { name: 'Camarón', category: { name: 'Mariscos' } },
    inventory: { quantityAvailable: 10 },
  };
  expect(
    await entities([
      { __typename: 'Product', id: pargo },
      { __typename: 'Product', id: '6f1c7a1e-0003-4000-8000-000000000999' },
      { __typename: 'Product', id: 'not-a-uuid' },
      { __typename: 'Product', id: pargo.toUpperCase() },
    ]),
  ).toEqual([expected, null, null, expected]);
});

it('applies the rules of product(id): deleted products resolve for nobody, unlisted ones for their seller and admins only', async () => {
  const representations = [
    { __typename: 'Product', id: deleted },
    { __typename: 'Product', id: unlisted },
    { __typename: 'Inventory', productId: deleted },
    { __typename: 'Inventory', productId: unlisted },
  ];
  expect(await entities(representations)).toEqual([null, null, null, null]);
  const other = await registerSeller();
  expect(await entities(representations, other.token)).toEqual([null, null, null, null]);
  expect(await entities(representations, seller.token)).toEqual([
    null,
    expect.objectContaining({ id: unlisted, name: 'Picudo', available: false }),
    null,
    { __typename: 'Inventory', productId: unlisted, quantityOnHand: 10 },
  ]);
});

it('resolves Category, Subcategory and Inventory', async () => {
  expect(
    await entities([
      { __typename: 'Category', id: '6f1c7a1e-0001-4000-8000-000000000001' },
      { __typename: 'Subcategory', id: '6f1c7a1e-0002-4000-8000-000000000008' },
      { __typename: 'Inventory', productId: pargo },
    ]),
  ).toEqual([
    { __typename: 'Category', id: '6f1c7a1e-0001-4000-8000-000000000001', name: 'Pescados' },
    { __typename: 'Subcategory', id: '6f1c7a1e-0002-4000-8000-000000000008', slug: 'camaron' },
    { __typename: 'Inventory', productId: pargo, quantityOnHand: 10 },
  ]);
});

it("adds a seller's listings to User: listed ones for everyone, unlisted ones too for the seller, never deleted ones", async () => {
  const [asAnyone] = await entities([{ __typename: 'User', id: seller.id }]);
  expect(asAnyone).toMatchObject({ __typename: 'User', id: seller.id, products: { totalCount: 3, pageInfo: { hasNextPage: true } } });
  expect(asAnyone.products.edges).toHaveLength(2);
  const [asSeller] = await entities([{ __typename: 'User', id: seller.id }], seller.token);
  expect(asSeller.products.totalCount).toBe(4);
  // newest first: the unlisted product is the newest the seller still has
  expect(asSeller.products.edges[0].node).toEqual({ id: unlisted, listed: false });
});

it('serves its SDL with the federation keys', async () => {
  const result = await execute<{ _service: { sdl: string } }, unknown>('{ _service { sdl } }', undefined, { url: catalogUrl() });
  const sdl = result.data!._service.sdl;
  expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)/);
  expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
  // read as SDL, not as text: descriptions sit between the arguments
  const user = parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'User');
  const products = user?.fields?.find((field) => field.name.value === 'products');
  const signature =
    products && `products(${(products.arguments ?? []).map((arg) => `${arg.name.value}: ${print(arg.type)}`).join(', ')}): ${print(products.type)}`;
  expect(signature).toBe('products(after: String, first: Int): ProductConnection!');
});
