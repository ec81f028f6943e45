// The checkout saga under faults: a checkout cut off after its orders were written, or after catalog reserved its
// stock, is repaired by the sweeper (stock released, unplaced orders gone, the cart kept); a retry with the same key
// carries an unfinished checkout through instead. Unpaid orders expire by the job, with the time injected.
import { randomUUID } from 'node:crypto';
import { eventually } from '@espigon/kit/testing/eventually';
import { Checkout } from '../src/modules/checkout/checkout.entity';
import { Order } from '../src/modules/order/order.entity';
import { OrderStatus } from '../src/modules/order/order-status.enum';
import { listProduct, registerPerson, stockOf, type Person } from '../../../e2e/support/market-people';
import { ADD_TO_CART, CHECKOUT, ORDER, startOrdersHarness, type OrdersHarness } from './support/orders-harness';

let h: OrdersHarness;
let seller: Person;

beforeAll(async () => {
  [h, seller] = await Promise.all([startOrdersHarness(), registerPerson('SELLER', 'Pedro Mero')]);
});
afterAll(() => h?.stop());
afterEach(() => {
  h.service.services.checkouts.faults = {};
});

const crash = () => {
  throw new Error('process killed here (injected)');
};

/** A client of the harness with `quantity` units of a fresh 5-unit product in the cart. */
async function clientWithCart(quantity = 2) {
  const productId = await listProduct(seller, 5);
  const token = h.token('CLIENT', randomUUID());
  const added = await h.gql(ADD_TO_CART, { productId, quantity }, token);
  expect(added.errors).toBeUndefined();
  return { productId, token };
}

const checkout = (token: string, idempotencyKey?: string) => h.gql(CHECKOUT, { input: { deliveryMethod: 'PICKUP', idempotencyKey } }, token);
const rows = async () => {
  const em = h.service.runtime.orm.em.fork();
  return { checkouts: await em.count(Checkout, {}), unplaced: await em.count(Order, { placed: false }) };
};
const inAMinute = () => new Date(Date.now() + 61_000);

it('rolls back a checkout cut off after catalog reserved its stock: stock released, no order, the cart kept', async () => {
  const { productId, token } = await clientWithCart(2);
  h.service.services.checkouts.faults.afterReserved = crash;
  const cut = await checkout(token);
  expect(cut.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  // the half-done state a crash leaves: stock held for orders nobody can see
  expect(await stockOf(seller, productId)).toEqual({ onHand: 5, reserved: 2 });
  expect(await rows()).toEqual(expect.objectContaining({ unplaced: 1 }));

  const em = h.service.runtime.orm.em.fork();
  // not stale yet: a request may still be working on it
  expect(await h.service.services.checkouts.sweep(em)).toBe(0);
  expect(await h.service.services.checkouts.sweep(em, inAMinute())).toBe(1);
  expect(await stockOf(seller, productId)).toEqual({ onHand: 5, reserved: 0 });
  expect(await rows()).toEqual({ checkouts: 0, unplaced: 0 });
  // the cart is intact, and the next checkout goes through
  h.service.services.checkouts.faults = {};
  const again = await checkout(token);
  expect(again.errors).toBeUndefined();
  expect(again.data!.checkout).toHaveLength(1);
  expect(await stockOf(seller, productId)).toEqual({ onHand: 5, reserved: 2 });
});

it('rolls back a checkout cut off before anything was reserved', async () => {
  const { productId, token } = await clientWithCart(1);
  const before = await rows();
  h.service.services.checkouts.faults.afterOrdersWritten = crash;
  expect((await checkout(token)).errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect((await rows()).unplaced).toBe(before.unplaced + 1);
  expect(await h.service.services.checkouts.sweep(h.service.runtime.orm.em.fork(), inAMinute())).toBe(1);
  expect(await rows()).toEqual(before);
  expect(await stockOf(seller, productId)).toEqual({ onHand: 5, reserved: 0 });
});

it('carries an unfinished checkout through when the client retries with its key: one set of orders, stock held once', async () => {
  const { productId, token } = await clientWithCart(3);
  const key = randomUUID();
  h.service.services.checkouts.faults.afterReserved = crash;
  expect((await checkout(token, key)).errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  h.service.services.checkouts.faults = {};
  const retried = await checkout(token, key);
  expect(retried.errors).toBeUndefined();
  const [order] = retried.data!.checkout;
  expect(order).toEqual(expect.objectContaining({ status: 'PENDING', totalCents: 3 * 450 }));
  expect(await stockOf(seller, productId)).toEqual({ onHand: 5, reserved: 3 });
  // completed: the sweeper has nothing to do with it
  expect(await h.service.services.checkouts.sweep(h.service.runtime.orm.em.fork(), inAMinute())).toBe(0);
  expect((await checkout(token, key)).data!.checkout).toEqual([order]);
});

it('cancels orders left unpaid past their deadline, once however many instances run the job, and releases their stock', async () => {
  const { productId, token } = await clientWithCart(2);
  const placed = await checkout(token);
  const [order] = placed.data!.checkout;
  const { orders } = h.service.services;
  const em = () => h.service.runtime.orm.em.fork();
  expect(await orders.expireUnpaid(em(), new Date(Date.now() + 29 * 60_000))).toBe(0);
  const afterDeadline = new Date(Date.now() + 31 * 60_000);
  // two instances at once: the order moves once
  const [a, b] = await Promise.all([orders.expireUnpaid(em(), afterDeadline), orders.expireUnpaid(em(), afterDeadline)]);
  expect(a + b).toBeGreaterThanOrEqual(1);
  const { data } = await h.gql(ORDER, { id: order.id }, token);
  expect(data!.order).toEqual({ id: order.id, status: 'CANCELLED', cancelReason: 'EXPIRED' });
  expect(await em().count(Order, { id: order.id, status: OrderStatus.CANCELLED })).toBe(1);
  // the release job runs (the worker was woken) and catalog has the stock back
  await eventually(async () => expect(await stockOf(seller, productId)).toEqual({ onHand: 5, reserved: 0 }));
  expect(await orders.expireUnpaid(em(), afterDeadline)).toBe(0);
});
