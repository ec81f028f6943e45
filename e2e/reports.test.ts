// Reports through the gateway, after the events flowed: a fresh seller's orders placed, paid in cash (confirmed by the
// seller), one refunded in part, one cancelled after payment (refunded in full by payments), one cancelled unpaid and one
// left unpaid. The seller's dashboard and sales report are asserted to the cent; an admin's cover every seller's
// (the shared market has other sellers' orders too, so the admin's are asserted to include both fresh sellers').
import { eventually } from '@espigon/kit/testing/eventually';
import {
  AddToCartMutation,
  CheckoutMutation,
  ConfirmPaymentMutation,
  CreatePaymentMutation,
  OrderPaymentQuery,
  RefundPaymentMutation,
  UpdateOrderStatusMutation,
} from './operations/orders.operations';
import { AdjustInventoryMutation, CreateProductMutation, UpdateProductMutation } from './operations/catalog.operations';
import { DashboardQuery, SalesReportQuery } from './operations/reports.operations';
import { errorCode, execute, ok } from './support/client';
import { CAMARON_SUBCATEGORY, listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Today in Guayaquil (UTC−5 all year) and when it started, worked out here independently of the subgraph's code. */
const guayaquilToday = () => new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString().slice(0, 10);
const dayStartUtc = (day: string) => new Date(Date.parse(`${day}T05:00:00.000Z`));

let admin: Person;
let buyer: Person;

beforeAll(async () => {
  [admin, buyer] = await Promise.all([loginAdmin(), registerPerson('CLIENT', 'Restaurante La Choza')]);
});

async function placeOrder(seller: Person, productId: string, quantity: number) {
  await ok(AddToCartMutation, { productId, quantity }, { token: buyer.token });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;
  return order;
}

async function payInCash(seller: Person, orderId: string): Promise<string> {
  const { createPayment } = await ok(CreatePaymentMutation, { orderId, method: 'CASH' }, { token: buyer.token });
  await ok(ConfirmPaymentMutation, { paymentId: createPayment.id }, { token: seller.token });
  return createPayment.id;
}

const orderStatus = async (orderId: string, token: string) => ({ order: (await ok(OrderPaymentQuery, { id: orderId }, { token })).order! });

/** A fresh seller's day: 1,000 + (2,000 − 500 refunded) in two sales; 3,000 paid then cancelled; 1,000 unpaid; 1,000 cancelled unpaid. */
async function sellerWithADay(name: string) {
  const seller = await registerPerson('SELLER', name);
  const productId = await listProduct(seller, 100, 1000, 'Dorado fresco');
  const a = await placeOrder(seller, productId, 1);
  await payInCash(seller, a.id);
  const b = await placeOrder(seller, productId, 2);
  const paymentB = await payInCash(seller, b.id);
  const c = await placeOrder(seller, productId, 3);
  await payInCash(seller, c.id);
  const d = await placeOrder(seller, productId, 1);
  const e = await placeOrder(seller, productId, 1);
  await ok(UpdateOrderStatusMutation, { orderId: e.id, status: 'CANCELLED' }, { token: buyer.token });
  // the seller moves what was paid on (orders marks it PAID on payments' event)
  for (const order of [a, b, c]) await eventually(async () => expect((await orderStatus(order.id, seller.token)).order.status).toBe('PAID'));
  await ok(RefundPaymentMutation, { paymentId: paymentB, amountCents: 500, reason: 'Peso menor al pedido' }, { token: seller.token });
  await ok(UpdateOrderStatusMutation, { orderId: a.id, status: 'PREPARING' }, { token: seller.token });
  await ok(UpdateOrderStatusMutation, { orderId: c.id, status: 'CANCELLED' }, { token: seller.token });
  // payments refunds the order cancelled after payment, in full
  await eventually(async () => expect((await orderStatus(c.id, seller.token)).order.payment?.refundedCents).toBe(3000));
  expect((await orderStatus(d.id, seller.token)).order.status).toBe('PENDING');
  return seller;
}

const statusCounts = (counts: Partial<Record<string, number>>) =>
  ['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED'].map((status) => ({ status, count: counts[status] ?? 0 }));

let rosa: Person;
let pedro: Person;

beforeAll(async () => {
  // one after the other: the buyer's cart is shared
  rosa = await sellerWithADay('Rosa Delgado');
  pedro = await sellerWithADay('Pedro Mero');
});

it('gives a seller its own dashboard to the cent: paid, not cancelled orders less refunds, every status counted', async () => {
  for (const seller of [rosa, pedro]) {
    await eventually(async () =>
      expect((await ok(DashboardQuery, {}, { token: seller.token })).dashboard).toEqual({
        revenueTodayCents: 2500,
        ordersToday: 2,
        ordersByStatus: statusCounts({ PENDING: 1, PAID: 1, PREPARING: 1, CANCELLED: 2 }),
        averageOrderCents: 1250,
        lowStockCount: 0,
      }),
    );
  }
});

it('gives a seller its own sales by day, week and month in Guayaquil time, empty periods included', async () => {
  const today = guayaquilToday();
  const start = dayStartUtc(today);
  const from = new Date(start.getTime() - 2 * DAY_MS);
  const to = new Date(start.getTime() + DAY_MS);
  await eventually(async () => {
    const { salesReport } = await ok(SalesReportQuery, { from: from.toISOString(), to: to.toISOString(), granularity: 'DAY' }, { token: rosa.token });
    expect(salesReport).toEqual([
      { periodStart: from.toISOString(), orders: 0, revenueCents: 0 },
      { periodStart: new Date(start.getTime() - DAY_MS).toISOString(), orders: 0, revenueCents: 0 },
      { periodStart: start.toISOString(), orders: 2, revenueCents: 2500 },
    ]);
  });
  // a range that ends one millisecond into today still covers today; one that ends at 05:00Z does not
  const upToMidnight = await ok(SalesReportQuery, { from: from.toISOString(), to: start.toISOString(), granularity: 'DAY' }, { token: rosa.token });
  expect(upToMidnight.salesReport.map((p) => p.revenueCents)).toEqual([0, 0]);
  for (const granularity of ['WEEK', 'MONTH'] as const) {
    const { salesReport } = await ok(SalesReportQuery, { from: start.toISOString(), to: to.toISOString(), granularity }, { token: rosa.token });
    expect(salesReport).toHaveLength(1);
    expect(salesReport[0]).toEqual(expect.objectContaining({ orders: 2, revenueCents: 2500 }));
    // a week starts on a Monday, a month on the 1st, both at 05:00Z
    const periodStart = new Date(salesReport[0].periodStart);
    expect(periodStart.getUTCHours()).toBe(5);
    if (granularity === 'WEEK') expect(periodStart.getUTCDay()).toBe(1);
    else expect(periodStart.getUTCDate()).toBe(1);
  }
});

it("gives an admin the whole market's figures, every seller's included", async () => {
  const start = dayStartUtc(guayaquilToday());
  const range = { from: start.toISOString(), to: new Date(start.getTime() + DAY_MS).toISOString(), granularity: 'DAY' as const };
  await eventually(async () => {
    const { dashboard } = await ok(DashboardQuery, {}, { token: admin.token });
    expect(dashboard.ordersToday).toBeGreaterThanOrEqual(4);
    expect(dashboard.revenueTodayCents).toBeGreaterThanOrEqual(5000);
    expect(dashboard.ordersByStatus.map((s) => s.status)).toEqual(['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED']);
    expect(dashboard.ordersByStatus.find((s) => s.status === 'CANCELLED')!.count).toBeGreaterThanOrEqual(4);
    const [point] = (await ok(SalesReportQuery, range, { token: admin.token })).salesReport;
    // the market's day is the same figure the dashboard gives (both from the read model)
    expect(point).toEqual({ periodStart: range.from, orders: dashboard.ordersToday, revenueCents: dashboard.revenueTodayCents });
  });
});

it('refuses clients (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
  expect(errorCode(await execute(DashboardQuery, {}, { token: buyer.token }))).toBe('FORBIDDEN');
  expect(errorCode(await execute(DashboardQuery, {}))).toBe('UNAUTHENTICATED');
  const range = { from: '2026-12-01T05:00:00Z', to: '2026-12-02T05:00:00Z', granularity: 'DAY' as const };
  expect(errorCode(await execute(SalesReportQuery, range, { token: buyer.token }))).toBe('FORBIDDEN');
  expect(errorCode(await execute(SalesReportQuery, range))).toBe('UNAUTHENTICATED');
});

