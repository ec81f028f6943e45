// The demo data of two subgraphs meets only by id, as federation does: every seller the demo catalog stocks is a
// seller the users subgraph seeds, and through the gateway each demo product names its stall.
import { demoSellerIds } from '@espigon/catalog/seed/demo-sellers';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';
import { ProductsQuery } from './operations/catalog.operations';
import { ok } from './support/client';

it("points the demo catalog at the users subgraph's demo sellers", async () => {
  const sellers = new Map(demoAccounts.filter((a) => a.role === 'SELLER').map((a) => [a.id, a]));
  for (const id of Object.values(demoSellerIds)) expect(sellers.has(id)).toBe(true);
  const { products } = await ok(ProductsQuery, { first: 100 });
  const seeded = products.edges.map((e) => e.node).filter((p) => Object.values<string>(demoSellerIds).includes(p.seller.id));
  expect(seeded.length).toBeGreaterThan(10);
  for (const product of seeded) expect(product.seller.name).toBe(sellers.get(product.seller.id)!.name);
});
