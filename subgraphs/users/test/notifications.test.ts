// The inbox filled from the market's events: each event's notifications once (redelivered or not), to the right
// person, in Spanish; the viewer's own inbox paged newest first, unread counts, marking read; a subgraph that was
// down gets every event once when it comes back.
import { randomUUID } from 'node:crypto';
import {
  DomainTopic,
  type InventoryAlertPayload,
  type OrderCreatedPayload,
  type OrderMessageAddedPayload,
  type OrderStatusChangedPayload,
} from '@espigon/kit/events/domain-events';
import { createEventStream } from '@espigon/kit/events/event-stream';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { createLogger } from '@espigon/kit/logger';
import { startSubgraph } from '@espigon/kit/server/start-subgraph';
import { systemContext } from '@espigon/kit/server/service-context';
import { startSubgraphHarness, type SubgraphHarness } from '@espigon/kit/testing/subgraph-harness';
import type { UsersServices } from '../src/users.context';
import { usersSubgraph } from '../src/users.subgraph';

let h: SubgraphHarness<UsersServices>;

beforeAll(async () => {
  h = await startSubgraphHarness(usersSubgraph);
});
afterAll(() => h?.stop());

interface NotificationNode {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  readAt: string | null;
  createdAt: string;
}
interface Inbox {
  edges: { cursor: string; node: NotificationNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const NOTIFICATIONS = `
  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { cursor node { id kind title body readAt createdAt } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`;
const UNREAD = '{ unreadNotificationCount }';
const MARK_READ = 'mutation Mark($ids: [ID!]) { markNotificationsRead(ids: $ids) }';

/** A person of the market: their id and a token (the inbox needs no account row, only the token's subject). */
function person(role: 'CLIENT' | 'SELLER' = 'CLIENT') {
  const id = randomUUID();
  return { id, token: h.token(role, id) };
}

async function inbox(token: string, variables: Record<string, unknown> = {}): Promise<Inbox> {
  const result = await h.gql<{ notifications: Inbox }>(NOTIFICATIONS, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data!.notifications;
}

async function unread(token: string): Promise<number> {
  const result = await h.gql<{ unreadNotificationCount: number }>(UNREAD, {}, token);
  expect(result.errors).toBeUndefined();
  return result.data!.unreadNotificationCount;
}

function envelope<P extends object>(topic: string, payload: P, eventId: string = randomUUID()): OutboxEnvelope {
  return { eventId, topic, occurredAt: new Date().toISOString(), payload: payload as Record<string, unknown> };
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Whether the subgraph's notifications consumer has recorded every one of these events as handled. */
async function handled(eventIds: string[]): Promise<boolean> {
  const rows = await h.service.runtime.orm.em
    .fork()
    .execute<{ event_id: string }[]>(`select "event_id" from "users"."inbox_event" where "consumer" = 'users.notifications'`);
  const seen = new Set(rows.map((r) => r.event_id));
  return eventIds.every((id) => seen.has(id));
}

/** Appends the events to the subgraph's stream and waits until its consumer has handled each. */
async function publish(...events: OutboxEnvelope[]): Promise<void> {
  for (const event of events) await h.service.runtime.stream.append(event);
  await until(() => handled(events.map((e) => e.eventId)), `${events.length} events handled`);
}

const number = () => `MNT-2026-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

function orderCreated(sellerId: string, overrides: Partial<OrderCreatedPayload> = {}): OrderCreatedPayload {
  return {
    orderId: randomUUID(),
    number: number(),
    checkoutId: randomUUID(),
    buyerId: randomUUID(),
    sellerId,
    status: 'PENDING',
    totalCents: 1250,
    itemCount: 3,
    deliveryMethod: 'PICKUP',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

function statusChanged(buyerId: string, sellerId: string, overrides: Partial<OrderStatusChangedPayload> = {}): OrderStatusChangedPayload {
  return {
    orderId: randomUUID(),
    number: number(),
    buyerId,
    sellerId,
    from: 'PAID',
    to: 'READY',
    actorId: sellerId,
    actorRole: 'SELLER',
    reason: null,
    refundDue: false,
    totalCents: 1250,
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

function stockAlert(sellerId: string, overrides: Partial<InventoryAlertPayload> = {}): InventoryAlertPayload {
  return { productId: randomUUID(), sellerId, productName: 'Corvina de roca', quantityAvailable: 2, lowStockThreshold: 3, ...overrides };
}

describe('filling the inbox from events', () => {
  it('tells the seller of a new order, once however often the event comes', async () => {
    const seller = person('SELLER');
    const event = envelope(DomainTopic.ORDER_CREATED, orderCreated(seller.id, { number: 'MNT-2026-000123', deliveryMethod: 'DELIVERY' }));
    // delivered twice, then another event on the same stream: once that is handled, both copies were
    await publish(event, event);
    await publish(envelope(DomainTopic.ORDER_CREATED, orderCreated(randomUUID())));

    const { edges, totalCount } = await inbox(seller.token);
    expect(totalCount).toBe(1);
    expect(edges[0].node).toMatchObject({
      kind: 'ORDER_CREATED',
      title: 'Nuevo pedido MNT-2026-000123',
      body: 'Un cliente pidió 3 productos por $12.50 (entrega a domicilio)',
      readAt: null,
    });
    expect(await unread(seller.token)).toBe(1);
  });

  it('tells the buyer what the seller did, the seller what the buyer did, and both of an expired order', async () => {
    const buyer = person();
    const seller = person('SELLER');
    const ready = statusChanged(buyer.id, seller.id, { number: 'MNT-2026-000200', to: 'READY' });
    const cancelledByBuyer = statusChanged(buyer.id, seller.id, {
      number: 'MNT-2026-000201',
      from: 'PENDING',
      to: 'CANCELLED',
      actorId: buyer.id,
      actorRole: 'BUYER',
      reason: 'BUYER_CANCELLED',
    });
    const expired = statusChanged(buyer.id, seller.id, {
      number: 'MNT-2026-000202',
      from: 'PENDING',
      to: 'CANCELLED',
      actorId: null,
      actorRole: 'SYSTEM',
      reason: 'EXPIRED',
    });
    await publish(...[ready, cancelledByBuyer, expired].map((p) => envelope(DomainTopic.ORDER_STATUS_CHANGED, p)));

    const titles = async (token: string) => (await inbox(token)).edges.map((e) => e.node.title).sort();
    expect(await titles(buyer.token)).toEqual([
      'Tu pedido MNT-2026-000200 está listo',
      'Tu pedido MNT-2026-000202 fue cancelado: no se pagó a tiempo',
    ]);
    expect(await titles(seller.token)).toEqual([
      'El pedido MNT-2026-000201 fue cancelado: lo canceló el cliente',
      'El pedido MNT-2026-000202 fue cancelado: no se pagó a tiempo',
    ]);
    expect((await inbox(buyer.token)).edges.every((e) => e.node.kind === 'ORDER_STATUS_CHANGED')).toBe(true);
  });

  it('tells the other party of a message, with its preview', async () => {
    const buyer = person();
    const seller = person('SELLER');
    const payload: OrderMessageAddedPayload = {
      messageId: randomUUID(),
      orderId: randomUUID(),
      number: 'MNT-2026-000300',
      buyerId: buyer.id,
      sellerId: seller.id,
      authorId: buyer.id,
      preview: '¿Me lo pueden dejar fileteado?',
      createdAt: new Date().toISOString(),
    };
    const reply = { ...payload, messageId: randomUUID(), authorId: seller.id, preview: 'Claro que sí' };
    await publish(envelope(DomainTopic.ORDER_MESSAGE_ADDED, payload), envelope(DomainTopic.ORDER_MESSAGE_ADDED, reply));

    expect((await inbox(seller.token)).edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        kind: 'ORDER_MESSAGE',
        title: 'Nuevo mensaje sobre el pedido MNT-2026-000300',
        body: '¿Me lo pueden dejar fileteado?',
      }),
    ]);
    expect((await inbox(buyer.token)).edges.map((e) => e.node.body)).toEqual(['Claro que sí']);
  });

  it('tells the seller of low stock and of a product sold out', async () => {
    const seller = person('SELLER');
    await publish(
      envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id, { productName: 'Camarón pomada' })),
      envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id, { productName: 'Atún', quantityAvailable: 0 })),
    );
    const nodes = (await inbox(seller.token)).edges.map((e) => e.node);
    expect(nodes.map((n) => [n.kind, n.title]).sort()).toEqual([
      ['LOW_STOCK', 'Quedan pocas unidades de Camarón pomada'],
      ['SOLD_OUT', 'Se agotó Atún'],
    ]);
  });

  it('skips an event whose payload is off the contract instead of holding up the ones behind it', async () => {
    const seller = person('SELLER');
    await publish(
      envelope(DomainTopic.INVENTORY_ALERT, { productId: 'not-a-uuid', sellerId: seller.id }),
      envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id)),
    );
    expect((await inbox(seller.token)).totalCount).toBe(1);
  });

  it('writes (event, recipient) once even when the inbox is bypassed', async () => {
    const seller = person('SELLER');
    const eventId = randomUUID();
    const draft = {
      userId: seller.id,
      kind: 'LOW_STOCK' as const,
      title: 'Quedan pocas unidades de Pargo',
      body: null,
      orderId: null,
      productId: randomUUID(),
    };
    const { orm, logger } = h.service.runtime;
    const deliver = () => orm.em.fork().transactional((tx) => h.service.services.notifications.deliver(systemContext(tx, logger), eventId, [draft]));
    expect(await deliver()).toHaveLength(1);
    expect(await deliver()).toHaveLength(0);
    expect((await inbox(seller.token)).totalCount).toBe(1);
  });
});

describe("the viewer's inbox", () => {
  it('pages newest first with cursors that never skip or repeat, unread only on request', async () => {
    const seller = person('SELLER');
    const events = Array.from({ length: 7 }, (_, i) =>
      envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id, { productName: `Producto ${i}` })),
    );
    await publish(...events);
    // someone else's notifications never show
    await publish(envelope(DomainTopic.INVENTORY_ALERT, stockAlert(randomUUID())));

    const seen: NotificationNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Inbox = await inbox(seller.token, { first: 3, after });
      expect(result.totalCount).toBe(7);
      seen.push(...result.edges.map((e) => e.node));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((n) => n.id)).size).toBe(7);
    expect(seen.map((n) => n.title).sort()).toEqual(events.map((_, i) => `Quedan pocas unidades de Producto ${i}`).sort());
    const times = seen.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // read two: unreadOnly leaves them out, and pages over the rest the same way
    const read = [seen[0].id, seen[4].id];
    expect((await h.gql(MARK_READ, { ids: read }, seller.token)).data).toEqual({ markNotificationsRead: 2 });
    const first = await inbox(seller.token, { first: 3, unreadOnly: true });
    expect(first.totalCount).toBe(5);
    const rest = await inbox(seller.token, { first: 3, after: first.pageInfo.endCursor, unreadOnly: true });
    const unreadIds = [...first.edges, ...rest.edges].map((e) => e.node.id);
    expect(unreadIds).toEqual(seen.map((n) => n.id).filter((id) => !read.includes(id)));
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(
      (await inbox(seller.token)).edges
        .filter((e) => e.node.readAt !== null)
        .map((e) => e.node.id)
        .sort(),
    ).toEqual([...read].sort());
  });

  it('marks read the given ids of the viewer only, or all of theirs without ids, counting what changed', async () => {
    const seller = person('SELLER');
    const other = person('SELLER');
    await publish(
      ...Array.from({ length: 4 }, () => envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id))),
      envelope(DomainTopic.INVENTORY_ALERT, stockAlert(other.id)),
    );
    const mine = (await inbox(seller.token)).edges.map((e) => e.node.id);
    const theirs = (await inbox(other.token)).edges[0].node.id;
    expect(await unread(seller.token)).toBe(4);

    // another user's id and an unknown one are not counted, and change nothing
    const some = await h.gql(MARK_READ, { ids: [mine[0], mine[1], mine[1].toUpperCase(), theirs, randomUUID()] }, seller.token);
    expect(some.data).toEqual({ markNotificationsRead: 2 });
    expect(await unread(seller.token)).toBe(2);
    expect(await unread(other.token)).toBe(1);
    // already read: nothing changes; an empty list marks nothing
    expect((await h.gql(MARK_READ, { ids: [mine[0]] }, seller.token)).data).toEqual({ markNotificationsRead: 0 });
    expect((await h.gql(MARK_READ, { ids: [] }, seller.token)).data).toEqual({ markNotificationsRead: 0 });
    expect(await unread(seller.token)).toBe(2);

    expect((await h.gql(MARK_READ, {}, seller.token)).data).toEqual({ markNotificationsRead: 2 });
    expect(await unread(seller.token)).toBe(0);
    expect((await inbox(seller.token, { unreadOnly: true })).totalCount).toBe(0);
    expect((await h.gql(MARK_READ, {}, seller.token)).data).toEqual({ markNotificationsRead: 0 });
    expect(await unread(other.token)).toBe(1);
  });

  it('is refused without a token', async () => {
    for (const [query, variables] of [
      [NOTIFICATIONS, {}],
      [UNREAD, {}],
      [MARK_READ, {}],
    ] as const) {
      const result = await h.gql(query, variables);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses malformed ids, too many ids, bad cursors and page sizes, naming the field', async () => {
    const { token } = person();
    const malformed = await h.gql(MARK_READ, { ids: [randomUUID(), 'not-an-id'] }, token);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids.1' });
    const tooMany = await h.gql(MARK_READ, { ids: Array.from({ length: 101 }, () => randomUUID()) }, token);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const cursor = await h.gql(NOTIFICATIONS, { after: 'bm90LWEtY3Vyc29y' }, token);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const forged = await h.gql(
      NOTIFICATIONS,
      { after: Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', randomUUID()])).toString('base64url') },
      token,
    );
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const size = await h.gql(NOTIFICATIONS, { first: 101 }, token);
    expect(size.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('a users subgraph that was down', () => {
  it('gets every event published meanwhile once when it comes back, redeliveries included', async () => {
    const seller = person('SELLER');
    const before = envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id, { productName: 'Antes' }));
    await publish(before);

    const { config } = h.service.runtime;
    await h.service.stop();
    // published by the market while the users subgraph is down, one of them twice, and one it had already handled
    const meanwhile = Array.from({ length: 5 }, (_, i) =>
      envelope(DomainTopic.INVENTORY_ALERT, stockAlert(seller.id, { productName: `Mientras ${i}` })),
    );
    const logger = createLogger('notifications-test', 'silent');
    // the subgraph's stream: Redis Streams with REDIS_URL, else the in-process one (this process's, which outlives the subgraph)
    const market = createEventStream({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, name: 'notifications-test', logger });
    try {
      for (const event of [...meanwhile, meanwhile[2], before]) await market.append(event);
    } finally {
      await market.close();
    }

    // the same database, Redis prefix and keys: the harness now talks to (and stops) the restarted subgraph
    const restarted = await startSubgraph(usersSubgraph, {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_KEY_PREFIX: config.REDIS_KEY_PREFIX,
      DATA_DIR: config.DATA_DIR,
    });
    Object.assign(h.service, restarted);

    await until(() => handled(meanwhile.map((e) => e.eventId)), 'the events published while down');
    const titles = (await inbox(seller.token)).edges.map((e) => e.node.title).sort();
    expect(titles).toEqual(['Quedan pocas unidades de Antes', ...meanwhile.map((_, i) => `Quedan pocas unidades de Mientras ${i}`)].sort());
  });
});
