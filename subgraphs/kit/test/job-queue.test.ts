// Durable jobs, the same on PostgreSQL and on the embedded PGlite: enqueued with the change that causes them, run
// once, retried with backoff, dead-lettered, reclaimed from a worker that died, recurring without duplicates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, dropDatabase, uniqueName } from '../src/testing/test-resources';
import { describeWithPostgres } from '../src/testing/test-services';
import { initORM, migrate, type Orm } from '../src/database/orm';
import { enqueueJob, Job, JobWorker, Migration20261124000003_kit_jobs, jobRetryDelayMs, type JobHandler } from '../src/jobs/job-queue';
import { createLogger } from '../src/logger';
import { startPgliteProcess } from '../src/testing/pglite-process';

const logger = createLogger('jobs-test', 'silent');

// PGlite here is the kit's own (on disk, as `npm start` keeps it); PostgreSQL is the run's real one, when it has one
const jobsOn = (engine: 'PostgreSQL' | 'PGlite') => () => {
  let orm: Orm;
  let url: string;
  let embedded: { url: string; stop(): Promise<void> } | undefined;
  const database = uniqueName('espigon_jobs');
  let dataDir: string;
  const ran: string[] = [];
  let failUntil = new Map<string, number>();

  const handlers: JobHandler[] = [
    {
      name: 'expire-order',
      run: async (payload, tx, job) => {
        if ((failUntil.get(String(payload.orderId)) ?? 0) >= job.attempts) throw new Error('catalog did not answer');
        await tx.execute(`insert into "probe"."effect" ("what") values (?)`, [String(payload.orderId)]);
        ran.push(String(payload.orderId));
      },
    },
    { name: 'sweep', run: async () => void ran.push('sweep') },
  ];
  const worker = (recurring = false) =>
    new JobWorker({ orm, schema: 'probe', handlers, logger, recurring: recurring ? [{ name: 'sweep', everyMs: 3_600_000 }] : [] });
  const jobs = () => orm.em.fork().find(Job, {}, { orderBy: { createdAt: 'asc' } });
  const effects = async () =>
    (await orm.em.fork().execute<{ what: string }[]>(`select "what" from "probe"."effect" order by "id"`)).map((r) => r.what);
  const makeDue = () => orm.em.fork().execute(`update "probe"."job" set "run_at" = now() where "status" = 'PENDING'`);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'espigon-jobs-'));
    if (engine === 'PGlite') {
      embedded = await startPgliteProcess(join(dataDir, 'pglite'));
      url = embedded.url;
    } else {
      url = await createDatabase(database);
    }
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema if not exists "probe"`);
    await client.query(`create table "probe"."effect" ("id" serial primary key, "what" text not null)`);
    await client.end();
    orm = await initORM({ clientUrl: url, schema: 'probe', entities: [Job], migrations: [Migration20261124000003_kit_jobs], logger, poolMax: 4 });
    await migrate(orm);
  });

  afterAll(async () => {
    await orm?.close();
    await embedded?.stop();
    if (engine === 'PostgreSQL') await dropDatabase(database);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    ran.length = 0;
    failUntil = new Map();
    await orm.em.fork().execute(`truncate "probe"."job", "probe"."effect"`);
  });

  it('is enqueued with the change that causes it: a rolled-back change leaves no job', async () => {
    await orm.em
      .fork()
      .transactional(async (tx) => {
        await enqueueJob(tx, 'expire-order', { orderId: 'rolled-back' });
        throw new Error('checkout failed');
      })
      .catch(() => undefined);
    await orm.em.fork().transactional((tx) => enqueueJob(tx, 'expire-order', { orderId: 'kept' }));
    expect(await worker().runOnce()).toBe(1);
    expect(await effects()).toEqual(['kept']);
    expect((await jobs()).map((j) => [j.status, j.attempts])).toEqual([['DONE', 1]]);
    expect(await worker().runOnce()).toBe(0);
  });

  it('enqueues a dedupe key once', async () => {
    for (let i = 0; i < 3; i++) await enqueueJob(orm.em.fork(), 'expire-order', { orderId: 'o-1' }, { dedupeKey: 'expire:o-1' });
    expect(await jobs()).toHaveLength(1);
  });

  it('retries a failing job with backoff, rolls its effect back each time, then dead-letters it', async () => {
    failUntil.set('flaky', 2);
    failUntil.set('hopeless', 99);
    await enqueueJob(orm.em.fork(), 'expire-order', { orderId: 'flaky' }, { maxAttempts: 5 });
    await enqueueJob(orm.em.fork(), 'expire-order', { orderId: 'hopeless' }, { maxAttempts: 3 });
    const w = worker();
    await w.runOnce();
    const [flaky] = (await jobs()).filter((j) => j.payload.orderId === 'flaky');
    expect(flaky.status).toBe('PENDING');
    expect(flaky.runAt.getTime()).toBeGreaterThan(Date.now()); // not before its backoff
    expect(await w.runOnce()).toBe(0);
    for (let pass = 0; pass < 4; pass++) {
      await makeDue();
      await w.runOnce();
    }
    const byOrder = Object.fromEntries((await jobs()).map((j) => [j.payload.orderId, [j.status, j.attempts, j.lastError]]));
    expect(byOrder).toEqual({ flaky: ['DONE', 3, 'catalog did not answer'], hopeless: ['DEAD', 3, 'catalog did not answer'] });
    expect(await effects()).toEqual(['flaky']);
  });

  it('takes over a job whose worker died (lease ran out), and not one still leased', async () => {
    await orm.em.fork().execute(
      `insert into "probe"."job" ("id", "name", "payload", "status", "run_at", "attempts", "max_attempts", "locked_until", "created_at")
       values (gen_random_uuid(), 'expire-order', '{"orderId":"orphan"}', 'RUNNING', now(), 1, 5, now() - interval '1 second', now()),
              (gen_random_uuid(), 'expire-order', '{"orderId":"busy"}', 'RUNNING', now(), 1, 5, now() + interval '1 hour', now())`,
    );
    expect(await worker().runOnce()).toBe(1);
    expect(await effects()).toEqual(['orphan']);
  });

  it('runs each slot of a recurring job once, however many workers', async () => {
    await Promise.all([worker(true).runOnce(), worker(true).runOnce()]);
    await worker(true).runOnce();
    expect(ran.filter((r) => r === 'sweep')).toHaveLength(1);
  });

  it('gives every one of 40 jobs to exactly one of three workers', async () => {
    await orm.em.fork().transactional(async (tx) => {
      for (let i = 0; i < 40; i++) await enqueueJob(tx, 'expire-order', { orderId: `bulk-${i}` });
    });
    const workers = [worker(), worker(), worker()];
    for (let pass = 0; pass < 5; pass++) await Promise.all(workers.map((w) => w.runOnce()));
    const done = await effects();
    expect(done).toHaveLength(40);
    expect(new Set(done).size).toBe(40);
  });
};

describeWithPostgres('jobs on PostgreSQL', jobsOn('PostgreSQL'));
describe('jobs on PGlite', jobsOn('PGlite'));

describe('jobRetryDelayMs', () => {
  it('doubles from a second, caps at an hour, and adds at most a quarter of jitter', () => {
    expect([1, 2, 3, 4].map((n) => jobRetryDelayMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(jobRetryDelayMs(30, () => 0)).toBe(3_600_000);
    expect(jobRetryDelayMs(1, () => 1)).toBe(1250);
  });
});
