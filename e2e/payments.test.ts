// Paying through the gateway, with Stripe played by a local fake that speaks its HTTP API (the market's payments
// subgraph is pointed at it) and webhooks signed as Stripe signs them: card end to end, redelivered and shuffled events,
// bad signatures, idempotent intents, refunds, the refund an order cancelled after payment is owed, cash.
import Stripe from 'stripe';
import { Client } from 'pg';
import { eventually } from '@espigon/kit/testing/eventually';
import {
  AddToCartMutation,
  CheckoutMutation,
  ConfirmPaymentMutation,
  CreatePaymentMutation,
  OrderPaymentQuery,
  RefundPaymentMutation,
  SimulateCardPaymentMutation,
  UpdateOrderStatusMutation,
} from './operations/orders.operations';
import { NotificationsQuery } from './operations/users.operations';
import { errorCode, execute, gatewayUrl, ok } from './support/client';
import { stripeRequests } from './support/fake-stripe';
import { listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';

const secret = () => process.env.ESPIGON_STRIPE_WEBHOOK_SECRET!;
const paymentsUrl = () => (JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>).payments.replace(/\/graphql$/, '');
const stripe = new Stripe('sk_test_unused');

let seller: Person;
let buyer: Person;
let stranger: Person;
let admin: Person;
let db: Client;

beforeAll(async () => {
  [seller, buyer, stranger, admin] = await Promise.all([
    registerPerson('SELLER', 'Rosa Delgado'),
    registerPerson('CLIENT', 'Carmen Zambrano'),
    registerPerson('CLIENT'),
    loginAdmin(),
  ]);
  db = new Client({ connectionString: process.env.ESPIGON_TEST_DATABASE_URL });
  await db.connect();
});
afterAll(() => db?.end());

async function placeOrder(quantity = 2, priceCents = 550) {
  const productId = await listProduct(seller, 10, priceCents, 'Camarón jumbo');
  await ok(AddToCartMutation, { productId, quantity }, { token: buyer.token });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;
  return order;
}

/** A Stripe event as Stripe would send it, signed with the endpoint's secret (`timestamp` in seconds). */
function webhook(event: Record<string, unknown>, { sign = secret(), timestamp }: { sign?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify({ object: 'event', api_version: '2025-01-27', created: Math.floor(Date.now() / 1000), livemode: false, ...event });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: sign, timestamp });
  return fetch(new URL('/webhooks/stripe', paymentsUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
}
const intentEvent = (id: string, type: string, intentId: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  data: { object: { id: intentId, object: 'payment_intent', amount: 1100, currency: 'usd', ...extra } },
});
const stripeEventRows = async (id: string) =>
  Number((await db.query(`select count(*) from "payments"."stripe_event" where "id" = $1`, [id])).rows[0].count);
const paymentOf = async (orderId: string, token = buyer.token) => (await ok(OrderPaymentQuery, { id: orderId }, { token })).order!;

it('takes a card payment end to end: one PaymentIntent for the order total, the webhook makes the order PAID, the seller is told', async () => {
  const order = await placeOrder(2, 550);
  const before = (await stripeRequests()).length;
  const { createPayment } = await ok(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token });
  expect(createPayment).toEqual(expect.objectContaining({ method: 'CARD', status: 'REQUIRES_PAYMENT', amountCents: 1100, refundedCents: 0 }));
  expect(createPayment.clientSecret).toMatch(/^pi_fake_\d+_secret_fake$/);
  // a retry returns the same payment, and never a second intent
  expect((await ok(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token })).createPayment.id).toBe(createPayment.id);
  const intents = (await stripeRequests()).slice(before).filter((r) => r.path === '/v1/payment_intents');
  expect(intents).toHaveLength(1);
  expect(intents[0]).toEqual(expect.objectContaining({ idempotencyKey: `payment-${createPayment.id}` }));
  expect(intents[0].body).toEqual(expect.objectContaining({ amount: '1100', currency: 'usd', 'metadata[orderId]': order.id }));
  // the client secret is the buyer's alone
  expect((await paymentOf(order.id, seller.token)).payment).toEqual(expect.objectContaining({ status: 'REQUIRES_PAYMENT', clientSecret: null }));
  expect(errorCode(await execute(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: stranger.token }))).toBe('NOT_FOUND');

  const intentId = createPayment.clientSecret!.split('_secret_')[0];
  const response = await webhook(intentEvent(`evt_ok_${order.id}`, 'payment_intent.succeeded', intentId));
  expect(response.status).toBe(200);
  await eventually(async () =>
    expect(await paymentOf(order.id)).toEqual(expect.objectContaining({ status: 'PAID', payment: expect.objectContaining({ status: 'SUCCEEDED' }) })),
  );
  await eventually(async () => {
    const { notifications } = await ok(NotificationsQuery, { first: 10 }, { token: seller.token });
    expect(notifications.edges.some((e) => e.node.title === `El pedido ${order.number} está pagado`)).toBe(true);
  });
});

