// The live dashboard through the gateway's graphql-ws: `dashboardUpdated` pushes a seller its own figures when an order
// of theirs moves them, never for another seller's order (its own figures did not move, so nothing is pushed); an admin
// the whole market's; a client is refused. Changes close together are folded: at most one push a second, the last
// change always delivered (asserted as count bounds over the time the changes took, not as timings).
import { eventually } from '@espigon/kit/testing/eventually';

import { DashboardQuery } from './operations/reports.operations';
import { gatewayUrl, ok } from './support/client';
import { settle, subscribe, type LiveSubscription } from './support/live-client';
import { listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';
import { payInCash, placeOrder } from './support/report-flows';

const DASHBOARD_UPDATED = `subscription { dashboardUpdated { revenueTodayCents ordersToday ordersByStatus { status count } averageOrderCents lowStockCount } }`;

interface Pushed {
  dashboardUpdated: {
    revenueTodayCents: number;
    ordersToday: number;
    ordersByStatus: { status: string; count: number }[];
    averageOrderCents: number;
    lowStockCount: number;
  };
}

const statusCounts = (counts: Partial<Record<string, number>>) =>
  ['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED'].map((status) => ({ status, count: counts[status] ?? 0 }));

const open: LiveSubscription[] = [];
const live = (token: string) => {
  const subscription = subscribe<Pushed>(gatewayUrl(), token, DASHBOARD_UPDATED);
  open.push(subscription as LiveSubscription);
  return subscription;
};
const lastOf = (subscription: LiveSubscription<Pushed>) => subscription.events.at(-1)?.dashboardUpdated;

let admin: Person;
let buyer: Person;

beforeAll(async () => {
  [admin, buyer] = await Promise.all([loginAdmin(), registerPerson('CLIENT', 'Marisquería El Faro')]);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.stop()));
});

it("pushes a seller its own figures after a paid order and not another seller's; an admin the market's", async () => {
  const [rosa, pedro] = await Promise.all([registerPerson('SELLER', 'Rosa Delgado'), registerPerson('SELLER', 'Pedro Mero')]);
  const [rosaFish, pedroFish] = await Promise.all([listProduct(rosa, 50, 1000, 'Dorado fresco'), listProduct(pedro, 50, 700, 'Picudo')]);
  const rosaLive = live(rosa.token);
  const pedroLive = live(pedro.token);
  const adminLive = live(admin.token);
  await settle(1000);

  const order = await placeOrder(buyer, rosaFish, 2);
  await payInCash(buyer, rosa, order.id);
  const rosaPaid = { revenueTodayCents: 2000, ordersToday: 1, ordersByStatus: statusCounts({ PAID: 1 }), averageOrderCents: 2000, lowStockCount: 0 };
  await eventually(async () => expect(lastOf(rosaLive)).toEqual(rosaPaid));
  // the same figures the query gives
  expect((await ok(DashboardQuery, {}, { token: rosa.token })).dashboard).toEqual(rosaPaid);
  // the admin's are the market's: rosa's sale among them
  await eventually(async () => {
    const market = lastOf(adminLive);
    expect(market?.revenueTodayCents).toBeGreaterThanOrEqual(2000);
    expect(market?.ordersByStatus.find((s) => s.status === 'PAID')!.count).toBeGreaterThanOrEqual(1);
  });

  // rosa's order did not move pedro's figures: nothing was pushed to him, until his own order comes
  await settle(1500);
  expect(pedroLive.events).toEqual([]);
  expect(pedroLive.errors).toEqual([]);
  await placeOrder(buyer, pedroFish, 1);
  await eventually(async () =>
    expect(lastOf(pedroLive)).toEqual({
      revenueTodayCents: 0,
      ordersToday: 0,
      ordersByStatus: statusCounts({ PENDING: 1 }),
      averageOrderCents: 0,
      lowStockCount: 0,
    }),
  );
  expect(pedroLive.events).toHaveLength(1);
  expect(rosaLive.errors).toEqual([]);
});

it('refuses a client (FORBIDDEN)', async () => {
  const clientLive = live(buyer.token);
  await eventually(async () =>
    expect(clientLive.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]),
  );
  expect(clientLive.events).toEqual([]);
});

it('folds changes close together: at most one push a second, the last change delivered', async () => {
  const seller = await registerPerson('SELLER', 'Sofía Chávez');
  const buyers = await Promise.all(Array.from({ length: 6 }, (_, i) => registerPerson('CLIENT', `Comprador ${i + 1}`)));
  const fish = await listProduct(seller, 100, 500, 'Camarón pomada');
  const sellerLive = live(seller.token);
  await settle(1000);

  const started = Date.now();
  // six orders at once, each its own change to the seller's figures
  await Promise.all(buyers.map((someone) => placeOrder(someone, fish, 1)));
  await eventually(async () => expect(lastOf(sellerLive)?.ordersByStatus).toEqual(statusCounts({ PENDING: 6 })));
  const seconds = (Date.now() - started) / 1000;
  // pushes at least a second apart: no more than one per whole second the changes and their pushes took, plus the first
  expect(sellerLive.events.length).toBeGreaterThanOrEqual(1);
  expect(sellerLive.events.length).toBeLessThanOrEqual(Math.floor(seconds) + 1);
  // every push is a state the seller's figures went through: the PENDING count only grows
  const pending = sellerLive.events.map((e) => e.dashboardUpdated.ordersByStatus.find((s) => s.status === 'PENDING')!.count);
  expect(pending).toEqual([...pending].sort((a, b) => a - b));
  expect(new Set(pending).size).toBe(pending.length);
});
