// The transactional outbox: an event is a row written in the same transaction as the change it announces.
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '../database/orm';

/**
 * One event waiting to be (or already) published on the EventBus. Each subgraph that emits events lists
 * this entity and creates the table in its own schema with `outboxTableSql(schema)` in a migration.
 */
@Entity({ tableName: 'outbox_event' })
export class OutboxEvent {
  /** Also the event id consumers see, so they can drop a redelivered event. */
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  topic!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** Who may see the event when it is pushed live (user ids, roles); null: only what the payload's own rules allow. */
  @Property({ type: 'json', nullable: true })
  audience: EventAudience | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Not tried again before this time (backoff after a failed publish). */
  @Property({ type: 'datetime' })
  availableAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}

/** Who may receive an event pushed live: any of these users, or anyone with one of these roles. */
export interface EventAudience {
  userIds?: string[];
  roles?: string[];
}

/** What a consumer (stream) or a subscriber (pub/sub) receives. */
export interface OutboxEnvelope<P = Record<string, unknown>> {
  eventId: string;
  topic: string;
  occurredAt: string;
  payload: P;
  audience?: EventAudience | null;
}

/**
 * Queues an event in the caller's unit of work: call it inside `em.transactional(...)` so the event
 * commits (or rolls back) with the change it announces. The relay publishes it afterwards.
 */
export function recordOutboxEvent(
  em: EntityManager,
  topic: string,
  payload: Record<string, unknown>,
  audience: EventAudience | null = null,
): OutboxEvent {
  const event = em.create(OutboxEvent, { topic, payload, audience } as OutboxEvent);
  em.persist(event);
  return event;
}

/** DDL for a subgraph's migration; `schema` is the subgraph's own PostgreSQL schema. */
export function outboxTableSql(schema: string): string[] {
  const table = `"${schema}"."outbox_event"`;
  return [
    `create table if not exists ${table} (
      "id" uuid not null primary key,
      "topic" varchar(100) not null,
      "payload" jsonb not null,
      "audience" jsonb null,
      "created_at" timestamptz not null default now(),
      "available_at" timestamptz not null default now(),
      "published_at" timestamptz null,
      "attempts" int not null default 0,
      "last_error" text null
    );`,
    `alter table ${table} add column if not exists "audience" jsonb null;`,
    // the order events were written in (ids are random and many share a millisecond): what the relay publishes by
    `alter table ${table} add column if not exists "seq" bigint generated always as identity;`,
    `create index if not exists "outbox_event_pending_seq_index" on ${table} ("seq") where "published_at" is null;`,
    // the relay only ever reads pending rows; published ones are kept a while for inspection, then deleted
    `create index if not exists "outbox_event_pending_index" on ${table} ("available_at", "created_at") where "published_at" is null;`,
    `create index if not exists "outbox_event_published_at_index" on ${table} ("published_at") where "published_at" is not null;`,
  ];
}