it('applies an event once however often it comes, and never moves a payment back (events in any order)', async () => {
  const order = await placeOrder(1, 700);
  const { createPayment } = await ok(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token });
  const intentId = createPayment.clientSecret!.split('_secret_')[0];
  const succeeded = intentEvent(`evt_dup_${order.id}`, 'payment_intent.succeeded', intentId);
  const failedLate = intentEvent(`evt_late_${order.id}`, 'payment_intent.payment_failed', intentId, {
    last_payment_error: { message: 'card_declined' },
  });
  const unrelated = { id: `evt_other_${order.id}`, type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } };
  const outcomes: { outcome: string }[] = [];
  for (const event of [succeeded, unrelated, succeeded, failedLate, succeeded])
    outcomes.push((await (await webhook(event)).json()) as { outcome: string });
  expect(outcomes.map((o) => o.outcome)).toEqual(['applied', 'ignored', 'duplicate', 'applied', 'duplicate']);
  await eventually(async () =>
    expect(await paymentOf(order.id)).toEqual(expect.objectContaining({ status: 'PAID', payment: expect.objectContaining({ status: 'SUCCEEDED' }) })),
  );
  expect(await stripeEventRows(succeeded.id)).toBe(1);
});

it('refuses a bad signature, a stale one and a malformed body with 400, writing nothing', async () => {
  const order = await placeOrder(1, 600);
  const { createPayment } = await ok(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token });
  const intentId = createPayment.clientSecret!.split('_secret_')[0];
  const forged = intentEvent(`evt_forged_${order.id}`, 'payment_intent.succeeded', intentId);
  expect((await webhook(forged, { sign: 'whsec_someone_else' })).status).toBe(400);
  expect((await webhook(forged, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
  const unsigned = await fetch(new URL('/webhooks/stripe', paymentsUrl()), { method: 'POST', body: JSON.stringify(forged) });
  expect(unsigned.status).toBe(400);
  expect(
    (await webhook({ id: `evt_shapeless_${order.id}`, type: 'payment_intent.succeeded', data: { object: { object: 'payment_intent' } } })).status,
  ).toBe(400);
  expect(await stripeEventRows(forged.id)).toBe(0);
  expect(await stripeEventRows(`evt_shapeless_${order.id}`)).toBe(0);
  expect((await paymentOf(order.id)).payment!.status).toBe('REQUIRES_PAYMENT');
  // and the gateway does not serve webhooks at all
  expect((await fetch(new URL('/webhooks/stripe', gatewayUrl()), { method: 'POST', body: '{}' })).status).toBe(404);
});

it('refunds by the seller or an admin, never above what was paid, through Stripe once per refund', async () => {
  const order = await placeOrder(2, 500);
  const { createPayment } = await ok(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token });
  await webhook(intentEvent(`evt_paid_${order.id}`, 'payment_intent.succeeded', createPayment.clientSecret!.split('_secret_')[0]));
  await eventually(async () => expect((await paymentOf(order.id)).payment!.status).toBe('SUCCEEDED'));
  const refund = (token: string, amountCents?: number) =>
    execute(RefundPaymentMutation, { paymentId: createPayment.id, amountCents, reason: 'Producto faltante' }, { token });

  expect(errorCode(await refund(buyer.token, 100))).toBe('FORBIDDEN');
  expect(errorCode(await refund(stranger.token, 100))).toBe('FORBIDDEN');
  expect(errorCode(await refund(seller.token, 1001))).toBe('BAD_USER_INPUT');
  expect(errorCode(await refund(seller.token, 0))).toBe('BAD_USER_INPUT');
  const partial = await ok(RefundPaymentMutation, { paymentId: createPayment.id, amountCents: 300 }, { token: seller.token });
  expect(partial.refundPayment).toEqual(expect.objectContaining({ status: 'PARTIALLY_REFUNDED', refundedCents: 300 }));
  const rest = await ok(RefundPaymentMutation, { paymentId: createPayment.id }, { token: admin.token });
  expect(rest.refundPayment).toEqual(expect.objectContaining({ status: 'REFUNDED', refundedCents: 1000 }));
  expect(errorCode(await refund(admin.token, 1))).toBe('CONFLICT');
  await eventually(async () => {
    const refunds = (await stripeRequests()).filter(
      (r) => r.path === '/v1/refunds' && r.body.payment_intent === createPayment.clientSecret!.split('_secret_')[0],
    );
    expect(refunds.map((r) => Number(r.body.amount)).sort((a, b) => a - b)).toEqual([300, 700]);
    expect(new Set(refunds.map((r) => r.idempotencyKey)).size).toBe(2);
  });
});

it('refunds an order its seller cancels after payment, from the event orders emits', async () => {
  const order = await placeOrder(1, 900);
  const { createPayment } = await ok(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token });
  await webhook(intentEvent(`evt_before_cancel_${order.id}`, 'payment_intent.succeeded', createPayment.clientSecret!.split('_secret_')[0]));
  await eventually(async () => expect((await paymentOf(order.id)).status).toBe('PAID'));
  await ok(UpdateOrderStatusMutation, { orderId: order.id, status: 'CANCELLED' }, { token: seller.token });
  await eventually(async () =>
    expect((await paymentOf(order.id)).payment).toEqual(expect.objectContaining({ status: 'REFUNDED', refundedCents: 900 })),
  );
});

