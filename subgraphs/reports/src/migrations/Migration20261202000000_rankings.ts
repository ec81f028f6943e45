import { Migration } from '@mikro-orm/migrations';

/**
 * The read model's part for rankings:
 * - order_line: each order's lines, from order.created (what was bought, so products' sales can be counted);
 * - product_day: each product's sales of each Guayaquil day (quantity and net revenue, a partial refund spread over the
 *   order's lines), kept in step with order_fact in the event's transaction, so `topProducts` and `salesByCategory`
 *   (joined to product_state for the category) read a few pre-aggregated rows.
 */
export class Migration20261202000000_rankings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "reports"."order_line" (
      "order_id" uuid not null,
      "line" int not null,
      "product_id" uuid not null,
      "quantity" int not null check ("quantity" > 0),
      "line_total_cents" int not null check ("line_total_cents" >= 0),
      primary key ("order_id", "line")
    );`);
    this.addSql(`create table if not exists "reports"."product_day" (
      "product_id" uuid not null,
      "day" date not null,
      "seller_id" uuid not null,
      "quantity_sold" int not null default 0,
      "revenue_cents" bigint not null default 0,
      primary key ("product_id", "day")
    );`);
    this.addSql(`create index if not exists "product_day_day_index" on "reports"."product_day" ("day");`);
    this.addSql(`create index if not exists "product_day_seller_day_index" on "reports"."product_day" ("seller_id", "day");`);
    this.addSql(`create index if not exists "order_fact_buyer_index" on "reports"."order_fact" ("buyer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "reports"."order_fact_buyer_index";`);
    this.addSql(`drop table if exists "reports"."product_day";`);
    this.addSql(`drop table if exists "reports"."order_line";`);
  }
}
