import { Migration } from '@mikro-orm/migrations';

/** Names may have 120 characters (the limit registration enforces): a longer column than before, no row rewritten. */
export class Migration20261125000000_user_name_length extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users"."user_account" alter column "name" type varchar(120);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users"."user_account" alter column "name" type varchar(100);`);
  }
}
