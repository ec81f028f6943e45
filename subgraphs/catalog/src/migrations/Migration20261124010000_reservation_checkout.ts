import { Migration } from '@mikro-orm/migrations';

/** One checkout reserves the lines of all its orders (one per seller) at once; each order is released or committed alone. */
export class Migration20261124010000_reservation_checkout extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "catalog"."reservation" add column if not exists "checkout_id" uuid null;`);
    // reservations made before were one order each: that order was their checkout
    this.addSql(`update "catalog"."reservation" set "checkout_id" = "order_id" where "checkout_id" is null;`);
    this.addSql(`alter table "catalog"."reservation" alter column "checkout_id" set not null;`);
    this.addSql(`create index if not exists "reservation_checkout_id_index" on "catalog"."reservation" ("checkout_id");`);
  }
}
