// Live updates through the gateway: graphql-ws at /graphql, with fields from every subgraph in each event. Two gateway
// instances and two orders instances share the run's PostgreSQL and Redis: an event committed behind one reaches a
// subscriber of the other. Who gets which event, refusals at connect, expiry and logout, limits, and no leak after
// many subscribe/disconnect cycles. On a run without Redis there is one market (in-process bus) and one gateway:
// what is about two instances sharing Redis is skipped, and the other tests' "gateway B" is gateway A.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { testTokenSigner } from '@espigon/kit/testing/test-tokens';
import { eventually } from '@espigon/kit/testing/eventually';
import { AdjustInventoryMutation, CreateProductMutation } from './operations/catalog.operations';
import { AddToCartMutation, CheckoutMutation, ClearCartMutation, UpdateOrderStatusMutation } from './operations/orders.operations';
import { LogoutMutation } from './operations/users.operations';
import { gatewayUrl, ok } from './support/client';
import { settle, subscribe, type LiveSubscription } from './support/live-client';
import { CAMARON_SUBCATEGORY, listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';
import { spawnGateway, spawnService, type ChildService } from './support/processes';
import { optionalRedisUrl, redisUrl } from './support/test-resources';
import { hasRedis, testWithRedis } from '@espigon/kit/testing/test-services';

const dataDir = process.env.ESPIGON_TEST_DATA_DIR!;
let ordersB: ChildService | undefined;
/** What every extra instance of this file shares with the market: its data folder (keys), Redis and prefix. */
let shared: NodeJS.ProcessEnv;
let gatewayB: ChildService | undefined;
let urlA: string;
let urlB: string;
let seller: Person;
let otherSeller: Person;
let buyer: Person;
let otherBuyer: Person;
let admin: Person;
const open: LiveSubscription[] = [];
const live = <T = Record<string, any>>(...args: Parameters<typeof subscribe>) => {
  const subscription = subscribe<T>(...args);
  open.push(subscription as LiveSubscription);
  return subscription;
};

beforeAll(async () => {
  const subgraphs = JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>;
  shared = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    REDIS_URL: optionalRedisUrl(),
    REDIS_KEY_PREFIX: process.env.ESPIGON_TEST_REDIS_PREFIX,
  };
  urlA = gatewayUrl();
  urlB = urlA;
  [seller, otherSeller, buyer, otherBuyer, admin] = await Promise.all([
    registerPerson('SELLER', 'Rosa Delgado'),
    registerPerson('SELLER', 'Pedro Mero'),
    registerPerson('CLIENT', 'Carmen Zambrano'),
    registerPerson('CLIENT', 'Luis Vera'),
    loginAdmin(),
  ]);
  // only Redis carries an event from one instance to another
  if (!hasRedis()) return;
  // a second orders instance on the same database and Redis, and a second gateway that routes orders to it
  ordersB = await spawnService(
    'subgraphs/orders/src/index.ts',
    { ...shared, DATABASE_URL: process.env.ESPIGON_TEST_DATABASE_URL, CATALOG_URL: subgraphs.catalog.replace(/\/graphql$/, '') },
    'orders subgraph ready',
    join(dataDir, 'orders-b.log'),
  );
  gatewayB = await spawnGateway(
    {
      ...shared,
      SUBGRAPH_URL_USERS: subgraphs.users,
      SUBGRAPH_URL_CATALOG: subgraphs.catalog,
      SUBGRAPH_URL_ORDERS: ordersB.gatewayUrl,
      JWT_PUBLIC_KEY: readFileSync(join(dataDir, 'keys', 'jwt-es256.public.pem'), 'utf8'),
    },
    join(dataDir, 'gateway-b.log'),
  );
  urlB = gatewayB.gatewayUrl;
}, 120_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.stop()));
});

afterAll(async () => {
  await gatewayB?.stop();
  await ordersB?.stop();
});

/** An order of `who` from `from`, placed through the gateway at `url`. */
async function placeOrder(who: Person, from: Person, url: string, name = 'Camarón jumbo') {
  const productId = await listProduct(from, 10, 550, name);
  await ok(ClearCartMutation, {}, { token: who.token, url });
  await ok(AddToCartMutation, { productId, quantity: 2 }, { token: who.token, url });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: who.token, url })).checkout;
  return order;
}

