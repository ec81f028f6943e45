import { Migration } from '@mikro-orm/migrations';

/** Conversations (the owner's, newest first), their messages in order, and each user's model tokens per UTC day. */
export class Migration20261204000000_assistant extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "assistant";`);
    this.addSql(`create table if not exists "assistant"."conversation" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "user_id" uuid not null,
      "title" varchar(80) null,
      "message_count" int not null default 0
    );`);
    this.addSql(
      `create index if not exists "conversation_user_id_created_at_id_index" on "assistant"."conversation" ("user_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(`create table if not exists "assistant"."assistant_message" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "conversation_id" uuid not null references "assistant"."conversation" ("id") on delete cascade,
      "position" int not null,
      "role" varchar(20) not null,
      "content" text not null,
      "mode" varchar(20) null,
      constraint "assistant_message_conversation_id_position_unique" unique ("conversation_id", "position")
    );`);
    this.addSql(`create table if not exists "assistant"."assistant_usage" (
      "user_id" uuid not null,
      "day" date not null,
      "tokens" int not null default 0,
      primary key ("user_id", "day")
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assistant"."assistant_usage";`);
    this.addSql(`drop table if exists "assistant"."assistant_message";`);
    this.addSql(`drop table if exists "assistant"."conversation";`);
  }
}
