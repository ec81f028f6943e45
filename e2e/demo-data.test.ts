// The demo data of two subgraphs meets only by id, as federation does: every seller the demo catalog stocks is a
// seller the users subgraph seeds, and through the gateway each of their products names its seller. And the demo
// market has a history (scripts/demo-orders.ts, placed through the gateway at start-up): its reports are not empty.
import { eventually } from '@espigon/kit/testing/eventually';
import { demoSellerIds } from '@espigon/catalog/seed/demo-sellers';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';
import { ProductsQuery } from './operations/catalog.operations';
import { TopProductsQuery } from './operations/rankings.operations';
import { DashboardQuery, SalesReportQuery } from './operations/reports.operations';
import { LoginMutation } from './operations/users.operations';
import { demo, ok } from './support/client';

const DAY_MS = 24 * 60 * 60 * 1000;
const loginDemo = async (email: string) => {
  const account = demo(email);
  return (await ok(LoginMutation, { email: account.email, password: account.password })).login.accessToken;
};

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

it("gives the demo admin and a demo seller non-empty reports from the demo orders' events", async () => {
  const lastWeek = {
    from: new Date(Date.now() - 7 * DAY_MS).toISOString(),
    to: new Date(Date.now() + DAY_MS).toISOString(),
    granularity: 'DAY' as const,
  };
  const admin = await loginDemo('admin@espigon.ec');
  // a demo seller sees only its own figures: other test files' orders never count there, only the demo history
  // (two orders of lucia's paid in cash, one refunded in part and delivered, the other made READY)
  const lucia = await loginDemo('lucia@espigon.ec');
  await eventually(async () => {
    const { dashboard } = await ok(DashboardQuery, {}, { token: admin });
    expect(dashboard.ordersByStatus.some((s) => s.count > 0)).toBe(true);
    const { salesReport } = await ok(SalesReportQuery, lastWeek, { token: admin });
    expect(salesReport.reduce((sum, point) => sum + point.revenueCents, 0)).toBeGreaterThan(0);
    expect((await ok(TopProductsQuery, {}, { token: admin })).topProducts.length).toBeGreaterThan(0);

    const own = (await ok(DashboardQuery, {}, { token: lucia })).dashboard.ordersByStatus;
    expect(own.find((s) => s.status === 'DELIVERED')!.count).toBeGreaterThanOrEqual(1);
    expect(own.find((s) => s.status === 'READY')!.count).toBeGreaterThanOrEqual(1);
    const luciaSales = (await ok(SalesReportQuery, lastWeek, { token: lucia })).salesReport;
    expect(luciaSales.reduce((sum, point) => sum + point.revenueCents, 0)).toBeGreaterThan(0);
    const { topProducts } = await ok(TopProductsQuery, {}, { token: lucia });
    expect(topProducts.length).toBeGreaterThan(0);
    for (const { product, quantitySold } of topProducts) {
      expect(product.id).toMatch(/^6f1c7a1e-0003-/); // the demo catalog's fixed ids
      expect(quantitySold).toBeGreaterThan(0);
    }
  });
});
