// Service-to-service events, at least once to every consuming service: Redis Streams with one consumer group per
// consuming service when REDIS_URL is set, an in-process stream with the same interface otherwise. Consumers make
// themselves idempotent with the inbox (inbox.ts). Live pushes to subscribers stay on pub/sub (pubsub.ts).
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { createRedis } from '../redis';
import type { OutboxEnvelope } from './outbox.entity';

export interface ConsumerOptions {
  /** The consuming service: one consumer group per service, so every service gets every event. */
  group: string;
  /** Stable across restarts of the same replica, so it picks up its own pending entries at once (default: host name). */
  consumer?: string;
  topics: string[];
  /** Throwing leaves the event pending: it is retried, in order, before anything after it. */
  handle(envelope: OutboxEnvelope): Promise<void>;
  /**
   * Optional: the events of one read (up to `batchSize`, in order), handled together (e.g. in one transaction). When it
   * throws, nothing of the batch counts as handled and its events go through `handle` one at a time, as without it.
   */
  handleBatch?(envelopes: OutboxEnvelope[]): Promise<void>;
  logger: Logger;
  /** Entries another consumer of the group holds for this long are taken over (it died). */
  claimIdleMs?: number;
  batchSize?: number;
}

export interface EventConsumer {
  stop(): Promise<void>;
}

export interface EventStream {
  /** Appends an event; resolves once the stream holds it. */
  append(envelope: OutboxEnvelope): Promise<void>;
  consume(options: ConsumerOptions): EventConsumer;
  close(): Promise<void>;
}

/** Retry delay after a handler failed: 200 ms doubling to 30 s. */
export const consumerRetryDelayMs = (failures: number) => Math.min(200 * 2 ** Math.min(failures, 10), 30_000);

/**
 * Each topic is a stream `<prefix>stream:<topic>`, capped at about `maxLength` entries (XADD MAXLEN ~): the
 * retention must cover the longest a consuming service may be down (at a few hundred events a minute, 100,000
 * entries are several hours). A consumer reads its own pending entries first (retries keep their order), then takes
 * over the entries of consumers idle past `claimIdleMs` (XAUTOCLAIM), then reads new ones (XREADGROUP >).
 */
export class RedisEventStream implements EventStream {
  private readonly writer: Redis;
  private readonly consumers = new Set<RedisStreamConsumer>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly name: string,
    private readonly logger: Logger,
    private readonly maxLength = 100_000,
  ) {
    this.writer = createRedis(redisUrl, `${name}:stream-writer`, { logger, commandTimeoutMs: 5000 });
  }

  key(topic: string): string {
    return `${this.prefix}stream:${topic}`;
  }

  async append(envelope: OutboxEnvelope): Promise<void> {
    await this.writer.xadd(this.key(envelope.topic), 'MAXLEN', '~', String(this.maxLength), '*', 'event', JSON.stringify(envelope));
  }

  consume(options: ConsumerOptions): EventConsumer {
    // a blocking read holds its connection: each consumer gets its own
    const connection = createRedis(this.redisUrl, `${this.name}:consumer:${options.group}`, { logger: this.logger });
    const consumer = new RedisStreamConsumer(
      connection,
      options,
      options.topics.map((t) => this.key(t)),
    );
    this.consumers.add(consumer);
    consumer.start();
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.writer.disconnect();
  }
}

type StreamEntries = [id: string, fields: string[]][];

