// Rebuilds the read model from scratch out of what the producers' durable streams (Redis Streams) still hold, through the
// very consumers of the incremental path: in ONE transaction, every read-model table of the `reports` schema is emptied
// and the reports consumers' inbox entries deleted, then every entry of every consumed topic is read from the start of
// its stream (XRANGE, which leaves the consumer groups alone) and handled as the live consumer handles it (claimed in
// the inbox, then applied). The transaction first takes EXCLUSIVE locks, inbox first: readers (dashboard, salesReport)
// keep answering from the old figures until it commits, and a running reports service's consumer waits (or retries)
// until then; an event it handles afterwards finds its inbox claim when the rebuild replayed it, and applies otherwise.
// A stream that has dropped entries (trimmed at its MAXLEN, about 100,000 per topic) cannot give back what it dropped:
// the rebuild refuses rather than build smaller figures.
import type { Redis } from 'ioredis';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { Logger } from '@espigon/kit/logger';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import type { EventConsumerSpec } from '@espigon/kit/server/start-subgraph';

export class RebuildRefusedError extends Error {}

export interface RebuildOptions {
  em: EntityManager;
  redis: Redis;
  /** REDIS_KEY_PREFIX: the streams are `<prefix>stream:<topic>` (the kit's RedisEventStream). */
  keyPrefix: string;
  /** The subgraph's schema (`reports`) and its consumers, as the running service has them. */
  schema: string;
  subgraph: string;
  consumers: EventConsumerSpec[];
  logger: Logger;
  pageSize?: number;
}

export interface RebuildResult {
  /** Events read per topic, and those the inbox took (the others were read twice across topics or consumers). */
  events: Record<string, number>;
  applied: number;
  tables: string[];
}

type StreamEntries = [id: string, fields: string[]][];

export async function rebuildReadModel(options: RebuildOptions): Promise<RebuildResult> {
  const streamKey = (topic: string) => `${options.keyPrefix}stream:${topic}`;
  const topics = [...new Set(options.consumers.flatMap((c) => c.topics))];
  for (const topic of topics) await refuseWhenTrimmed(options.redis, streamKey(topic), topic);
  const q = (name: string) => `"${options.schema}"."${name}"`;

  return options.em.fork().transactional(async (tx) => {
    const rows = await tx.execute<{ table_name: string }[]>(
      `select "table_name" from information_schema.tables where "table_schema" = ? and "table_type" = 'BASE TABLE'
         and "table_name" not in ('inbox_event', 'mikro_orm_migrations') order by "table_name"`,
      [options.schema],
    );
    const tables = rows.map((r) => r.table_name);
    // the inbox first: a live consumer takes it first too, so neither waits for the other holding what the other needs
    await tx.execute(`lock table ${[q('inbox_event'), ...tables.map(q)].join(', ')} in exclusive mode`);
    const groups = options.consumers.map((c) => `${options.subgraph}.${c.name}`);
    await tx.execute(`delete from ${q('inbox_event')} where "consumer" in (${groups.map(() => '?').join(', ')})`, groups);
    for (const table of tables) await tx.execute(`delete from ${q(table)}`);

    const events: Record<string, number> = {};
    let applied = 0;
    for (const spec of options.consumers) {
      const group = `${options.subgraph}.${spec.name}`;
      for (const topic of spec.topics) {
        let read = 0;
        for await (const envelope of entriesOf(options.redis, streamKey(topic), options.pageSize ?? 500)) {
          read++;
          const claimed = await tx.execute<{ event_id: string }[]>(
            `insert into ${q('inbox_event')} ("event_id", "consumer", "topic", "handled_at") values (?, ?, ?, now())
             on conflict do nothing returning "event_id"`,
            [envelope.eventId, group, envelope.topic],
          );
          if (claimed.length === 0) continue;
          await spec.handle(envelope, tx);
          applied++;
        }
        events[topic] = (events[topic] ?? 0) + read;
        options.logger.info({ topic, group, events: read }, 'topic replayed');
      }
    }
    return { events, applied, tables };
  });
}

/** Redis 7 counts every entry ever added: more than the stream holds means some were trimmed away (or deleted). */
async function refuseWhenTrimmed(redis: Redis, key: string, topic: string): Promise<void> {
  if (!(await redis.exists(key))) return;
  const info = (await redis.xinfo('STREAM', key)) as unknown[];
  const field = (name: string) => {
    const at = info.indexOf(name);
    return at < 0 ? null : Number(info[at + 1]);
  };
  const length = field('length');
  const added = field('entries-added');
  if (added === null || length === null) {
    throw new RebuildRefusedError(`cannot tell whether the stream of ${topic} is whole (Redis 7 or later is needed for entries-added)`);
  }
  if (added > length) {
    throw new RebuildRefusedError(
      `the stream of ${topic} no longer holds ${added - length} of the ${added} events ever written to it (trimmed at its maximum length): ` +
        'a rebuild from it would lose them, so the read model is left as it is',
    );
  }
}

/** Every entry of a stream from its start, page by page (XRANGE: no consumer group is touched). */
async function* entriesOf(redis: Redis, key: string, pageSize: number): AsyncGenerator<OutboxEnvelope> {
  let start = '-';
  for (;;) {
    const page = (await redis.xrange(key, start, '+', 'COUNT', pageSize)) as StreamEntries;
    for (const [, fields] of page) yield JSON.parse(fields[fields.indexOf('event') + 1]) as OutboxEnvelope;
    if (page.length < pageSize) return;
    start = `(${page[page.length - 1][0]}`;
  }
}
