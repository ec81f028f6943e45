// `npm run bench:reports`: the reports read model at 100,000 orders. A fresh PostgreSQL database gets the reports schema;
// every order's events (created; most paid, with payments' and orders' events; some refunded in part, some cancelled
// after payment and refunded, some left unpaid or cancelled unpaid), spread over 200 sellers and 120 Guayaquil days, go
// through the read model's own consumer as the service runs it (inbox claims and projector). The first BENCH_SEQUENTIAL
// events are applied as the live consumer does, the events of one read (BENCH_BATCH, 50) per transaction, one read
// after the other: their rate is the consumer's events/s; then up to 5,000 one per transaction, for comparison; the
// rest by BENCH_WORKERS workers at once (disjoint sellers, batched), only to seed faster.
// Then the reports subgraph is started on that database and `dashboard` and a 90-day `salesReport` (DAY) are timed over
// HTTP as an ADMIN (the whole market: the largest read) and as one SELLER, p50/p95 of BENCH_REQUESTS sequential requests.
// Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test); the database is dropped afterwards.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { initORM, type InitOrmOptions } from '@espigon/kit/database/orm';
import { DomainTopic } from '@espigon/kit/events/domain-events';
import { handleBatchOnce, handleOnce, InboxEvent } from '@espigon/kit/events/inbox';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { createLogger } from '@espigon/kit/logger';
import { migrateSubgraph, startSubgraph } from '@espigon/kit/server/start-subgraph';
import { testTokenSigner } from '@espigon/kit/testing/test-tokens';
import { readModelConsumer } from '@espigon/reports/modules/read-model/read-model.consumer';
import { ReadModelProjector } from '@espigon/reports/modules/read-model/read-model.projector';
import { reportsSubgraph } from '@espigon/reports/reports.subgraph';
import { runBenchmark } from './support/stack';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
/** The live consumer's read size (the kit's stream consumer reads up to 50 entries at a time). */
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const SELLERS = 200;
const DAYS = 120;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A small deterministic generator, so two runs seed the same market. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One order's events, in the order its services would write them. */
function orderEvents(n: number, next: () => number, sellers: string[], now: number): OutboxEnvelope[] {
  const parties = { orderId: randomUUID(), sellerId: sellers[Math.floor(next() * sellers.length)], buyerId: randomUUID() };
  const number = `EM-${String(n).padStart(8, '0')}`;
  const totalCents = 500 + Math.floor(next() * 20_000);
  const createdAt = now - Math.floor(next() * DAYS * DAY_MS);
  const at = (ms: number) => new Date(Math.min(createdAt + ms, now)).toISOString();
  const event = (topic: string, payload: Record<string, unknown>, occurredAt: string): OutboxEnvelope => ({
    eventId: randomUUID(),
    topic,
    occurredAt,
    payload: { ...parties, ...payload },
  });
  const events = [event(DomainTopic.ORDER_CREATED, { number, status: 'PENDING', totalCents, createdAt: at(0) }, at(0))];
  const fate = next();
  const moved = (to: string, ms: number) => event(DomainTopic.ORDER_STATUS_CHANGED, { number, to, totalCents, occurredAt: at(ms) }, at(ms));
  if (fate < 0.85) {
    events.push(event(DomainTopic.PAYMENT_SUCCEEDED, { amountCents: totalCents }, at(600_000)), moved('PAID', 601_000));
    if (fate < 0.05) {
      events.push(moved('CANCELLED', 3_600_000), event(DomainTopic.PAYMENT_REFUNDED, { refundedCents: totalCents }, at(3_601_000)));
    } else if (fate < 0.15) {
      events.push(event(DomainTopic.PAYMENT_REFUNDED, { refundedCents: Math.floor(totalCents / 4) }, at(7_200_000)));
    } else if (fate < 0.6) {
      events.push(moved('PREPARING', 1_800_000), moved('READY', 3_600_000), moved('DELIVERED', 7_200_000));
    }
  } else if (fate < 0.95) {
    events.push(moved('CANCELLED', 1_800_000));
  }
  return events;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const logger = createLogger('bench-reports', 'warn');
  const rootUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const database = `espigon_bench_reports_${process.pid}`;
  const admin = new Client({ connectionString: rootUrl });
  await admin.connect();
  await admin.query(`create database "${database}"`);
  const url = new URL(rootUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-bench-reports-'));
  try {
    await migrateSubgraph(reportsSubgraph, databaseUrl, logger);
    const orm = await initORM({
      clientUrl: databaseUrl,
      schema: 'reports',
      entities: [...(reportsSubgraph.entities as unknown[]), InboxEvent] as InitOrmOptions['entities'],
      migrations: [],
      logger,
      queryTimeoutMs: 60_000,
      poolMax: WORKERS + 1,
    });
    const consumer = readModelConsumer(new ReadModelProjector(), logger);
    const apply = (envelope: OutboxEnvelope) => handleOnce(orm.em, 'reports.read-model', envelope, (tx) => consumer.handle(envelope, tx));

    const next = random(20261201);
    const sellers = Array.from({ length: SELLERS }, () => randomUUID());
    const now = Date.now();
    const orders = Array.from({ length: ORDERS }, (_, n) => orderEvents(n + 1, next, sellers, now));
    const total = orders.reduce((sum, events) => sum + events.length, 0);
    process.stdout.write(`${ORDERS} orders, ${total} events, ${SELLERS} sellers over ${DAYS} days\n`);

    // as the live consumer: the events of one read from the stream (up to its batch size) in one transaction, one read
    // after the other; then, for comparison, one event per transaction (the consumer's fallback, and its pace when
    // events trickle in one by one)
    let cursor = 0;
    const timed = async (label: string, limit: number, run: (events: OutboxEnvelope[]) => Promise<void>) => {
      const events: OutboxEnvelope[] = [];
      while (events.length < limit && cursor < orders.length) events.push(...orders[cursor++]);
      const start = process.hrtime.bigint();
      await run(events);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stdout.write(
        `consumer, ${label}: ${events.length} events in ${(ms / 1000).toFixed(1)} s = ${Math.round((events.length / ms) * 1000)} events/s\n`,
      );
      return events.length;
    };
    let applied = await timed(`${BATCH} events per transaction`, SEQUENTIAL, async (events) => {
      for (let i = 0; i < events.length; i += BATCH)
        await handleBatchOnce(orm.em, 'reports.read-model', events.slice(i, i + BATCH), (envelope, tx) => consumer.handle(envelope, tx));
    });
    applied += await timed('one event per transaction', Math.min(SEQUENTIAL, 5_000), async (events) => {
      for (const envelope of events) await apply(envelope);
    });

    // the rest, only to seed: workers on disjoint sellers
    const seedStart = Date.now();
    const rest = orders.slice(cursor);
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        // by seller, so no two workers' transactions touch the same seller's rows (batches would deadlock otherwise)
        const mine = rest
          .filter((events) => (sellers as string[]).indexOf((events[0].payload as { sellerId: string }).sellerId) % WORKERS === w)
          .flat();
        for (let i = 0; i < mine.length; i += BATCH)
          await handleBatchOnce(orm.em, 'reports.read-model', mine.slice(i, i + BATCH), (envelope, tx) => consumer.handle(envelope, tx));
      }),
    );
    const restEvents = total - applied;
    process.stdout.write(
      `seeded the rest with ${WORKERS} workers: ${restEvents} events in ${((Date.now() - seedStart) / 1000).toFixed(1)} s = ` +
        `${Math.round(restEvents / ((Date.now() - seedStart) / 1000))} events/s\n`,
    );
    const [counts] = await orm.em
      .fork()
      .execute<{ facts: string; days: string }[]>(
        `select (select count(*) from "reports"."order_fact") as "facts", (select count(*) from "reports"."seller_day") as "days"`,
      );
    process.stdout.write(`read model: ${counts.facts} order_fact rows, ${counts.days} seller_day rows\n`);
    await orm.em.fork().execute('vacuum analyze "reports"."seller_day"');
    await orm.em.fork().execute('vacuum analyze "reports"."order_fact"');
    await orm.close();

    const service = await startSubgraph(reportsSubgraph, {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    try {
      const sign = testTokenSigner(dataDir);
      const viewers = { ADMIN: sign('ADMIN', randomUUID(), 3600), SELLER: sign('SELLER', sellers[0], 3600) };
      const todayStart = Date.parse(`${new Date(now - 5 * 60 * 60 * 1000).toISOString().slice(0, 10)}T05:00:00.000Z`);
      const queries = {
        dashboard: { query: '{ dashboard { revenueTodayCents ordersToday ordersByStatus { status count } averageOrderCents lowStockCount } }' },
        'salesReport (90 days, DAY)': {
          query:
            'query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to, granularity: DAY) { periodStart orders revenueCents } }',
          variables: { from: new Date(todayStart - 89 * DAY_MS).toISOString(), to: new Date(todayStart + DAY_MS).toISOString() },
        },
      };
      for (const [role, token] of Object.entries(viewers)) {
        for (const [name, body] of Object.entries(queries)) {
          const post = async () => {
            const response = await fetch(service.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(body),
            });
            const answer = (await response.json()) as { errors?: unknown[] };
            if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
          };
          for (let i = 0; i < 30; i++) await post();
          const times: number[] = [];
          for (let i = 0; i < REQUESTS; i++) {
            const start = process.hrtime.bigint();
            await post();
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
          }
          times.sort((a, b) => a - b);
          process.stdout.write(
            `${role.padEnd(6)} ${name.padEnd(27)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms (${REQUESTS} requests, HTTP to the subgraph)\n`,
          );
        }
      }
    } finally {
      await service.stop();
    }
  } finally {
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
