// No N+1: a page of 100 products with seller, subcategory, category and inventory costs the same SQL as a page of 20;
// so does every other list catalog serves: the categories with their subcategories, User.products for a batch of 5 or
// of 50 sellers, batches of Category, Subcategory and Inventory references, and the internal lookup behind the carts.
import { randomUUID } from 'node:crypto';
import { Category } from '../src/modules/category/category.entity';
import { Subcategory } from '../src/modules/category/subcategory.entity';
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
  const sellerIds: string[] = (await h.gql(`query { products(first: 100) { edges { node { seller { id } } } } }`)).data!.products.edges.map(
    (e: { node: { seller: { id: string } } }) => e.node.seller.id,
  );
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

/** `count` new categories of `perCategory` subcategories each; their ids. */
async function seedCategories(count: number, perCategory: number): Promise<{ categoryIds: string[]; subcategoryIds: string[] }> {
  const tag = randomUUID().slice(0, 8);
  const categoryIds: string[] = [];
  const subcategoryIds: string[] = [];
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    for (let c = 0; c < count; c++) {
      categoryIds.push(tx.create(Category, { name: `Categoría ${tag} ${c}`, slug: `categoria-${tag}-${c}` } as Category).id);
    }
    // subcategories reference their category by id only (no ORM relation): the categories go in first
    await tx.flush();
    categoryIds.forEach((categoryId, c) => {
      for (let s = 0; s < perCategory; s++) {
        subcategoryIds.push(tx.create(Subcategory, { categoryId, name: `Sub ${tag} ${c}.${s}`, slug: `sub-${tag}-${c}-${s}` } as Subcategory).id);
      }
    });
  });
  return { categoryIds, subcategoryIds };
}

/** The statements one request sends, after checking it answered without errors. */
async function statementsOf(query: string, variables?: Record<string, unknown>, token?: string) {
  h.resetStatements();
  const result = await h.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: [...h.statements] };
}

const CATEGORY_TREE = `query { categories { id name slug subcategories { id name slug category { id name } } } }`;

it('lists the categories with their subcategories in the same three statements for 4 categories and for 54', async () => {
  const few = await statementsOf(CATEGORY_TREE);
  await seedCategories(50, 3);
  const many = await statementsOf(CATEGORY_TREE);
  expect(many.data.categories.length).toBe(few.data.categories.length + 50);
  expect(many.data.categories.flatMap((c: { subcategories: unknown[] }) => c.subcategories).length).toBeGreaterThanOrEqual(150);
  console.log(
    `categories SQL statements: ${few.data.categories.length} -> ${few.statements.length}, ${many.data.categories.length} -> ${many.statements.length}`,
  );
  expect(many.statements).toHaveLength(few.statements.length);
  // the categories, every subcategory of them, and Subcategory.category's categories (one loader batch)
  expect(many.statements).toHaveLength(3);
  expect(many.statements.filter((sql) => sql.includes('"catalog"."subcategory"'))).toHaveLength(1);
});

it('resolves batches of 5 or of 50 Category, Subcategory and Inventory references in the same statements', async () => {
  const { categoryIds, subcategoryIds } = await seedCategories(50, 1);
  const productIds: string[] = (await h.gql(`query { products(first: 50) { edges { node { id } } } }`)).data!.products.edges.map(
    (e: { node: { id: string } }) => e.node.id,
  );
  const references = (n: number) => ({
    r: [
      ...categoryIds.slice(0, n).map((id) => ({ __typename: 'Category', id })),
      ...subcategoryIds.slice(0, n).map((id) => ({ __typename: 'Subcategory', id })),
      ...productIds.slice(0, n).map((productId) => ({ __typename: 'Inventory', productId })),
    ],
  });
  const query = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Category { id name subcategories { id name } }
    ... on Subcategory { id name category { id slug } }
    ... on Inventory { productId quantityOnHand quantityAvailable }
  } }`;
  const five = await statementsOf(query, references(5));
  const fifty = await statementsOf(query, references(50));
  expect(five.data._entities).toHaveLength(15);
  expect(fifty.data._entities).toHaveLength(150);
  expect(fifty.data._entities.every(Boolean)).toBe(true);
  console.log(`Category/Subcategory/Inventory _entities SQL statements: 5 each -> ${five.statements.length}, 50 each -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // categories (the references and Subcategory.category share one loader), Category.subcategories, subcategories,
  // and for the inventories their products (who may see them) and the inventories
  expect(fifty.statements).toHaveLength(5);
  const on = (table: string) => fifty.statements.filter((sql) => sql.includes(`"catalog"."${table}"`)).length;
  expect([on('category'), on('subcategory'), on('product'), on('inventory')]).toEqual([1, 2, 1, 1]);
});

it('resolves User.products for a batch of 5 sellers or of 50, with nested fields, in the same five statements', async () => {
  const sellers = Array.from({ length: 50 }, () => randomUUID());
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    const products = sellers.flatMap((sellerId, s) =>
      [0, 1, 2].map((i) =>
        tx.create(Product, { sellerId, subcategoryId: CAMARON_SUBCATEGORY, name: `Pesca ${s}.${i}`, priceCents: 500 + i, unit: Unit.LB } as Product),
      ),
    );
    await tx.flush();
    products.forEach((p) => tx.create(Inventory, { productId: p.id, quantityOnHand: 4 } as Inventory));
  });
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id products(first: 2) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name priceCents subcategory { name category { name } } inventory { quantityAvailable } } }
  } } } }`;
  const batch = (n: number) => ({ r: sellers.slice(0, n).map((id) => ({ __typename: 'User', id })) });
  const five = await statementsOf(query, batch(5));
  const fifty = await statementsOf(query, batch(50));
  expect(fifty.data._entities).toHaveLength(50);
  for (const user of fifty.data._entities as { products: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } }[]) {
    expect(user.products).toEqual(expect.objectContaining({ totalCount: 3, pageInfo: expect.objectContaining({ hasNextPage: true }) }));
    expect(user.products.edges).toHaveLength(2);
  }
  console.log(`User.products SQL statements: 5 sellers -> ${five.statements.length}, 50 sellers -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // every seller's first page, every seller's count, then one batch each of subcategories, categories, inventories
  expect(fifty.statements).toHaveLength(5);
});

it("answers orders' product lookup (the carts' live prices and stock) in two statements for 5 ids and for 50", async () => {
  const ids: string[] = (await h.gql(`query { products(first: 50) { edges { node { id } } } }`)).data!.products.edges.map(
    (e: { node: { id: string } }) => e.node.id,
  );
  const lookup = async (n: number) => {
    h.resetStatements();
    const response = await h.internal('POST', '/internal/products/lookup', { ids: ids.slice(0, n) });
    expect(response.status).toBe(200);
    expect(response.body.products).toHaveLength(n);
    return [...h.statements];
  };
  const five = await lookup(5);
  const fifty = await lookup(50);
  console.log(`product lookup SQL statements: 5 ids -> ${five.length}, 50 ids -> ${fifty.length}`);
  expect(fifty).toHaveLength(five.length);
  // the products, then their inventories
  expect(fifty).toHaveLength(2);
});