it('refuses bad ranges as BAD_USER_INPUT: `to` not after `from`, more than 400 days, not a time', async () => {
  const report = (from: string, to: string) => execute(SalesReportQuery, { from, to, granularity: 'DAY' }, { token: rosa.token });
  for (const result of [
    await report('2026-12-02T05:00:00Z', '2026-12-02T05:00:00Z'),
    await report('2026-12-02T05:00:00Z', '2026-12-01T05:00:00Z'),
    await report('2025-01-01T05:00:00Z', '2026-02-06T05:00:01Z'),
    await report('yesterday', '2026-12-01T05:00:00Z'),
  ]) {
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.data ?? null).toBeNull();
  }
  // 400 days exactly is allowed: 400 daily periods
  const { salesReport } = await ok(
    SalesReportQuery,
    { from: '2025-01-01T05:00:00Z', to: '2026-02-05T05:00:00Z', granularity: 'DAY' },
    { token: rosa.token },
  );
  expect(salesReport).toHaveLength(400);
  expect(salesReport.every((p) => p.orders === 0 && p.revenueCents === 0)).toBe(true);
});

it("counts a seller's listed products at or below their low-stock threshold, from catalog's product events", async () => {
  const seller = await registerPerson('SELLER', 'Lucía Pincay');
  const { createProduct } = await ok(
    CreateProductMutation,
    { input: { name: 'Pargo rojo', priceCents: 900, unit: 'LB', subcategoryId: CAMARON_SUBCATEGORY, quantityOnHand: 10, lowStockThreshold: 5 } },
    { token: seller.token },
  );
  const lowStock = async () => (await ok(DashboardQuery, {}, { token: seller.token })).dashboard.lowStockCount;
  // 10 available over a threshold of 5: not low
  await eventually(async () => expect(await lowStock()).toBe(0));
  await ok(AdjustInventoryMutation, { productId: createProduct.id, delta: -6, reason: 'merma' }, { token: seller.token });
  await eventually(async () => expect(await lowStock()).toBe(1));
  // unlisted, it is no longer on sale, so no longer low on stock
  await ok(UpdateProductMutation, { id: createProduct.id, input: { listed: false } }, { token: seller.token });
  await eventually(async () => expect(await lowStock()).toBe(0));
});
