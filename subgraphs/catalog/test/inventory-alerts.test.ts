// Low-stock alerts: written to the outbox with the stock change, relayed to the event bus, retried when it is down.
import { Redis } from 'ioredis';
import { PubSub } from 'graphql-subscriptions';
import { optionalRedisUrl } from '@espigon/kit/testing/test-resources';
import { recordOutboxEvent, type OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { OutboxRelay } from '@espigon/kit/events/outbox-relay';
import type { EventBus } from '@espigon/kit/events/pubsub';
import { createLogger } from '@espigon/kit/logger';
import { CREATE_PRODUCT, ROSA, productInput, startCatalogHarness, type CatalogHarness } from './support/catalog-harness';

let h: CatalogHarness;

beforeAll(async () => {
  // a long poll: passes happen when a stock change wakes the relay, or when a test drives them
  h = await startCatalogHarness({ env: { OUTBOX_POLL_INTERVAL_MS: '60000' } });
});
afterAll(() => h?.stop());

// the outbox's rows of one topic (every change of a product also writes product.changed beside them)
const outbox = (topic = 'inventory.alert') =>
  h.service.runtime.orm.em
    .fork()
    .execute<
      { id: string; topic: string; payload: Record<string, unknown>; published_at: string | null; attempts: number; last_error: string | null }[]
    >(`select "id", "topic", "payload", "published_at", "attempts", "last_error" from "catalog"."outbox_event" where "topic" = ? order by "seq"`, [
      topic,
    ]);

/** The next message on a bus channel: read from Redis itself when the run has one, else from the in-process bus. */
async function nextMessage(channel: string): Promise<{ received: Promise<OutboxEnvelope>; stop(): Promise<void> }> {
  const url = optionalRedisUrl();
  if (!url) {
    const engine = h.service.runtime.events.engine;
    let resolve!: (envelope: OutboxEnvelope) => void;
    const received = new Promise<OutboxEnvelope>((r) => (resolve = r));
    const id = await engine.subscribe(channel, (message: OutboxEnvelope) => resolve(message), {});
    return { received, stop: async () => engine.unsubscribe(id) };
  }
  const subscriber = new Redis(url);
  await subscriber.subscribe(channel);
  const received = new Promise<OutboxEnvelope>((resolve) => subscriber.on('message', (_c, message) => resolve(JSON.parse(message))));
  return { received, stop: async () => subscriber.disconnect() };
}

function fakeBus(publish: (topic: string, payload: unknown) => Promise<void>): EventBus {
  return { engine: new PubSub(), channel: (t) => `test:${t}`, publish, close: async () => {} };
}

describe('inventory.alert', () => {
  it('is written with the stock change that reaches the threshold and published on the bus', async () => {
    const seller = h.token('SELLER', ROSA);
    const created = await h.gql(CREATE_PRODUCT, { input: productInput({ quantityOnHand: 10, lowStockThreshold: 3 }) }, seller);
    const productId = created.data!.createProduct.id;

    const { received, stop } = await nextMessage(`${h.redisPrefix}events:inventory.alert`);
    try {
      const above = await h.gql(`mutation { adjustInventory(productId: "${productId}", delta: -6) { quantityAvailable } }`, {}, seller);
      expect(above.data!.adjustInventory.quantityAvailable).toBe(4);
      expect(await outbox()).toHaveLength(0);

      const reaches = await h.gql(`mutation { adjustInventory(productId: "${productId}", delta: -1) { quantityAvailable } }`, {}, seller);
      expect(reaches.data!.adjustInventory.quantityAvailable).toBe(3);
      const alert = await received;
      expect(alert).toMatchObject({
        topic: 'inventory.alert',
        payload: { productId, sellerId: ROSA, quantityAvailable: 3, lowStockThreshold: 3 },
      });
      const rows = await outbox();
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe(alert.eventId);
    } finally {
      await stop();
    }

    // a reservation that sells it out alerts again (same transaction as the reservation)
    const reserved = await h.internal('POST', '/internal/reservations', {
      orderId: '00000000-0000-4000-8000-00000000b001',
      lines: [{ productId, quantity: 3 }],
    });
    expect(reserved.status).toBe(201);
    const rows = await outbox();
    expect(rows.map((r) => r.payload.quantityAvailable)).toEqual([3, 0]);
  });
});

describe('OutboxRelay', () => {
  const logger = createLogger('outbox-test', 'silent');

  beforeAll(async () => {
    // the service's own relay stays out of the way: these tests drive passes themselves
    await h.service.runtime.outboxRelay!.stop();
    await h.service.runtime.orm.em.fork().execute(`delete from "catalog"."outbox_event"`);
  });

  async function enqueue(count: number): Promise<string[]> {
    const em = h.service.runtime.orm.em.fork();
    return em.transactional(async (tx) => Array.from({ length: count }, (_, i) => recordOutboxEvent(tx, 'test.event', { n: i }).id));
  }

  it('keeps events when the bus is down and publishes them once it is back', async () => {
    const ids = await enqueue(3);
    let down = true;
    const published: string[] = [];
    const relay = new OutboxRelay({
      orm: h.service.runtime.orm,
      schema: 'catalog',
      logger,
      events: fakeBus(async (_topic, envelope) => {
        if (down) throw new Error('Connection is closed.');
        published.push((envelope as OutboxEnvelope).eventId);
      }),
    });

    expect(await relay.relayOnce()).toMatchObject({ published: 0, failed: true });
    let rows = await outbox('test.event');
    expect(rows.map((r) => [r.attempts, r.published_at === null])).toEqual([
      [1, true],
      [0, true],
      [0, true],
    ]);
    expect(rows[0].last_error).toBe('Connection is closed.');

    down = false;
    // the failed event waits for its backoff; the others go now
    expect(await relay.relayOnce()).toMatchObject({ published: 2, failed: false });
    await h.service.runtime.orm.em.fork().execute(`update "catalog"."outbox_event" set "available_at" = now()`);
    expect(await relay.relayOnce()).toMatchObject({ published: 1, failed: false });
    expect(await relay.relayOnce()).toMatchObject({ published: 0, failed: false });

    expect([...published].sort()).toEqual([...ids].sort());
    rows = await outbox('test.event');
    expect(rows.every((r) => r.published_at !== null)).toBe(true);
  });

  it('lets several relays share the table: every event is published exactly once', async () => {
    const ids = await enqueue(60);
    const published: string[] = [];
    const bus = fakeBus(async (_topic, envelope) => {
      await new Promise((resolve) => setImmediate(resolve));
      published.push((envelope as OutboxEnvelope).eventId);
    });
    const relays = Array.from(
      { length: 3 },
      () => new OutboxRelay({ orm: h.service.runtime.orm, schema: 'catalog', logger, events: bus, batchSize: 7 }),
    );
    for (let pass = 0; pass < 30; pass += 1) {
      const results = await Promise.all(relays.map((r) => r.relayOnce()));
      if (results.every((r) => r.published === 0)) break;
    }
    expect(published).toHaveLength(ids.length);
    expect(new Set(published)).toEqual(new Set(ids));
  });
});
