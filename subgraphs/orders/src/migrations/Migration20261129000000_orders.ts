import { Migration } from '@mikro-orm/migrations';

/** Carts, checkouts, orders and their lines, messages, and the sequence behind order numbers. */
export class Migration20261129000000_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    this.addSql(`create sequence if not exists "orders"."order_number_seq" start 1;`);

    this.addSql(`create table if not exists "orders"."cart" (
      "id" uuid not null primary key,
      "buyer_id" uuid not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "cart_buyer_id_unique" unique ("buyer_id")
    );`);
    this.addSql(`create table if not exists "orders"."cart_item" (
      "id" uuid not null primary key,
      "cart_id" uuid not null references "orders"."cart" ("id") on delete cascade,
      "product_id" uuid not null,
      "seller_id" uuid not null,
      "product_name" varchar(120) not null,
      "quantity" int not null check ("quantity" > 0),
      "added_at" timestamptz not null,
      constraint "cart_item_cart_id_product_id_unique" unique ("cart_id", "product_id")
    );`);

    this.addSql(`create table if not exists "orders"."checkout" (
      "id" uuid not null primary key,
      "buyer_id" uuid not null,
      "idempotency_key" varchar(100) not null,
      "request_hash" varchar(64) not null,
      "status" text not null check ("status" in ('PENDING', 'COMPLETED', 'ABANDONED')),
      "plan" jsonb not null,
      "touched_at" timestamptz not null,
      "created_at" timestamptz not null,
      constraint "checkout_buyer_id_idempotency_key_unique" unique ("buyer_id", "idempotency_key")
    );`);
    // the sweeper reads only unfinished checkouts
    this.addSql(`create index if not exists "checkout_unfinished_index" on "orders"."checkout" ("touched_at") where "status" <> 'COMPLETED';`);

    this.addSql(`create table if not exists "orders"."order" (
      "id" uuid not null primary key,
      "number" varchar(20) not null,
      "checkout_id" uuid not null,
      "buyer_id" uuid not null,
      "seller_id" uuid not null,
      "status" text not null check ("status" in ('PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED')),
      "placed" boolean not null,
      "total_cents" int not null check ("total_cents" >= 0),
      "delivery_method" text not null check ("delivery_method" in ('PICKUP', 'DELIVERY')),
      "delivery_address" varchar(300) null,
      "notes" varchar(500) null,
      "expires_at" timestamptz null,
      "cancel_reason" varchar(30) null,
      "refund_due" boolean not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "order_number_unique" unique ("number"),
      constraint "order_delivery_address_check" check ("delivery_method" = 'PICKUP' or "delivery_address" is not null)
    );`);
    this.addSql(`create index if not exists "order_checkout_id_index" on "orders"."order" ("checkout_id");`);
    // newest-first pages of a buyer's and a seller's placed orders (keyset on created_at, id), with or without a status
    this.addSql(`create index if not exists "order_buyer_page_index" on "orders"."order" ("buyer_id", "created_at" desc, "id" desc) where "placed";`);
    this.addSql(
      `create index if not exists "order_seller_page_index" on "orders"."order" ("seller_id", "created_at" desc, "id" desc) where "placed";`,
    );
    this.addSql(`create index if not exists "order_all_page_index" on "orders"."order" ("created_at" desc, "id" desc) where "placed";`);
    // the expiry job's scan: unpaid placed orders by deadline
    this.addSql(`create index if not exists "order_expiry_index" on "orders"."order" ("expires_at") where "placed" and "status" = 'PENDING';`);

    this.addSql(`create table if not exists "orders"."order_item" (
      "id" uuid not null primary key,
      "order_id" uuid not null references "orders"."order" ("id") on delete cascade,
      "product_id" uuid not null,
      "product_name" varchar(120) not null,
      "unit_price_cents" int not null check ("unit_price_cents" >= 0),
      "unit" varchar(10) not null,
      "quantity" int not null check ("quantity" > 0),
      "line_total_cents" int not null check ("line_total_cents" >= 0)
    );`);
    this.addSql(`create index if not exists "order_item_order_id_index" on "orders"."order_item" ("order_id");`);

    this.addSql(`create table if not exists "orders"."order_message" (
      "id" uuid not null primary key,
      "order_id" uuid not null references "orders"."order" ("id") on delete cascade,
      "author_id" uuid not null,
      "body" text not null check (char_length("body") between 1 and 2000),
      "created_at" timestamptz not null
    );`);
    this.addSql(
      `create index if not exists "order_message_order_id_created_at_id_index" on "orders"."order_message" ("order_id", "created_at", "id");`,
    );
  }
}
