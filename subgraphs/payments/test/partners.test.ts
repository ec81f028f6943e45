// Partners' webhooks, with the payments service as its own process on a database and Redis prefix of its own:
// outgoing deliveries signed as Standard Webhooks, retried with the same webhook-id until the receiver takes them,
// surviving a kill of the sender mid-schedule, stopped by 410; incoming ones verified and recorded once. The events are
// appended to the service's stream from here, through Redis: on a run without Redis those tests are skipped.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Webhook } from 'standardwebhooks';
import { RedisTokenDenylist } from '@espigon/kit/auth/token-denylist';
import { createEventStream, type EventStream } from '@espigon/kit/events/event-stream';
import { createLogger } from '@espigon/kit/logger';
import { eventually } from '@espigon/kit/testing/eventually';
import { createDatabase, deleteRedisKeys, dropDatabase, optionalRedisUrl, uniqueName } from '@espigon/kit/testing/test-resources';
import { testWithRedis } from '@espigon/kit/testing/test-services';
import { testTokenSigner } from '@espigon/kit/testing/test-tokens';
import { spawnService, type ChildService } from '../../../e2e/support/processes';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A partner's endpoint: answers `statuses` in turn (the last one from then on), and keeps what it got. */
async function receiver(statuses: number[]) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses[Math.min(got.length - 1, statuses.length - 1)]).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, close: () => new Promise((r) => server.close(r)) };
}

const database = uniqueName('espigon_partners_test');
const prefix = `${database}:`;
const dataDir = mkdtempSync(join(tmpdir(), 'espigon-partners-'));
let env: NodeJS.ProcessEnv;
let payments: ChildService;
let stream: EventStream | undefined;
let adminToken: string;

const startPayments = () => spawnService('subgraphs/payments/src/index.ts', env, 'payments subgraph ready', join(dataDir, 'payments.log'));
const gql = async (query: string, variables: Record<string, unknown> = {}) =>
  (await (
    await fetch(payments.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    })
  ).json()) as {
    data?: any;
    errors?: { extensions?: { code?: string } }[];
  };

beforeAll(async () => {
  env = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: await createDatabase(database),
    REDIS_URL: optionalRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    DATA_DIR: dataDir,
    PARTNER_ALLOW_PRIVATE_URLS: 'true',
    // the first retry waits long enough for the kill test to strike between attempts
    PARTNER_RETRY_SCHEDULE_MS: '1500,100,100,100',
  };
  payments = await startPayments();
  adminToken = testTokenSigner(dataDir)('ADMIN', randomUUID());
  const redisUrl = optionalRedisUrl();
  if (!redisUrl) return; // the service's denylist and stream are in its own memory
  // alone, the service has no users subgraph to load the token denylist: nobody has logged out
  const redis = new Redis(redisUrl);
  await new RedisTokenDenylist(redis, prefix).restore([]);
  redis.disconnect();
  stream = createEventStream({ redisUrl, keyPrefix: prefix, name: 'partners-test', logger: createLogger('partners-test', 'silent') });
}, 120_000);

afterAll(async () => {
  await stream?.close();
  await payments?.stop();
  await dropDatabase(database);
  await deleteRedisKeys(prefix);
  rmSync(dataDir, { recursive: true, force: true });
});

async function register(url: string, events = ['payment.succeeded']) {
  const result = await gql(
    `mutation R($name: String!, $url: String!, $events: [String!]!) { registerPartner(name: $name, webhookUrl: $url, events: $events) { partner { id active events } signingSecret } }`,
    { name: 'Entregas Manabí', url, events },
  );
  expect(result.errors).toBeUndefined();
  return result.data.registerPartner as { partner: { id: string }; signingSecret: string };
}

const paymentSucceeded = (orderId = randomUUID()) =>
  stream!.append({
    eventId: randomUUID(),
    topic: 'payment.succeeded',
    occurredAt: new Date().toISOString(),
    payload: { paymentId: randomUUID(), orderId, buyerId: randomUUID(), sellerId: randomUUID(), method: 'CARD', amountCents: 1100 },
    audience: null,
  });

const deliveries = async (partnerId: string) =>
  (
    await gql(`query D($id: ID!) { partnerDeliveries(partnerId: $id) { totalCount edges { node { eventType status attempts lastStatus } } } }`, {
      id: partnerId,
    })
  ).data.partnerDeliveries;

