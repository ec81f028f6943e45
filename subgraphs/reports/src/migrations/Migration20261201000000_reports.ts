import { Migration } from '@mikro-orm/migrations';

/**
 * The reports read model, filled only from the other services' events (no table of record here):
 * - order_fact: one row per order, whatever event about it came first (the streams of different topics are read
 *   independently, so payment.succeeded may arrive before order.created);
 * - seller_day: each seller's sales of each Guayaquil day (orders and net revenue), kept in step with order_fact in
 *   the transaction that handles the event, so dashboards and sales reports read a few pre-aggregated rows;
 * - product_state: each product's last known state (product.changed, the newest `changed_at` wins).
 */
export class Migration20261201000000_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "reports";`);
    this.addSql(`create table if not exists "reports"."order_fact" (
      "order_id" uuid not null primary key,
      "seller_id" uuid not null,
      "buyer_id" uuid not null,
      "number" varchar(20) null,
      "total_cents" int null check ("total_cents" >= 0),
      "status" varchar(20) null,
      "status_at" timestamptz null,
      "created_at" timestamptz null,
      "paid_at" timestamptz null,
      "refunded_cents" int not null default 0 check ("refunded_cents" >= 0),
      "updated_at" timestamptz not null default now()
    );`);
    this.addSql(`create index if not exists "order_fact_seller_status_index" on "reports"."order_fact" ("seller_id", "status");`);
    this.addSql(`create index if not exists "order_fact_status_index" on "reports"."order_fact" ("status");`);
    this.addSql(`create table if not exists "reports"."seller_day" (
      "seller_id" uuid not null,
      "day" date not null,
      "orders" int not null default 0,
      "revenue_cents" bigint not null default 0,
      primary key ("seller_id", "day")
    );`);
    this.addSql(`create index if not exists "seller_day_day_index" on "reports"."seller_day" ("day");`);
    this.addSql(`create table if not exists "reports"."product_state" (
      "product_id" uuid not null primary key,
      "seller_id" uuid not null,
      "name" varchar(200) not null,
      "category_id" uuid not null,
      "subcategory_id" uuid not null,
      "listed" boolean not null,
      "deleted" boolean not null,
      "quantity_available" int not null,
      "low_stock_threshold" int not null,
      "price_cents" int not null,
      "changed_at" timestamptz not null
    );`);
    this.addSql(`create index if not exists "product_state_seller_index" on "reports"."product_state" ("seller_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reports"."product_state";`);
    this.addSql(`drop table if exists "reports"."seller_day";`);
    this.addSql(`drop table if exists "reports"."order_fact";`);
  }
}
