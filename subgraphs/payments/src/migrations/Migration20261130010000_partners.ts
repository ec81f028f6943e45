import { Migration } from '@mikro-orm/migrations';

/** B2B partners, the log of webhooks sent to them, and the webhooks they sent us. */
export class Migration20261130010000_partners extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payments"."partner" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "name" varchar(100) not null,
      "webhook_url" varchar(2048) not null,
      "events" text[] not null,
      "active" boolean not null,
      "secret_ciphertext" text not null,
      "consecutive_failures" int not null,
      "disabled_reason" varchar(200) null
    );`);
    this.addSql(`create table if not exists "payments"."partner_delivery" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "partner_id" uuid not null references "payments"."partner" ("id"),
      "event_id" uuid not null,
      "event_type" varchar(100) not null,
      "payload" jsonb not null,
      "status" varchar(12) not null check ("status" in ('PENDING', 'DELIVERED', 'GONE', 'DISABLED', 'EXHAUSTED')),
      "attempts" int not null,
      "next_attempt_at" timestamptz null,
      "last_status" int null,
      "last_error" varchar(500) null,
      "delivered_at" timestamptz null,
      constraint "partner_delivery_partner_id_event_id_unique" unique ("partner_id", "event_id")
    );`);
    this.addSql(
      `create index if not exists "partner_delivery_partner_id_created_at_id_index" on "payments"."partner_delivery" ("partner_id", "created_at", "id");`,
    );
    this.addSql(`create table if not exists "payments"."partner_inbound" (
      "partner_id" uuid not null references "payments"."partner" ("id"),
      "webhook_id" varchar(255) not null,
      "type" varchar(100) not null,
      "payload" jsonb not null,
      "received_at" timestamptz not null,
      primary key ("partner_id", "webhook_id")
    );`);
  }
}