it('shows the signing secret once and refuses bad registrations, naming the field', async () => {
  const target = await receiver([200]);
  const { partner, signingSecret } = await register(target.url);
  expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
  const listed = await gql(`{ partners { id name webhookUrl events active } }`);
  expect(JSON.stringify(listed.data)).not.toContain(signingSecret);
  expect(listed.data.partners.find((p: { id: string }) => p.id === partner.id)).toEqual(
    expect.objectContaining({ events: ['payment.succeeded'], active: true }),
  );
  for (const [url, events] of [
    ['not a url', ['payment.succeeded']],
    [target.url, ['order.deleted']],
    [target.url, []],
  ] as const) {
    const refused = await gql(
      `mutation Refused($url: String!, $events: [String!]!) { registerPartner(name: "X", webhookUrl: $url, events: $events) { signingSecret } }`,
      {
        url,
        events,
      },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }
  await target.close();
});

testWithRedis('retries a failing receiver with the same webhook-id until it takes the event once, each attempt signed', async () => {
  const target = await receiver([500, 503, 500, 200]);
  const { partner, signingSecret } = await register(target.url);
  await paymentSucceeded();
  await eventually(async () => expect(target.got).toHaveLength(4), { timeoutMs: 30_000 });
  expect(new Set(target.got.map((r) => r.headers['webhook-id'])).size).toBe(1);
  const verifier = new Webhook(signingSecret);
  for (const request of target.got) {
    const payload = verifier.verify(request.body, request.headers as Record<string, string>) as { type: string; data: { amountCents: number } };
    expect(payload).toEqual(expect.objectContaining({ type: 'payment.succeeded', data: expect.objectContaining({ amountCents: 1100 }) }));
  }
  await eventually(async () =>
    expect((await deliveries(partner.id)).edges[0].node).toEqual({
      eventType: 'payment.succeeded',
      status: 'DELIVERED',
      attempts: 4,
      lastStatus: 200,
    }),
  );
  // a forged cursor is the client's mistake, not the database's
  const forged = Buffer.from(JSON.stringify(['yesterday', 'nope'])).toString('base64url');
  const refused = await gql(`query F($id: ID!, $after: String) { partnerDeliveries(partnerId: $id, after: $after) { totalCount } }`, {
    id: partner.id,
    after: forged,
  });
  expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  await target.close();
});

testWithRedis('still delivers after the sender is killed between two attempts and started again', async () => {
  const target = await receiver([500, 200]);
  const { partner } = await register(target.url);
  await paymentSucceeded();
  await eventually(async () => expect((await deliveries(partner.id)).edges[0]?.node.attempts).toBe(1), { intervalMs: 20 });
  payments.child.kill('SIGKILL');
  await new Promise((resolve) => payments.child.once('exit', resolve));
  payments = await startPayments();
  await eventually(async () => expect(target.got).toHaveLength(2), { timeoutMs: 30_000 });
  expect(target.got[0].headers['webhook-id']).toBe(target.got[1].headers['webhook-id']);
  await eventually(async () => expect((await deliveries(partner.id)).edges[0].node.status).toBe('DELIVERED'));
  await target.close();
});

testWithRedis('stops at 410 Gone: no more tries, and the partner is disabled', async () => {
  const target = await receiver([410]);
  const { partner } = await register(target.url);
  await paymentSucceeded();
  await eventually(async () => expect((await deliveries(partner.id)).edges[0]?.node.status).toBe('GONE'));
  await paymentSucceeded(); // a later event finds the partner disabled
  await new Promise((resolve) => setTimeout(resolve, 2500)); // longer than the retry schedule
  expect(target.got).toHaveLength(1);
  const listed = await gql(`{ partners { id active disabledReason } }`);
  expect(listed.data.partners.find((p: { id: string }) => p.id === partner.id)).toEqual({
    id: partner.id,
    active: false,
    disabledReason: 'Its endpoint answered 410 Gone',
  });
  await target.close();
});

it("verifies a partner's own webhooks and records each webhook-id once; a bad signature is 400, an unknown partner 404", async () => {
  const target = await receiver([200]);
  const { partner, signingSecret } = await register(target.url);
  const base = payments.gatewayUrl.replace(/\/graphql$/, '');
  const send = (partnerId: string, id: string, secret = signingSecret) => {
    const body = JSON.stringify({
      type: 'delivery.status',
      timestamp: new Date().toISOString(),
      data: { orderId: randomUUID(), status: 'DELIVERED' },
    });
    const now = new Date();
    const signature = new Webhook(secret).sign(id, now, body);
    return fetch(`${base}/webhooks/partners/${partnerId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
  };
  const id = `msg_${randomUUID()}`;
  expect(await (await send(partner.id, id)).json()).toEqual({ received: true, outcome: 'recorded' });
  expect(await (await send(partner.id, id)).json()).toEqual({ received: true, outcome: 'duplicate' });
  expect((await send(partner.id, `msg_${randomUUID()}`, `whsec_${Buffer.alloc(24, 7).toString('base64')}`)).status).toBe(400);
  expect((await send(randomUUID(), `msg_${randomUUID()}`)).status).toBe(404);
  // signed by the partner, but not JSON: still a 400, never a 500
  const garbled = 'not json {';
  const when = new Date();
  const garbledResponse = await fetch(`${base}/webhooks/partners/${partner.id}`, {
    method: 'POST',
    headers: {
      'webhook-id': 'msg_garbled',
      'webhook-timestamp': String(Math.floor(when.getTime() / 1000)),
      'webhook-signature': new Webhook(signingSecret).sign('msg_garbled', when, garbled),
    },
    body: garbled,
  });
  expect(garbledResponse.status).toBe(400);
  await target.close();
});
