// Durable scheduled and retried work in the owning subgraph's schema (order expiry, webhook deliveries, payment
// reconciliation): enqueued in the same transaction as the change that causes it, claimed with FOR UPDATE SKIP LOCKED
// under a lease, retried with exponential backoff and jitter, dead-lettered after its last attempt, with recurring
// schedules. Written for PostgreSQL and PGlite alike: one short statement per claim, no LISTEN/NOTIFY, no advisory
// locks (PGlite does not block on them), which is why pg-boss and graphile-worker do not fit here.
import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { EntityManager, Orm } from '../database/orm';
import type { Logger } from '../logger';
import { PollingLoop } from '../polling-loop';

export type JobStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'DEAD';

@Entity({ tableName: 'job' })
@Index({ properties: ['status', 'runAt'] })
export class Job {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  @Property({ type: 'string', length: 10 })
  status: JobStatus = 'PENDING';

  @Property({ type: 'datetime' })
  runAt: Date = new Date();

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'integer' })
  maxAttempts: number = 8;

  /** A RUNNING job whose lease has run out belongs to a worker that died: it is claimed again. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;

  /** At most one job per key (a recurring slot, "expire order X"): enqueueing it again does nothing. */
  @Unique()
  @Property({ type: 'string', length: 200, nullable: true })
  dedupeKey: string | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;
}

export class Migration20261124000003_kit_jobs extends Migration {
  override async up(): Promise<void> {
    const table = `"${this.config.get('schema')}"."job"`;
    this.addSql(`create table if not exists ${table} (
      "id" uuid not null primary key,
      "name" varchar(100) not null,
      "payload" jsonb not null,
      "status" varchar(10) not null check ("status" in ('PENDING', 'RUNNING', 'DONE', 'DEAD')),
      "run_at" timestamptz not null,
      "attempts" int not null,
      "max_attempts" int not null,
      "locked_until" timestamptz null,
      "dedupe_key" varchar(200) null,
      "last_error" text null,
      "created_at" timestamptz not null,
      "finished_at" timestamptz null,
      constraint "job_dedupe_key_unique" unique ("dedupe_key")
    );`);
    this.addSql(`create index if not exists "job_status_run_at_index" on ${table} ("status", "run_at");`);
  }
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  dedupeKey?: string;
}

/**
 * Queues a job in the caller's unit of work: inside `em.transactional(...)` it commits (or rolls back) with the
 * change that causes it. With a dedupeKey already queued it is a no-op when flushed (ON CONFLICT DO NOTHING).
 */
export async function enqueueJob(em: EntityManager, name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  const schema = em.config.get('schema');
  await em.execute(
    `insert into "${schema}"."job" ("id", "name", "payload", "status", "run_at", "attempts", "max_attempts", "dedupe_key", "created_at")
     values (?, ?, ?, 'PENDING', ?, 0, ?, ?, now()) on conflict ("dedupe_key") do nothing`,
    [randomUUID(), name, JSON.stringify(payload), options.runAt ?? new Date(), options.maxAttempts ?? 8, options.dedupeKey ?? null],
  );
}

/** Thrown by a handler that knows when to try again (a schedule of its own, a Retry-After): the worker waits that long. */
export class RetryLater extends Error {
  constructor(
    readonly delayMs: number,
    message: string,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

export interface JobHandler {
  name: string;
  /**
   * Runs in a transaction that also marks the job done; throwing rolls the effect back and schedules a retry. With
   * `transaction: false` it gets a plain fork instead and the job is marked done after it returns: for handlers that
   * call other services (an open transaction must not wait on the network; on PGlite it would block every other
   * connection), which must then be idempotent, since a crash before the mark runs them again.
   */
  run(payload: Record<string, unknown>, em: EntityManager, job: { id: string; attempts: number }): Promise<void>;
  transaction?: boolean;
}

export interface RecurringJob {
  name: string;
  everyMs: number;
  payload?: Record<string, unknown>;
}

export interface JobWorkerOptions {
  orm: Orm;
  schema: string;
  handlers: JobHandler[];
  recurring?: RecurringJob[];
  logger: Logger;
  pollIntervalMs?: number;
  /** How long a claimed job is a worker's before another may take it over. */
  leaseMs?: number;
  batchSize?: number;
}

/** Delay before attempt n+1: 1 s doubling to an hour, with up to 25 % jitter so failed jobs do not retry in step. */
export function jobRetryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
  return Math.round(base * (1 + 0.25 * random()));
}

interface ClaimedRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export class JobWorker {
  private readonly loop: PollingLoop;
  private readonly table: string;
  private readonly handlers: Map<string, JobHandler>;

