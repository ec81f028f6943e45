// The consuming side of at-least-once: an event's effect and the record that it was handled commit together, so a
// redelivered event (a consumer that crashed before acknowledging, a stream that replays) changes nothing twice.
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '../database/orm';
import type { OutboxEnvelope } from './outbox.entity';

/** One event a consumer has handled, in the consuming subgraph's own schema. */
@Entity({ tableName: 'inbox_event' })
export class InboxEvent {
  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  consumer!: string;

  @Property({ type: 'string', length: 100 })
  topic!: string;

  @Property({ type: 'datetime' })
  handledAt: Date = new Date();
}

export function inboxTableSql(schema: string): string[] {
  return [
    `create table if not exists "${schema}"."inbox_event" (
      "event_id" uuid not null,
      "consumer" varchar(100) not null,
      "topic" varchar(100) not null,
      "handled_at" timestamptz not null,
      primary key ("event_id", "consumer")
    );`,
  ];
}

/**
 * Runs `effect` in a transaction that first claims the event for this consumer; a second delivery finds the claim
 * and does nothing. Returns whether the effect ran.
 */
export async function handleOnce(
  em: EntityManager,
  consumer: string,
  envelope: OutboxEnvelope,
  effect: (tx: EntityManager) => Promise<void>,
): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const schema = tx.config.get('schema');
    const claimed: { event_id: string }[] = await tx.execute(
      `insert into "${schema}"."inbox_event" ("event_id", "consumer", "topic", "handled_at") values (?, ?, ?, now())
       on conflict do nothing returning "event_id"`,
      [envelope.eventId, consumer, envelope.topic],
    );
    if (claimed.length === 0) return false;
    await effect(tx);
    return true;
  });
}

/**
 * Several events in ONE transaction (one commit, so one WAL flush, for all of them): all are claimed as `handleOnce`
 * claims one (a single insert), and the effects of those newly claimed run in order; the claims and the effects commit
 * together or not at all. Returns how many effects ran.
 */
export async function handleBatchOnce(
  em: EntityManager,
  consumer: string,
  envelopes: readonly OutboxEnvelope[],
  effect: (envelope: OutboxEnvelope, tx: EntityManager) => Promise<void>,
): Promise<number> {
  if (!envelopes.length) return 0;
  return em.fork().transactional(async (tx) => {
    const schema = tx.config.get('schema');
    const claimed: { event_id: string }[] = await tx.execute(
      `insert into "${schema}"."inbox_event" ("event_id", "consumer", "topic", "handled_at")
       values ${envelopes.map(() => '(?, ?, ?, now())').join(', ')} on conflict do nothing returning "event_id"`,
      envelopes.flatMap((e) => [e.eventId, consumer, e.topic]),
    );
    const mine = new Set(claimed.map((c) => c.event_id));
    let applied = 0;
    for (const envelope of envelopes) {
      // an event id twice in one batch is claimed (and applied) once
      if (!mine.delete(envelope.eventId.toLowerCase())) continue;
      await effect(envelope, tx);
      applied++;
    }
    return applied;
  });
}
