// No N+1: every list the payments subgraph serves costs the same SQL statements for 5 rows as for 50 — the admin's
// `partners` and `partnerDeliveries`, `Order.payment` for a batch of orders (the gateway asks payments for the
// payments of a page of orders through `_entities`), and batches of Payment references.
import { randomUUID } from 'node:crypto';
import { Partner, PartnerDelivery } from '../src/modules/partner/partner.entity';
import { PaymentMethodKind, PaymentStatus } from '../src/modules/payment/payment-status.enum';
import { Payment } from '../src/modules/payment/payment.entity';
import { startPaymentsHarness, type PaymentsHarness } from './support/payments-harness';

let h: PaymentsHarness;
let admin: string;

beforeAll(async () => {
  h = await startPaymentsHarness({ OUTBOX_POLL_INTERVAL_MS: '60000' });
  admin = h.token('ADMIN', randomUUID());
});
afterAll(() => h?.stop());

/** The statements one request sends, after checking it answered without errors. */
async function statementsOf(query: string, variables: Record<string, unknown>, token: string) {
  h.resetStatements();
  const result = await h.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: [...h.statements] };
}

/** `count` partners, newest first; their ids. */
async function seedPartners(count: number): Promise<string[]> {
  const start = Date.now();
  const partners: Partner[] = [];
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    for (let i = 0; i < count; i++) {
      partners.push(
        tx.create(Partner, {
          name: `Socio ${i}`,
          webhookUrl: `https://socio-${i}.example.com/hooks`,
          events: ['order.created', 'payment.succeeded'],
          secretCiphertext: 'not-a-real-ciphertext (never delivered to)',
          createdAt: new Date(start - i * 1000),
        } as Partner),
      );
    }
  });
  return partners.map((p) => p.id);
}

/** A payment for each of `count` orders; the orders' ids. */
async function seedPayments(count: number): Promise<{ orderIds: string[]; paymentIds: string[] }> {
  const payments: Payment[] = [];
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    for (let i = 0; i < count; i++) {
      payments.push(
        tx.create(Payment, {
          orderId: randomUUID(),
          orderNumber: `MNT-2026-${String(i).padStart(6, '0')}`,
          buyerId: randomUUID(),
          sellerId: randomUUID(),
          method: i % 2 ? PaymentMethodKind.CASH : PaymentMethodKind.CARD,
          amountCents: 900 + i,
          status: i % 2 ? PaymentStatus.REQUIRES_PAYMENT : PaymentStatus.SUCCEEDED,
          processorRef: i % 2 ? null : `pi_sim_${randomUUID()}`,
          clientSecret: i % 2 ? null : `pi_sim_secret_${i}`,
        } as Payment),
      );
    }
  });
  return { orderIds: payments.map((p) => p.orderId), paymentIds: payments.map((p) => p.id) };
}

const PAYMENT_FIELDS = 'id createdAt method amountCents refundedCents status failureReason clientSecret order { id }';