const ORDER_CREATED = `subscription { orderCreated { id number status buyer { name } items { productName product { name seller { name } } } } }`;
const ORDER_UPDATED = `subscription Follow($orderId: ID) { orderUpdated(orderId: $orderId) { id status buyer { name } items { product { name } } delivery { status } } }`;
const INVENTORY_ALERT = `subscription { inventoryAlert { quantityAvailable lowStockThreshold product { id name seller { name } } } }`;

testWithRedis(
  "sends a seller on gateway A the order placed through gateway B, with the buyer's name and the products' from users and catalog",
  async () => {
    const onA = live(urlA, seller.token, ORDER_CREATED);
    const otherOnB = live(urlB, otherSeller.token, ORDER_CREATED);
    await settle();
    const order = await placeOrder(buyer, seller, urlB);
    const [event] = await onA.waitFor(1);
    expect(event.orderCreated).toEqual({
      id: order.id,
      number: order.number,
      status: 'PENDING',
      buyer: { name: 'Carmen Zambrano' },
      items: [{ productName: 'Camarón jumbo', product: { name: 'Camarón jumbo', seller: { name: 'Rosa Delgado' } } }],
    });
    // the other seller gets its own order, and only that
    const theirs = await placeOrder(buyer, otherSeller, urlA, 'Dorado');
    await otherOnB.waitFor(1);
    expect(otherOnB.events.map((e) => e.orderCreated.id)).toEqual([theirs.id]);
    expect(onA.events).toHaveLength(1);
  },
);

it("follows the buyer's order PENDING → PAID → PREPARING with cross-subgraph fields; another client sees none of it", async () => {
  const order = await placeOrder(buyer, seller, urlA);
  const follower = live(urlB, buyer.token, ORDER_UPDATED, { orderId: order.id });
  const allMine = live(urlA, buyer.token, ORDER_UPDATED);
  const stranger = live(urlA, otherBuyer.token, ORDER_UPDATED);
  await settle();
  await ok(UpdateOrderStatusMutation, { orderId: order.id, status: 'PAID' }, { token: admin.token, url: urlA });
  await ok(UpdateOrderStatusMutation, { orderId: order.id, status: 'PREPARING' }, { token: seller.token, url: urlB });
  const events = await follower.waitFor(2);
  expect(events.map((e) => e.orderUpdated.status)).toEqual(['PAID', 'PREPARING']);
  expect(events[1].orderUpdated).toEqual({
    id: order.id,
    status: 'PREPARING',
    buyer: { name: 'Carmen Zambrano' },
    items: [{ product: { name: 'Camarón jumbo' } }],
    delivery: { status: 'PREPARING' },
  });
  await allMine.waitFor(2);
  // the stranger's own order moves: that is the one event it gets
  const theirs = await placeOrder(otherBuyer, seller, urlA, 'Pargo');
  await ok(UpdateOrderStatusMutation, { orderId: theirs.id, status: 'CANCELLED' }, { token: otherBuyer.token, url: urlA });
  await stranger.waitFor(1);
  expect(stranger.events.map((e) => e.orderUpdated.id)).toEqual([theirs.id]);
});

