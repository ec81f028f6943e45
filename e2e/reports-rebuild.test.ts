// `npm run reports:rebuild` against the test market's database and Redis (run as the operator would, a process of its
// own): a fresh seller's figures are damaged in the read model behind the service's back, and the rebuild, replaying
// the producers' streams through the same consumers, gives back exactly what the incremental path had built — the
// seller's dashboard and sales by day, week and month, and the whole market's past days. Without Redis it refuses.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { eventually } from '@espigon/kit/testing/eventually';
import { testWithRedis } from '@espigon/kit/testing/test-services';
import { AdjustInventoryMutation, CreateProductMutation } from './operations/catalog.operations';
import { RefundPaymentMutation, UpdateOrderStatusMutation } from './operations/orders.operations';
import { DashboardQuery, SalesReportQuery } from './operations/reports.operations';
import { ok } from './support/client';
import { CAMARON_SUBCATEGORY, listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';
import { nodeArguments } from './support/processes';
import { optionalRedisUrl } from './support/test-resources';
import { payInCash, placeOrder } from './support/report-flows';

const DAY_MS = 24 * 60 * 60 * 1000;
const run = promisify(execFile);

/** The rebuild command as an operator runs it, with the market's database, Redis and prefix. */
function rebuild(env: Record<string, string | undefined>) {
  return run(process.execPath, nodeArguments('subgraphs/reports/src/rebuild.ts'), {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: process.env.ESPIGON_TEST_DATA_DIR,
      DATABASE_URL: process.env.ESPIGON_TEST_DATABASE_URL,
      REDIS_KEY_PREFIX: process.env.ESPIGON_TEST_REDIS_PREFIX,
      ...env,
    },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }),
  );
}

/** Everything the reports say of one seller, and of the market's days before today (which no other test file moves). */
async function answers(seller: Person, admin: Person) {
  const todayStart = Date.parse(`${new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString().slice(0, 10)}T05:00:00.000Z`);
  const from = new Date(todayStart - 89 * DAY_MS).toISOString();
  const to = new Date(todayStart + DAY_MS).toISOString();
  const report = async (person: Person, granularity: 'DAY' | 'WEEK' | 'MONTH', until = to) =>
    (await ok(SalesReportQuery, { from, to: until, granularity }, { token: person.token })).salesReport;
  return {
    dashboard: (await ok(DashboardQuery, {}, { token: seller.token })).dashboard,
    days: await report(seller, 'DAY'),
    weeks: await report(seller, 'WEEK'),
    months: await report(seller, 'MONTH'),
    marketPastDays: await report(admin, 'DAY', new Date(todayStart).toISOString()),
  };
}

testWithRedis(
  'rebuilds the read model from the streams with the same figures as the incremental path',
  async () => {
    const [admin, buyer, seller] = await Promise.all([
      loginAdmin(),
      registerPerson('CLIENT', 'Hotel Oro Verde'),
      registerPerson('SELLER', 'Marcos Anchundia'),
    ]);
    const fish = await listProduct(seller, 100, 1200, 'Atún aleta amarilla');
    const scarce = (
      await ok(
        CreateProductMutation,
        { input: { name: 'Langosta', priceCents: 800, unit: 'KG', subcategoryId: CAMARON_SUBCATEGORY, quantityOnHand: 10, lowStockThreshold: 3 } },
        { token: seller.token },
      )
    ).createProduct.id;
    await ok(AdjustInventoryMutation, { productId: scarce, delta: -8 }, { token: seller.token });
    const a = await placeOrder(buyer, fish, 1);
    await payInCash(buyer, seller, a.id);
    const b = await placeOrder(buyer, fish, 3);
    const paymentB = await payInCash(buyer, seller, b.id);
    await ok(RefundPaymentMutation, { paymentId: paymentB, amountCents: 700, reason: 'Pieza más pequeña' }, { token: seller.token });
    await placeOrder(buyer, fish, 2); // left unpaid
    const d = await placeOrder(buyer, fish, 1);
    await ok(UpdateOrderStatusMutation, { orderId: d.id, status: 'CANCELLED' }, { token: buyer.token });

    // the incremental path, once every event has flowed: 1,200 + (3,600 − 700), and the low-stock product counted
    await eventually(async () =>
      expect((await ok(DashboardQuery, {}, { token: seller.token })).dashboard).toEqual(
        expect.objectContaining({ revenueTodayCents: 4100, ordersToday: 2, averageOrderCents: 2050, lowStockCount: 1 }),
      ),
    );
    await eventually(async () =>
      expect((await ok(DashboardQuery, {}, { token: seller.token })).dashboard.ordersByStatus.filter((s) => s.count > 0)).toEqual([
        { status: 'PENDING', count: 1 },
        { status: 'PAID', count: 2 },
        { status: 'CANCELLED', count: 1 },
      ]),
    );
    const before = await answers(seller, admin);

    // the seller's figures damaged behind the service's back: the rebuild has to bring them back from the streams
    const db = new Client({ connectionString: process.env.ESPIGON_TEST_DATABASE_URL });
    await db.connect();
    try {
      await db.query(`delete from "reports"."seller_day" where "seller_id" = $1`, [seller.id]);
      await db.query(`update "reports"."order_fact" set "status" = 'DELIVERED' where "seller_id" = $1`, [seller.id]);
      await db.query(`delete from "reports"."product_state" where "seller_id" = $1`, [seller.id]);
    } finally {
      await db.end();
    }
    expect((await answers(seller, admin)).dashboard).not.toEqual(before.dashboard);

    const result = await rebuild({ REDIS_URL: optionalRedisUrl() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^read model rebuilt: \d+ events applied/);
    expect(await answers(seller, admin)).toEqual(before);
  },
  180_000,
);

it('refuses without REDIS_URL, saying why', async () => {
  const result = await rebuild({ REDIS_URL: '' });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/reports:rebuild refused: REDIS_URL is not set: without Redis the durable event streams live in the memory/);
});
