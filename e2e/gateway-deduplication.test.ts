// In-flight deduplication at the gateway: identical fetches of queries reach a subgraph once, while the fetches of
// different callers (tokens) and of mutations are each sent. A gateway of this file's own reaches users and catalog
// through a proxy that holds every fetch until the test releases it, so "at the same time" is certain, not likely.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { graphql } from './__generated__';
import { execute, ok } from './support/client';
import { eventually } from '@espigon/kit/testing/eventually';
import { registerPerson, type Person } from './support/market-people';
import { spawnGateway, type ChildService } from './support/processes';
import { optionalRedisUrl } from './support/test-resources';

const DedupCatalogPageQuery = graphql(`
  query DedupCatalogPage {
    products(first: 5) {
      edges {
        node {
          id
          name
          seller {
            name
          }
        }
      }
    }
  }
`);

const DedupMeQuery = graphql(`
  query DedupMe {
    me {
      id
      name
    }
  }
`);

const DedupMarkReadMutation = graphql(`
  mutation DedupMarkRead {
    markNotificationsRead
  }
`);

interface HeldFetch {
  authorization?: string;
  body: string;
}

/** Forwards to `target`, but only once released: until then each fetch waits, counted. */
interface HoldingProxy {
  url: string;
  received: HeldFetch[];
  release(): void;
  hold(): void;
  close(): Promise<void>;
}

async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let holding = false;
  let waiting: (() => void)[] = [];
  const received: HeldFetch[] = [];
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push({ authorization: req.headers.authorization, body });
    if (holding) await new Promise<void>((resolve) => waiting.push(resolve));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
    }
    const answer = await fetch(target, { method: 'POST', headers, body });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const resolve of waiting) resolve();
      waiting = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const dataDir = process.env.ESPIGON_TEST_DATA_DIR!;
let gateway: ChildService;
let usersProxy: HoldingProxy;
let catalogProxy: HoldingProxy;
let ana: Person;
let luis: Person;

/** The gateway's counters for one subgraph. */
async function counters(subgraph: string): Promise<{ sent: number; deduplicated: number }> {
  const text = await (await fetch(new URL('/metrics', gateway.gatewayUrl))).text();
  const read = (name: string) => Number(new RegExp(`^${name}\\{subgraph="${subgraph}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { sent: read('espigon_gateway_subgraph_fetches_total'), deduplicated: read('espigon_gateway_subgraph_fetches_deduplicated_total') };
}

beforeAll(async () => {
  const subgraphs = JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>;
  usersProxy = await startHoldingProxy(subgraphs.users);
  catalogProxy = await startHoldingProxy(subgraphs.catalog);
  gateway = await spawnGateway(
    {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      REDIS_URL: optionalRedisUrl(),
      REDIS_KEY_PREFIX: process.env.ESPIGON_TEST_REDIS_PREFIX,
      JWT_PUBLIC_KEY: readFileSync(join(dataDir, 'keys', 'jwt-es256.public.pem'), 'utf8'),
      SUBGRAPH_URL_USERS: usersProxy.url,
      SUBGRAPH_URL_CATALOG: catalogProxy.url,
      SUBGRAPH_URL_ORDERS: subgraphs.orders,
      SUBGRAPH_URL_PAYMENTS: subgraphs.payments,
    },
    join(dataDir, 'gateway-dedup.log'),
  );
  [ana, luis] = await Promise.all([registerPerson('CLIENT', 'Ana Vera'), registerPerson('CLIENT', 'Luis Vera')]);
}, 120_000);

afterEach(() => {
  usersProxy.release();
  catalogProxy.release();
  usersProxy.received.length = 0;
  catalogProxy.received.length = 0;
});

afterAll(async () => {
  await gateway?.stop();
  await usersProxy?.close();
  await catalogProxy?.close();
});

it('sends ten identical queries in flight together to each subgraph once, and every caller gets the whole answer', async () => {
  catalogProxy.hold();
  const before = await counters('catalog');
  const answers = Array.from({ length: 10 }, () => ok(DedupCatalogPageQuery, {}, { url: gateway.gatewayUrl }));
  // nine of the ten wait on the first one's fetch, which the proxy holds
  await eventually(async () => expect((await counters('catalog')).deduplicated - before.deduplicated).toBe(9));
  catalogProxy.release();
  const pages = await Promise.all(answers);
  expect(catalogProxy.received).toHaveLength(1);
  expect(new Set(pages.map((page) => JSON.stringify(page))).size).toBe(1);
  expect(pages[0].products.edges.length).toBeGreaterThan(0);
  // the sellers' names came from users for every caller (the entity fetch after the held one)
  for (const page of pages) for (const { node } of page.products.edges) expect(node.seller.name).toEqual(expect.any(String));
});

it('never shares a fetch between callers with different tokens: each gets their own account', async () => {
  usersProxy.hold();
  const before = await counters('users');
  const asAna = Array.from({ length: 3 }, () => ok(DedupMeQuery, {}, { url: gateway.gatewayUrl, token: ana.token }));
  const asLuis = Array.from({ length: 3 }, () => ok(DedupMeQuery, {}, { url: gateway.gatewayUrl, token: luis.token }));
  await eventually(async () => expect((await counters('users')).deduplicated - before.deduplicated).toBe(4));
  usersProxy.release();
  const [anaAnswers, luisAnswers] = await Promise.all([Promise.all(asAna), Promise.all(asLuis)]);
  expect(usersProxy.received.map((f) => f.authorization).sort()).toEqual([`Bearer ${ana.token}`, `Bearer ${luis.token}`].sort());
  for (const answer of anaAnswers) expect(answer.me).toEqual({ id: ana.id, name: 'Ana Vera' });
  for (const answer of luisAnswers) expect(answer.me).toEqual({ id: luis.id, name: 'Luis Vera' });
});

it('sends every identical mutation in flight together', async () => {
  usersProxy.hold();
  const before = await counters('users');
  const marks = Array.from({ length: 3 }, () => execute(DedupMarkReadMutation, {}, { url: gateway.gatewayUrl, token: ana.token }));
  await eventually(async () => expect(usersProxy.received).toHaveLength(3));
  usersProxy.release();
  for (const result of await Promise.all(marks)) expect(result.errors).toBeUndefined();
  const after = await counters('users');
  expect(after.deduplicated).toBe(before.deduplicated);
  expect(after.sent - before.sent).toBe(3);
});