it("refuses a subscription to someone else's order, and alerts to a client; a seller gets only its own products' alerts", async () => {
  const order = await placeOrder(buyer, seller, urlA);
  const prying = live(urlA, otherBuyer.token, ORDER_UPDATED, { orderId: order.id });
  const clientAlerts = live(urlA, buyer.token, INVENTORY_ALERT);
  const mine = live(urlA, seller.token, INVENTORY_ALERT);
  const theirs = live(urlB, otherSeller.token, INVENTORY_ALERT);
  await eventually(async () =>
    expect(prying.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]),
  );
  await eventually(async () =>
    expect(clientAlerts.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]),
  );
  await settle();
  const low = (
    await ok(
      CreateProductMutation,
      { input: { name: 'Langostino', priceCents: 900, unit: 'KG', subcategoryId: CAMARON_SUBCATEGORY, quantityOnHand: 10, lowStockThreshold: 3 } },
      { token: seller.token },
    )
  ).createProduct.id;
  await ok(AdjustInventoryMutation, { productId: low, delta: -8 }, { token: seller.token });
  const [alert] = await mine.waitFor(1);
  expect(alert.inventoryAlert).toEqual({
    quantityAvailable: 2,
    lowStockThreshold: 3,
    product: { id: low, name: 'Langostino', seller: { name: 'Rosa Delgado' } },
  });
  const otherLow = (
    await ok(
      CreateProductMutation,
      { input: { name: 'Pulpo', priceCents: 700, unit: 'KG', subcategoryId: CAMARON_SUBCATEGORY, quantityOnHand: 5, lowStockThreshold: 1 } },
      { token: otherSeller.token },
    )
  ).createProduct.id;
  await ok(AdjustInventoryMutation, { productId: otherLow, delta: -5 }, { token: otherSeller.token });
  await theirs.waitFor(1);
  expect(theirs.events.map((e) => e.inventoryAlert.product.id)).toEqual([otherLow]);
  expect(mine.events).toHaveLength(1);
});

it('refuses a missing or bad token at connect with 4401', async () => {
  const anonymous = live(urlA, null, ORDER_CREATED);
  const forged = live(urlA, 'x.y.z', ORDER_CREATED);
  await eventually(async () => expect([anonymous.closeCode, forged.closeCode]).toEqual([4401, 4401]));
  expect(anonymous.events).toEqual([]);
});

it('ends the stream with 4403 when the token expires, and when it is logged out', async () => {
  const shortLived = testTokenSigner(dataDir)('SELLER', seller.id, 2);
  const expiring = live(urlA, shortLived, ORDER_CREATED);
  await eventually(async () => expect(expiring.closeCode).toBe(4403));

  const session = await registerPerson('CLIENT', 'Marta Salida');
  const order = await placeOrder(session, seller, urlA);
  const following = live(urlB, session.token, ORDER_UPDATED, { orderId: order.id });
  await settle();
  await ok(LogoutMutation, {}, { token: session.token });
  await ok(UpdateOrderStatusMutation, { orderId: order.id, status: 'CANCELLED' }, { token: seller.token });
  await eventually(async () => expect(following.closeCode).toBe(4403));
  expect(following.events).toEqual([]);
});

it('applies the HTTP limits to subscriptions: depth, aliases, cost, and queries are not served over WebSocket', async () => {
  const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ');
  const tooManyAliases = live(urlA, seller.token, `subscription { orderCreated { ${aliases} } }`);
  const tooDeep = live(
    urlA,
    seller.token,
    `subscription { orderCreated { buyer { orders { edges { node { seller { orders { edges { node { buyer { orders { edges { node { id } } } } } } } } } } } } } }`,
  );
  const query = live(urlA, seller.token, `{ me { id } }`);
  const pages = Array.from({ length: 10 }, (_, i) => `p${i}: orders(first: 100) { edges { node { items { product { id } } } } }`).join(' ');
  const tooCostly = live(urlA, seller.token, `subscription { orderCreated { buyer { ${pages} } } }`);
  await eventually(async () => {
    for (const refused of [tooManyAliases, tooDeep, query, tooCostly]) expect(refused.errors.length).toBeGreaterThan(0);
  });
  expect(JSON.stringify(tooCostly.errors)).toMatch(/cost \d+ exceeds the maximum of 10000/);
  expect(JSON.stringify(tooManyAliases.errors)).toMatch(/alias/i);
  expect(JSON.stringify(tooDeep.errors)).toMatch(/depth/i);
});