class RedisStreamConsumer {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly consumerName: string;
  private readonly groupsReady = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly options: ConsumerOptions,
    private readonly keys: string[],
  ) {
    this.consumerName = options.consumer ?? hostname();
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect(); // ends a blocking read at once
    await this.loop?.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.ensureGroups();
        // own pending first (a retry keeps its place), then what dead consumers left, then new entries
        const handled = (await this.handlePending()) && (await this.handleClaimed()) && (await this.handleNew());
        failures = handled ? 0 : failures + 1;
        if (!handled) await sleep(consumerRetryDelayMs(failures));
      } catch (err) {
        if (!this.running) return;
        failures++;
        this.options.logger.warn({ cause: (err as Error).message, group: this.options.group }, 'event consumer: stream unreachable; retrying');
        this.groupsReady.clear();
        await sleep(consumerRetryDelayMs(failures));
      }
    }
  }

  private async ensureGroups(): Promise<void> {
    for (const key of this.keys) {
      if (this.groupsReady.has(key)) continue;
      // from the stream's start: a service that consumes a topic for the first time gets what the stream still holds
      await this.redis.xgroup('CREATE', key, this.options.group, '0', 'MKSTREAM').catch((err: Error) => {
        if (!/BUSYGROUP/.test(err.message)) throw err;
      });
      this.groupsReady.add(key);
    }
  }

  private async handlePending(): Promise<boolean> {
    for (const key of this.keys) {
      const result = (await this.redis.xreadgroup('GROUP', this.options.group, this.consumerName, 'COUNT', this.batch, 'STREAMS', key, '0')) as
        [string, StreamEntries][] | null;
      if (!(await this.handleEntries(key, result?.[0]?.[1] ?? []))) return false;
    }
    return true;
  }

  private async handleClaimed(): Promise<boolean> {
    for (const key of this.keys) {
      const [, entries] = (await this.redis.xautoclaim(
        key,
        this.options.group,
        this.consumerName,
        this.options.claimIdleMs ?? 30_000,
        '0-0',
        'COUNT',
        this.batch,
      )) as [string, StreamEntries];
      if (!(await this.handleEntries(key, entries))) return false;
    }
    return true;
  }

  private async handleNew(): Promise<boolean> {
    const result = (await this.redis.xreadgroup(
      'GROUP',
      this.options.group,
      this.consumerName,
      'COUNT',
      this.batch,
      'BLOCK',
      1000,
      'STREAMS',
      ...this.keys,
      ...this.keys.map(() => '>'),
    )) as [string, StreamEntries][] | null;
    for (const [key, entries] of result ?? []) if (!(await this.handleEntries(key, entries))) return false;
    return true;
  }

  /** In order; stops at the first failure, which stays pending and is retried first. */
  private async handleEntries(key: string, entries: StreamEntries): Promise<boolean> {
    if (this.options.handleBatch && entries.length > 1 && this.running) {
      const readable = entries.filter(([, fields]) => fields);
      try {
        await this.options.handleBatch(readable.map(([, fields]) => JSON.parse(fields[fields.indexOf('event') + 1]) as OutboxEnvelope));
        await this.redis.xack(key, this.options.group, ...entries.map(([id]) => id));
        return true;
      } catch (err) {
        this.options.logger.debug({ cause: (err as Error).message, events: entries.length }, 'event batch failed; one at a time');
      }
    }
    for (const [id, fields] of entries) {
      if (!this.running) return true;
      if (!fields) {
        // trimmed away (MAXLEN) while pending: nothing left to handle
        await this.redis.xack(key, this.options.group, id);
        continue;
      }
      const envelope = JSON.parse(fields[fields.indexOf('event') + 1]) as OutboxEnvelope;
      try {
        await this.options.handle(envelope);
      } catch (err) {
        this.options.logger.warn(
          { eventId: envelope.eventId, topic: envelope.topic, cause: (err as Error).message },
          'event handler failed; will retry',
        );
        return false;
      }
      await this.redis.xack(key, this.options.group, id);
    }
    return true;
  }

  private get batch(): number {
    return this.options.batchSize ?? 50;
  }
}

/**
 * Without Redis (the embedded mode, one process): the same interface over per-topic arrays in memory. Events
 * survive a consumer that stops and starts, not a restart of the process.
 */
export class MemoryEventStream implements EventStream {
  private static readonly topics = new Map<string, OutboxEnvelope[]>();
  private static readonly offsets = new Map<string, number>();
  private static readonly waiters = new Set<() => void>();

  constructor(private readonly maxLength = 10_000) {}

  async append(envelope: OutboxEnvelope): Promise<void> {
    const list = MemoryEventStream.topics.get(envelope.topic) ?? [];
    list.push(envelope);
    MemoryEventStream.topics.set(envelope.topic, list);
    if (list.length > this.maxLength) this.trim(envelope.topic, list);
    for (const wake of MemoryEventStream.waiters) wake();
  }

  /** Like MAXLEN: the oldest entries go, and every group's position moves with them. */
  private trim(topic: string, list: OutboxEnvelope[]): void {
    const dropped = list.length - this.maxLength;
    list.splice(0, dropped);
    for (const [key, offset] of MemoryEventStream.offsets) {
      if (key.endsWith(`:${topic}`)) MemoryEventStream.offsets.set(key, Math.max(0, offset - dropped));
    }
  }

  consume(options: ConsumerOptions): EventConsumer {
    let running = true;
    let wake: () => void = () => undefined;
    const loop = (async () => {
      let failures = 0;
      while (running) {
        let progressed = false;
        let failed = false;
        for (const topic of options.topics) {
          const key = `${options.group}:${topic}`;
          const list = MemoryEventStream.topics.get(topic) ?? [];
          let offset = MemoryEventStream.offsets.get(key) ?? 0;
          let batchFailed = false;
          while (options.handleBatch && running && list.length - offset > 1 && !batchFailed) {
            const batch = list.slice(offset, offset + (options.batchSize ?? 50));
            try {
              await options.handleBatch(batch);
              MemoryEventStream.offsets.set(key, (offset += batch.length));
              progressed = true;
            } catch (err) {
              options.logger.debug({ cause: (err as Error).message, events: batch.length }, 'event batch failed; one at a time');
              batchFailed = true;
            }
          }
          while (running && offset < list.length && !failed) {
            try {
              await options.handle(list[offset]);
              MemoryEventStream.offsets.set(key, ++offset);
              progressed = true;
            } catch (err) {
              options.logger.warn({ eventId: list[offset].eventId, cause: (err as Error).message }, 'event handler failed; will retry');
              failed = true;
            }
          }
        }
        failures = failed ? failures + 1 : 0;
        if (!progressed || failed) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            MemoryEventStream.waiters.add(resolve);
            setTimeout(resolve, failed ? consumerRetryDelayMs(failures) : 1000);
          });
          MemoryEventStream.waiters.delete(wake);
        }
      }
    })();
    return {
      stop: async () => {
        running = false;
        wake();
        await loop;
      },
    };
  }

  async close(): Promise<void> {}
}

export function createEventStream(options: { redisUrl?: string; keyPrefix: string; name: string; logger: Logger }): EventStream {
  return options.redisUrl ? new RedisEventStream(options.redisUrl, options.keyPrefix, options.name, options.logger) : new MemoryEventStream();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
