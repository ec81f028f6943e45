import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000000_users extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users"."user_account" (
      "id" uuid not null primary key,
      "email" varchar(254) not null,
      "password_hash" varchar(255) not null,
      "name" varchar(100) not null,
      "role" text not null check ("role" in ('ADMIN', 'SELLER', 'CLIENT')),
      "phone" varchar(30) null,
      "stall_name" varchar(100) null,
      "pier_section" varchar(50) null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "user_account_email_unique" unique ("email"),
      constraint "user_account_email_lower" check ("email" = lower("email")),
      constraint "user_account_seller_has_stall" check ("role" <> 'SELLER' or "stall_name" is not null)
    );`);
    this.addSql(`create index "user_account_created_at_id_index" on "users"."user_account" ("created_at", "id");`);
    this.addSql(`create table "users"."refresh_token" (
      "id" uuid not null primary key,
      "user_id" uuid not null references "users"."user_account" ("id") on delete cascade,
      "family_id" uuid not null,
      "token_hash" varchar(64) not null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "revoked_at" timestamptz null,
      "created_at" timestamptz not null
    );`);
    this.addSql(`create index "refresh_token_user_id_index" on "users"."refresh_token" ("user_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "users"."refresh_token" ("family_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "users"."refresh_token";`);
    this.addSql(`drop table if exists "users"."user_account";`);
  }
}
