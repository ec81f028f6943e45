// The demo data of two subgraphs meets only by id, as federation does: every seller the demo catalog stocks is a
// seller the users subgraph seeds, and through the gateway each of their products names its seller.
import { demoSellerIds } from '@espigon/catalog/seed/demo-sellers';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';
import { ProductsQuery } from './operations/catalog.operations';
import { ok } from './support/client';

it("points the demo catalog at the users subgraph's demo sellers", async () => {
  const sellers = new Map(demoAccounts.filter((a) => a.role === 'SELLER').map((a) => [a.id, a]));
  for (const id of Object.values(demoSellerIds)) expect(sellers.has(id)).toBe(true);
  // by seller: other test files add products of their own to the shared market
  for (const sellerId of Object.values(demoSellerIds)) {
    const { products } = await ok(ProductsQuery, { filter: { sellerId }, first: 100 });
    expect(products.totalCount).toBeGreaterThan(3);
    for (const { node } of products.edges) expect(node.seller).toMatchObject({ id: sellerId, name: sellers.get(sellerId)!.name });
  }
});