it('lists 5 partners or 50 in one statement', async () => {
  const query = `query { partners { id createdAt name webhookUrl events active consecutiveFailures disabledReason } }`;
  await seedPartners(5);
  const five = await statementsOf(query, {}, admin);
  await seedPartners(45);
  const fifty = await statementsOf(query, {}, admin);
  expect(five.data.partners).toHaveLength(5);
  expect(fifty.data.partners).toHaveLength(50);
  console.log(`partners SQL statements: 5 -> ${five.statements.length}, 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the latest 200 partners
  expect(fifty.statements).toHaveLength(1);
});

it("pages a partner's deliveries in the same three statements for 5 and for 50", async () => {
  const [partnerId] = await seedPartners(1);
  const start = Date.now();
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    for (let i = 0; i < 60; i++) {
      tx.create(PartnerDelivery, {
        partnerId,
        eventId: randomUUID(),
        eventType: 'order.created',
        payload: { orderId: randomUUID() },
        status: 'DELIVERED',
        attempts: 1,
        lastStatus: 200,
        deliveredAt: new Date(start - i * 1000),
        createdAt: new Date(start - i * 1000),
      });
    }
  });
  const query = `query Deliveries($partnerId: ID!, $first: Int!) { partnerDeliveries(partnerId: $partnerId, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id createdAt eventType status attempts nextAttemptAt lastStatus lastError deliveredAt } }
  } }`;
  const five = await statementsOf(query, { partnerId, first: 5 }, admin);
  const fifty = await statementsOf(query, { partnerId, first: 50 }, admin);
  expect(five.data.partnerDeliveries.edges).toHaveLength(5);
  expect(fifty.data.partnerDeliveries.edges).toHaveLength(50);
  expect(fifty.data.partnerDeliveries.totalCount).toBe(60);
  console.log(`partnerDeliveries SQL statements: first 5 -> ${five.statements.length}, first 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the partner exists (NOT_FOUND otherwise), the page, the count
  expect(fifty.statements).toHaveLength(3);
});

it('resolves Order.payment for a batch of 5 orders or of 50 in one statement', async () => {
  const { orderIds, paymentIds } = await seedPayments(50);
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id payment { ${PAYMENT_FIELDS} } } } }`;
  // orders without a payment yet are in the batch too: their payment is null
  const batch = (n: number) => ({ r: [...orderIds.slice(0, n), randomUUID()].map((id) => ({ __typename: 'Order', id })) });
  const five = await statementsOf(query, batch(5), admin);
  const fifty = await statementsOf(query, batch(50), admin);
  expect(fifty.data._entities).toHaveLength(51);
  expect(fifty.data._entities.slice(0, 50).map((o: { payment: { id: string } }) => o.payment.id)).toEqual(paymentIds);
  expect(fifty.data._entities[50].payment).toBeNull();
  console.log(`Order.payment SQL statements: 5 orders -> ${five.statements.length}, 50 orders -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the payments of every order of the batch (the request's loader)
  expect(fifty.statements).toHaveLength(1);
});

it('resolves a batch of 5 or of 50 Payment references in one statement, each seen only by its parties and admins', async () => {
  const { paymentIds } = await seedPayments(50);
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { ${PAYMENT_FIELDS} } } }`;
  const batch = (n: number) => ({ r: paymentIds.slice(0, n).map((id) => ({ __typename: 'Payment', id })) });
  const five = await statementsOf(query, batch(5), admin);
  const fifty = await statementsOf(query, batch(50), admin);
  expect(fifty.data._entities.map((p: { id: string }) => p.id)).toEqual(paymentIds);
  expect(fifty.data._entities[0]).toEqual(expect.objectContaining({ method: 'CARD', status: 'SUCCEEDED', amountCents: 900, clientSecret: null }));
  console.log(`Payment _entities SQL statements: 5 -> ${five.statements.length}, 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // every payment of the batch in one select
  expect(fifty.statements).toHaveLength(1);
  // anyone but the payment's buyer, its seller and admins gets null, as for an unknown id
  const stranger = await h.gql(
    query,
    { r: [...batch(2).r, { __typename: 'Payment', id: randomUUID() }, { __typename: 'Payment', id: 'nope' }] },
    h.token('CLIENT', randomUUID()),
  );
  expect(stranger.errors).toBeUndefined();
  expect(stranger.data).toEqual({ _entities: [null, null, null, null] });
  // and the buyer sees their own (with the card's client secret, theirs alone)
  const {
    paymentIds: [id],
  } = await seedPayments(1);
  const { buyerId } = await h.service.runtime.orm.em.fork().findOneOrFail(Payment, { id });
  const own = await h.gql(query, { r: [{ __typename: 'Payment', id }] }, h.token('CLIENT', buyerId));
  expect(own.data!._entities).toEqual([expect.objectContaining({ id, method: 'CARD', clientSecret: 'pi_sim_secret_0' })]);
});
