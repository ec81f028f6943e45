import { Migration } from '@mikro-orm/migrations';

/** Logouts recorded durably, so the Redis denylist can be rebuilt after Redis restarts empty. */
export class Migration20261124000000_revoked_access_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users"."revoked_access_token" (
      "jti" varchar(64) not null primary key,
      "user_id" uuid not null,
      "expires_at" timestamptz not null
    );`);
    this.addSql(`create index "revoked_access_token_expires_at_index" on "users"."revoked_access_token" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "users"."revoked_access_token";`);
  }
}
