// `npm run bench:subscriptions`: N clients (BENCH_CLIENTS, default 2,000), each subscribed over graphql-ws to its own
// orders (orderUpdated, with catalog's product names in every event), half on each of 2 gateway instances; M orders
// (BENCH_EVENTS, default 500) of M of those clients are marked PAID through the first gateway. Reports delivered /
// expected, the latency from each mutation's answer (its commit) to the event's receipt (p50/p95/p99), and the
// gateways' memory per 1,000 connections. Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): two gateway
// processes share events only through Redis.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { Client as Pg } from 'pg';
import WebSocket from 'ws';
import { testTokenSigner } from '@espigon/kit/testing/test-tokens';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';
import { LoginMutation } from '../e2e/operations/users.operations';
import { UpdateOrderStatusMutation } from '../e2e/operations/orders.operations';
import { ok } from '../e2e/support/client';
import { spawnGateway, spawnMarket } from '../e2e/support/processes';
import { createDatabase, deleteRedisKeys, dropDatabase, uniqueName } from '../e2e/support/test-resources';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const EVENTS = Math.min(Number(process.env.BENCH_EVENTS ?? 500), CLIENTS);
const DEMO_PRODUCT = '6f1c7a1e-0003-4000-8000-000000000001';

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL)
    throw new Error('bench:subscriptions needs DATABASE_URL and REDIS_URL (two gateways share events through Redis)');
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-bench-ws-'));
  const database = uniqueName('espigon_bench_ws');
  const prefix = `${database}:`;
  const databaseUrl = await createDatabase(database);
  const env = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  };
  const lines: string[] = [`${CLIENTS} clients (half on each of 2 gateways), ${EVENTS} events, PostgreSQL + Redis`];
  const clients: Client[] = [];
  try {
    const market = await spawnMarket(
      { ...env, LOG_LEVEL: 'info', GATEWAY_PORT: '0', SUBGRAPH_PORTS: 'auto', SEED_DEMO_DATA: 'true' },
      join(dataDir, 'market.log'),
    );
    const gatewayB = await spawnGateway(
      {
        ...env,
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        JWT_PUBLIC_KEY: readFileSync(join(dataDir, 'keys', 'jwt-es256.public.pem'), 'utf8'),
        ...Object.fromEntries(Object.entries(market.subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url])),
      },
      join(dataDir, 'gateway-b.log'),
    );
    const gateways = [market.gatewayUrl, gatewayB.gatewayUrl];

    // the buyers: tokens signed with the market's development key; M of them get an order each, written directly
    const sign = testTokenSigner(dataDir);
    const buyers = Array.from({ length: CLIENTS }, () => randomUUID());
    const orderIds = buyers.slice(0, EVENTS).map(() => randomUUID());
    const pg = new Pg({ connectionString: databaseUrl });
    await pg.connect();
    const seller = demoAccounts.find((a) => a.role === 'SELLER')!;
    for (let i = 0; i < EVENTS; i++) {
      await pg.query(
        `insert into "orders"."order" ("id", "number", "checkout_id", "buyer_id", "seller_id", "status", "placed", "total_cents", "delivery_method", "refund_due", "created_at", "updated_at")
         values ($1, $2, $3, $4, $5, 'PENDING', true, 550, 'PICKUP', false, now(), now())`,
        [orderIds[i], `MNT-2026-B${String(i).padStart(5, '0')}`, randomUUID(), buyers[i], seller.id],
      );
      await pg.query(
        `insert into "orders"."order_item" ("id", "order_id", "product_id", "product_name", "unit_price_cents", "unit", "quantity", "line_total_cents")
         values ($1, $2, $3, 'Camarón', 550, 'LB', 1, 550)`,
        [randomUUID(), orderIds[i], DEMO_PRODUCT],
      );
    }
    await pg.end();

    const baseline = { a: rssMiB(market.child.pid!), b: rssMiB(gatewayB.child.pid!) };
    const received = new Map<string, number>();
    const query = 'subscription { orderUpdated { id status items { product { name } } } }';
    let connected = 0;
    for (let i = 0; i < CLIENTS; i += 100) {
      await Promise.all(
        buyers.slice(i, i + 100).map(
          (buyerId, j) =>
            new Promise<void>((resolve, reject) => {
              const client = createClient({
                url: gateways[(i + j) % 2].replace(/^http/, 'ws'),
                webSocketImpl: WebSocket,
                connectionParams: { authorization: `Bearer ${sign('CLIENT', buyerId)}` },
                retryAttempts: 0,
                lazy: false,
                on: { connected: () => ((connected += 1), resolve()), error: reject },
              });
              clients.push(client);
              client.subscribe(
                { query },
                {
                  next: (value) => {
                    const order = (value.data as { orderUpdated?: { id: string } } | undefined)?.orderUpdated;
                    if (order && !received.has(order.id)) received.set(order.id, performance.now());
                  },
                  error: () => {},
                  complete: () => {},
                },
              );
            }),
        ),
      );
    }
    await sleep(2000); // every subscription registered upstream
    const connectedRss = { a: rssMiB(market.child.pid!), b: rssMiB(gatewayB.child.pid!) };

    const admin = demoAccounts.find((a) => a.role === 'ADMIN')!;
    const token = (await ok(LoginMutation, { email: admin.email, password: admin.password }, { url: gateways[0] })).login.accessToken;
    const committed = new Map<string, number>();
    const started = performance.now();
    // one change at a time: the latency measured is delivery's, not that of mutations queued behind each other
    // (npm start's one process spends ~30 ms of CPU on a status change through the gateway: the performance issue)
    for (const orderId of orderIds) {
      await ok(UpdateOrderStatusMutation, { orderId, status: 'PAID' }, { token, url: gateways[0] });
      committed.set(orderId, performance.now());
    }
    const deadline = Date.now() + 30_000;
    while (received.size < EVENTS && Date.now() < deadline) await sleep(100);
    const elapsed = (performance.now() - started) / 1000;
    const latencies = orderIds
      .filter((id) => received.has(id))
      .map((id) => Math.max(0, received.get(id)! - committed.get(id)!))
      .sort((x, y) => x - y);
    const perThousand = (before: number, after: number) => (((after - before) / (CLIENTS / 2)) * 1000).toFixed(0);
    lines.push(`connected: ${connected} of ${CLIENTS}`);
    lines.push(
      `delivered / expected: ${received.size} / ${EVENTS} (${((received.size / EVENTS) * 100).toFixed(1)} %), ${(EVENTS / elapsed).toFixed(0)} status changes/s sent one at a time`,
    );
    lines.push(
      `latency from the mutation's answer (commit) to receipt: p50=${percentile(latencies, 50).toFixed(1)} ms p95=${percentile(latencies, 95).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms`,
    );
    lines.push(
      `memory per 1,000 connections: gateway B ${perThousand(baseline.b, connectedRss.b)} MiB (gateway alone), market process ${perThousand(baseline.a, connectedRss.a)} MiB (gateway + subgraphs' upstream legs)`,
    );
    await Promise.all(clients.map((c) => c.dispose()));
    await gatewayB.stop();
    await market.stop();
  } finally {
    await dropDatabase(database);
    await deleteRedisKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