testWithRedis(
  'leaves no upstream connection, subscription or Redis listener behind after 1,000 subscribe/disconnect cycles',
  async () => {
    const metrics = async (url: string) => {
      const text = await (await fetch(new URL('/metrics', url))).text();
      return Object.fromEntries(
        text
          .trim()
          .split('\n')
          .map((line) => [line.split(' ')[0].replace('espigon_gateway_ws_', ''), Number(line.split(' ')[1])]),
      );
    };
    const redis = new Redis(redisUrl());
    const channel = `${process.env.ESPIGON_TEST_REDIS_PREFIX}events:order.status_changed`;
    const listeners = async () => ((await redis.pubsub('NUMSUB', channel)) as [string, number])[1];
    try {
      await eventually(async () => expect((await metrics(urlA)).connections).toBe(0));
      const baseline = { a: await metrics(urlA), listeners: await listeners() };
      for (let batch = 0; batch < 50; batch++) {
        const batchOf = Array.from({ length: 20 }, () => subscribe(urlA, buyer.token, ORDER_UPDATED));
        // every one of the 20 fully up: its connection, its upstream leg, its Redis listener
        await eventually(
          async () => {
            const now = await metrics(urlA);
            expect([now.connections, now.upstream_connections, now.active_subscriptions]).toEqual([
              baseline.a.connections + 20,
              baseline.a.upstream_connections + 20,
              baseline.a.active_subscriptions + 20,
            ]);
            expect(await listeners()).toBeGreaterThan(baseline.listeners);
          },
          { intervalMs: 20 },
        );
        await Promise.all(batchOf.map((s) => s.stop()));
      }
      // a subscription completed by its client while the connection stays open lets go of its upstream leg too
      const kept = subscribe(urlA, buyer.token, ORDER_UPDATED);
      await eventually(async () => expect((await metrics(urlA)).active_subscriptions).toBe(baseline.a.active_subscriptions + 1));
      kept.unsubscribe();
      await eventually(async () => {
        const now = await metrics(urlA);
        expect([now.connections, now.active_subscriptions]).toEqual([baseline.a.connections + 1, baseline.a.active_subscriptions]);
        expect(await listeners()).toBe(baseline.listeners);
      });
      await kept.stop();
      await eventually(async () => {
        const after = await metrics(urlA);
        expect([after.connections, after.upstream_connections, after.active_subscriptions]).toEqual([
          baseline.a.connections,
          baseline.a.upstream_connections,
          baseline.a.active_subscriptions,
        ]);
        expect(await listeners()).toBe(baseline.listeners);
      });
    } finally {
      redis.disconnect();
    }
  },
  180_000,
  "counts the gateway's listeners in Redis (PUBSUB NUMSUB)",
);

it('sends what it can with a masked error when another subgraph fails for an event, and keeps the stream open', async () => {
  const subgraphs = JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>;
  // a gateway whose users subgraph is unreachable: every event's buyer { name } fails
  const gatewayC = await spawnGateway(
    {
      ...shared,
      SUBGRAPH_URL_USERS: 'http://127.0.0.1:9/graphql',
      SUBGRAPH_URL_CATALOG: subgraphs.catalog,
      SUBGRAPH_URL_ORDERS: subgraphs.orders,
      SUBGRAPH_TIMEOUT_MS: '1000',
      JWT_PUBLIC_KEY: readFileSync(join(dataDir, 'keys', 'jwt-es256.public.pem'), 'utf8'),
    },
    join(dataDir, 'gateway-c.log'),
  );
  try {
    const watching = live(gatewayC.gatewayUrl, seller.token, `subscription { orderCreated { number buyer { name } items { productName } } }`);
    await settle();
    const first = await placeOrder(buyer, seller, urlA, 'Corvina');
    await eventually(async () => expect(watching.errors.length).toBeGreaterThan(0));
    expect(JSON.stringify(watching.errors)).toContain('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(watching.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    const second = await placeOrder(buyer, seller, urlA, 'Picudo');
    // the stream is still open: the next event arrives too
    await eventually(async () => expect(watching.errors.length).toBeGreaterThanOrEqual(2));
    expect(watching.closeCode).toBeNull();
    expect(watching.completed).toBe(false);
    // buyer is non-null in the contract, so each event's data is null as GraphQL's null propagation says; a nullable
    // field of another subgraph would be null alone. Each event gave its own masked error, in order.
    expect(watching.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }),
    ]);
    expect([first.number, second.number]).toHaveLength(2);
  } finally {
    await gatewayC.stop();
  }
});
