// No N+1: a page of 100 products with seller, subcategory, category and inventory costs the same SQL as a page of 20.
import { randomUUID } from 'node:crypto';
import { Inventory } from '../src/modules/inventory/inventory.entity';
import { Product } from '../src/modules/product/product.entity';
import { Unit } from '../src/modules/product/unit.enum';
import { CAMARON_SUBCATEGORY, startCatalogHarness, type CatalogHarness } from './support/catalog-harness';

const PAGE_WITH_NESTED_FIELDS = `
  query Browse($first: Int!, $filter: ProductFilter) {
    products(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id name priceCents available
          seller { id }
          subcategory { id name category { id name slug } }
          inventory { quantityOnHand quantityReserved quantityAvailable lowStockThreshold }
        }
      }
    }
  }
`;

let h: CatalogHarness;

beforeAll(async () => {
  h = await startCatalogHarness({ env: { OUTBOX_POLL_INTERVAL_MS: '60000' } });
  const em = h.service.runtime.orm.em.fork();
  // 120 products across several sellers, on top of the seeded ones
  await em.transactional(async (tx) => {
    const sellers = Array.from({ length: 6 }, () => randomUUID());
    const products = Array.from({ length: 120 }, (_, i) =>
      tx.create(Product, {
        sellerId: sellers[i % sellers.length],
        subcategoryId: i % 3 ? CAMARON_SUBCATEGORY : `6f1c7a1e-0002-4000-8000-${String(1 + (i % 9)).padStart(12, '0')}`, // seeded ones
        name: `Producto ${i}`,
        priceCents: 100 + i,
        unit: Unit.KG,
      } as Product),
    );
    await tx.flush();
    products.forEach((p) => tx.create(Inventory, { productId: p.id, quantityOnHand: 7 } as Inventory));
  });
});
afterAll(() => h?.stop());

async function statementsFor(variables: Record<string, unknown>): Promise<string[]> {
  h.resetStatements();
  const result = await h.gql(PAGE_WITH_NESTED_FIELDS, variables);
  expect(result.errors).toBeUndefined();
  expect(result.data!.products.edges).toHaveLength(variables.first as number);
  return [...h.statements];
}

it('runs the same statements for 20 and for 100 products: page with stock, count, and one batch per nested type', async () => {
  const twenty = await statementsFor({ first: 20 });
  const hundred = await statementsFor({ first: 100 });
  console.log(`SQL statements: first 20 -> ${twenty.length}, first 100 -> ${hundred.length}`);
  expect(hundred.length).toBe(twenty.length);
  // products page (with each product's stock), totalCount, subcategories, categories
  expect(hundred).toHaveLength(4);
  expect(hundred.filter((sql) => sql.includes('"catalog"."inventory"'))).toHaveLength(1);
  expect(hundred.find((sql) => sql.includes('"catalog"."inventory"'))).toContain('"catalog"."product"');
  expect(hundred.filter((sql) => sql.includes('"catalog"."subcategory"'))).toHaveLength(1);
  expect(hundred.filter((sql) => sql.includes('"catalog"."category"'))).toHaveLength(1);
});

it('counts only when the client asks for totalCount', async () => {
  h.resetStatements();
  const result = await h.gql(`query { products(first: 50) { edges { node { id name inventory { quantityAvailable } } } } }`);
  expect(result.data!.products.edges).toHaveLength(50);
  expect(h.statements).toHaveLength(1); // the page, its stock joined
  expect(h.statements.some((sql) => sql.includes('count('))).toBe(false);
});

it('resolves a batch of 100 Product references through _entities in one product query and one per nested type', async () => {
  const ids = (await h.gql(`query { products(first: 100) { edges { node { id } } } }`)).data!.products.edges.map(
    (e: { node: { id: string } }) => e.node.id,
  );
  h.resetStatements();
  const result = await h.gql(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id name subcategory { category { name } } inventory { quantityAvailable } } } }`,
    { r: ids.map((id: string) => ({ __typename: 'Product', id })) },
  );
  expect(result.data!._entities).toHaveLength(100);
  expect(h.statements).toHaveLength(4); // products, subcategories, categories, inventories
});

it('resolves User.products for a batch of sellers in two statements, with the same pages as one seller at a time', async () => {
  const sellerIds: string[] = (
    await h.gql(`query { products(first: 100) { edges { node { seller { id } } } } }`)
  ).data!.products.edges.map((e: { node: { seller: { id: string } } }) => e.node.seller.id);
  const sellers = [...new Set(sellerIds)];
  expect(sellers.length).toBeGreaterThanOrEqual(6);
  h.resetStatements();
  const batched = await h.gql(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id products(first: 3) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } } }`,
    { r: sellers.map((id) => ({ __typename: 'User', id })) },
  );
  expect(batched.errors).toBeUndefined();
  expect(h.statements).toHaveLength(2); // one page query and one count query for every seller at once
  for (const user of batched.data!._entities as { id: string; products: unknown }[]) {
    const alone = await h.gql(
      `query($f: ProductFilter) { products(first: 3, filter: $f) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
      { f: { sellerId: user.id } },
    );
    expect(user.products).toEqual(alone.data!.products);
  }
});