it('records cash, confirmed by the seller (not the buyer), and the order becomes PAID; card simulation is mock mode only', async () => {
  const order = await placeOrder(1, 450);
  const { createPayment } = await ok(CreatePaymentMutation, { orderId: order.id, method: 'CASH' }, { token: buyer.token });
  expect(createPayment).toEqual(expect.objectContaining({ method: 'CASH', status: 'REQUIRES_PAYMENT', clientSecret: null }));
  expect(errorCode(await execute(CreatePaymentMutation, { orderId: order.id, method: 'CARD' }, { token: buyer.token }))).toBe('CONFLICT');
  expect(errorCode(await execute(ConfirmPaymentMutation, { paymentId: createPayment.id }, { token: buyer.token }))).toBe('FORBIDDEN');
  expect((await ok(ConfirmPaymentMutation, { paymentId: createPayment.id }, { token: seller.token })).confirmPayment.status).toBe('SUCCEEDED');
  await eventually(async () => expect((await paymentOf(order.id)).status).toBe('PAID'));
  expect(errorCode(await execute(ConfirmPaymentMutation, { paymentId: createPayment.id }, { token: seller.token }))).toBe('CONFLICT');
  // this market talks to (a fake) Stripe: no simulation here
  expect(errorCode(await execute(SimulateCardPaymentMutation, { paymentId: createPayment.id }, { token: buyer.token }))).toBe('FORBIDDEN');
});
