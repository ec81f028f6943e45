import { Migration } from '@mikro-orm/migrations';

/**
 * Each user's inbox, filled from other services' events. (event_id, user_id) is unique: a redelivered event adds
 * nothing even past the inbox. The inbox reads newest first by (created_at, id); unread ones have their own index.
 */
export class Migration20261129000000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users"."notification" (
      "id" uuid not null primary key,
      "user_id" uuid not null,
      "kind" varchar(40) not null,
      "title" varchar(200) not null,
      "body" text null,
      "order_id" uuid null,
      "product_id" uuid null,
      "event_id" uuid not null,
      "read_at" timestamptz null,
      "created_at" timestamptz not null,
      constraint "notification_event_id_user_id_unique" unique ("event_id", "user_id")
    );`);
    this.addSql(`create index "notification_inbox_index" on "users"."notification" ("user_id", "created_at" desc, "id" desc);`);
    this.addSql(
      `create index "notification_unread_index" on "users"."notification" ("user_id", "created_at" desc, "id" desc) where "read_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "users"."notification";`);
  }
}