  constructor(private readonly options: JobWorkerOptions) {
    this.table = `"${options.schema}"."job"`;
    this.handlers = new Map(options.handlers.map((h) => [h.name, h]));
    const batch = options.batchSize ?? 20;
    this.loop = new PollingLoop(
      async () => (await this.runOnce()) >= batch,
      options.pollIntervalMs ?? 1000,
      (err) => options.logger.warn({ cause: (err as Error).message }, 'job worker pass failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** A pass now, for work enqueued to run at once. */
  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: schedules due recurring slots, claims due jobs, runs them. Returns how many ran. */
  async runOnce(): Promise<number> {
    await this.scheduleRecurring();
    const claimed = await this.claim();
    for (const job of claimed) await this.execute(job);
    return claimed.length;
  }

  private async scheduleRecurring(): Promise<void> {
    const em = this.options.orm.em.fork();
    for (const { name, everyMs, payload } of this.options.recurring ?? []) {
      // one job per slot, whichever replica gets there first
      const slot = Math.floor(Date.now() / everyMs);
      await enqueueJob(em, name, payload ?? {}, { dedupeKey: `recurring:${name}:${slot}`, runAt: new Date(slot * everyMs), maxAttempts: 3 });
    }
  }

  private async claim(): Promise<ClaimedRow[]> {
    const leaseSeconds = (this.options.leaseMs ?? 60_000) / 1000;
    return this.options.orm.em.fork().execute<ClaimedRow[]>(
      `update ${this.table} set "status" = 'RUNNING', "attempts" = "attempts" + 1,
         "locked_until" = now() + make_interval(secs => ?)
       where "id" in (
         select "id" from ${this.table}
         where ("status" = 'PENDING' and "run_at" <= now()) or ("status" = 'RUNNING' and "locked_until" < now())
         order by "run_at" limit ? for update skip locked)
       returning "id", "name", "payload", "attempts", "max_attempts"`,
      [leaseSeconds, this.options.batchSize ?? 20],
    );
  }

  private async execute(job: ClaimedRow): Promise<void> {
    const handler = this.handlers.get(job.name);
    const em = this.options.orm.em.fork();
    try {
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      const markDone = (tx: EntityManager) =>
        tx.execute(`update ${this.table} set "status" = 'DONE', "finished_at" = now(), "locked_until" = null where "id" = ?`, [job.id]);
      if (handler.transaction === false) {
        await handler.run(job.payload, em, { id: job.id, attempts: job.attempts });
        await markDone(em);
      } else {
        await em.transactional(async (tx) => {
          await handler.run(job.payload, tx, { id: job.id, attempts: job.attempts });
          await markDone(tx);
        });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts >= job.max_attempts;
      this.options.logger[dead ? 'error' : 'warn'](
        { job: job.name, jobId: job.id, attempts: job.attempts, cause: message },
        dead ? 'job dead-lettered' : 'job failed; will retry',
      );
      await em.execute(
        `update ${this.table} set "status" = ?, "run_at" = now() + make_interval(secs => ?), "locked_until" = null,
           "last_error" = ?, "finished_at" = ? where "id" = ?`,
        [
          dead ? 'DEAD' : 'PENDING',
          (err instanceof RetryLater ? err.delayMs : jobRetryDelayMs(job.attempts)) / 1000,
          message.slice(0, 500),
          dead ? new Date() : null,
          job.id,
        ],
      );
    }
  }
}
