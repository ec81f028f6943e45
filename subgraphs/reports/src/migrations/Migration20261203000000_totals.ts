import { Migration } from '@mikro-orm/migrations';

/**
 * Small tables the dashboard reads instead of scanning every order, kept by the projector in the event's transaction:
 * - status_count: how many orders of each seller have each (latest) status, moved by the difference each event makes
 *   (-1 for the status an order leaves, +1 for the one it takes);
 * - seller_total: each seller's all-time sales (orders and net revenue), moved alongside seller_day by the same deltas.
 * Both are filled here from the rows already there, so an existing read model answers the same afterwards.
 */
export class Migration20261203000000_totals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "reports"."status_count" (
      "seller_id" uuid not null,
      "status" varchar(20) not null,
      "count" int not null default 0,
      primary key ("seller_id", "status")
    );`);
    this.addSql(`create table if not exists "reports"."seller_total" (
      "seller_id" uuid not null primary key,
      "orders" int not null default 0,
      "revenue_cents" bigint not null default 0
    );`);
    this.addSql(`insert into "reports"."status_count" ("seller_id", "status", "count")
      select "seller_id", "status", count(*) from "reports"."order_fact" where "status" is not null group by "seller_id", "status"
      on conflict ("seller_id", "status") do update set "count" = excluded."count";`);
    this.addSql(`insert into "reports"."seller_total" ("seller_id", "orders", "revenue_cents")
      select "seller_id", sum("orders"), sum("revenue_cents") from "reports"."seller_day" group by "seller_id"
      on conflict ("seller_id") do update set "orders" = excluded."orders", "revenue_cents" = excluded."revenue_cents";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reports"."seller_total";`);
    this.addSql(`drop table if exists "reports"."status_count";`);
  }
}
