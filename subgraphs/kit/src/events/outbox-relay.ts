// Publishes the outbox's pending events and marks them published; safe with several replicas. With a stream, an
// event counts as published once the durable stream holds it (consumers that are down get it later); the live
// pub/sub push beside it is best effort. Without one (tests), the bus publish is the gate.
import type { Orm } from '../database/orm';
import type { Logger } from '../logger';
import type { EventBus } from './pubsub';
import type { EventStream } from './event-stream';
import type { OutboxEnvelope } from './outbox.entity';
import { withTimeout } from '../timeout';
import { PollingLoop } from '../polling-loop';

export interface OutboxRelayOptions {
  orm: Orm;
  /** The subgraph's PostgreSQL schema, where its outbox_event table lives. */
  schema: string;
  events: EventBus;
  /** The durable service-to-service stream. */
  stream?: EventStream;
  logger: Logger;
  /** How often pending events are looked for when nobody calls wake(). */
  pollIntervalMs?: number;
  batchSize?: number;
  /** A publish that takes longer counts as failed (Redis unreachable). */
  publishTimeoutMs?: number;
  /** Published events are kept this long, then deleted. */
  retentionHours?: number;
}

interface PendingRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  audience: OutboxEnvelope['audience'];
  created_at: string | Date;
  attempts: number;
}

/** Backoff before a failed event is tried again: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function outboxRetryDelayMs(attempts: number): number {
  const exponent = Math.min(Math.max(attempts, 0), 20);
  return Math.min(1000 * 2 ** exponent, 5 * 60_000);
}

export class OutboxRelay {
  private readonly table: string;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly publishTimeoutMs: number;
  private readonly retentionHours: number;
  private readonly loop: PollingLoop;
  private failing = false;
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `"${options.schema}"."outbox_event"`;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 100;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5000;
    this.retentionHours = options.retentionHours ?? 72;
    // database unreachable or shutting down: tried again at the next poll
    this.loop = new PollingLoop(
      () => this.pass(),
      this.pollIntervalMs,
      (err) => options.logger.warn({ err }, 'outbox relay pass failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Ask for a pass now (after a commit that wrote events) instead of at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * One pass: locks up to a batch of due events, publishes them in
   * order and marks them. The first failure stops the pass and pushes that event back with a backoff.
   */
  async relayOnce(): Promise<{ published: number; failed: boolean; more: boolean }> {
    const em = this.options.orm.em.fork();
    // FOR UPDATE, not SKIP LOCKED: a replica's relay waits for the one publishing, so events leave in the order they
    // were written whichever replica wrote them (skipping would let a later event of an order overtake an earlier one)
    return em.transactional(async (tx) => {
      const rows: PendingRow[] = await tx.execute(
        `select "id", "topic", "payload", "audience", "created_at", "attempts" from ${this.table}
         where "published_at" is null and "available_at" <= now()
         order by "seq" limit ? for update`,
        [this.batchSize],
      );
      const published: string[] = [];
      let failure: { row: PendingRow; error: unknown } | null = null;
      for (const row of rows) {
        const envelope: OutboxEnvelope = {
          eventId: row.id,
          topic: row.topic,
          occurredAt: new Date(row.created_at).toISOString(),
          payload: row.payload,
          audience: row.audience ?? null,
        };
        try {
          const { stream, events, logger } = this.options;
          if (stream) {
            await withTimeout(stream.append(envelope), this.publishTimeoutMs, 'append');
            await withTimeout(events.publish(row.topic, envelope), this.publishTimeoutMs, 'publish').catch((err: Error) =>
              logger.debug({ cause: err.message, eventId: row.id }, 'live push skipped'),
            );
          } else {
            await withTimeout(events.publish(row.topic, envelope), this.publishTimeoutMs, 'publish');
          }
          published.push(row.id);
        } catch (error) {
          failure = { row, error };
          break;
        }
      }
      if (published.length) {
        await tx.execute(`update ${this.table} set "published_at" = now() where "id" in (?)`, [published]);
      }
      if (failure) {
        const delaySeconds = outboxRetryDelayMs(failure.row.attempts) / 1000;
        const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
        await tx.execute(
          `update ${this.table} set "attempts" = "attempts" + 1, "last_error" = ?,
           "available_at" = now() + make_interval(secs => ?) where "id" = ?`,
          [message.slice(0, 500), delaySeconds, failure.row.id],
        );
      }
      return { published: published.length, failed: failure !== null, more: rows.length === this.batchSize };
    });
  }

  /** Deletes events published longer ago than the retention period. */
  async deletePublished(): Promise<number> {
    const em = this.options.orm.em.fork();
    const result = await em.execute(
      `delete from ${this.table} where "published_at" < now() - make_interval(hours => ?)`,
      [this.retentionHours],
      'run',
    );
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }

  /** One pass of the loop, with the outage logged once and published events cleaned up hourly. */
  private async pass(): Promise<boolean> {
    const { logger } = this.options;
    const result = await this.relayOnce();
    if (result.failed) {
      if (!this.failing) logger.warn('outbox: publishing failed; pending events will be retried');
      this.failing = true;
    } else if (this.failing && result.published) {
      logger.info('outbox: publishing recovered');
      this.failing = false;
    }
    if (Date.now() - this.lastCleanup > 3600_000) {
      this.lastCleanup = Date.now();
      await this.deletePublished();
    }
    return result.more && !result.failed;
  }
}
