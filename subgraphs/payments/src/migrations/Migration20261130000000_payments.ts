import { Migration } from '@mikro-orm/migrations';

/** Payments (one per order), refunds, and the Stripe events already handled. */
export class Migration20261130000000_payments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "payments";`);
    this.addSql(`create table if not exists "payments"."payment" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "order_id" uuid not null,
      "order_number" varchar(20) not null,
      "buyer_id" uuid not null,
      "seller_id" uuid not null,
      "method" text not null check ("method" in ('CARD', 'CASH', 'TRANSFER')),
      "amount_cents" int not null check ("amount_cents" > 0),
      "refunded_cents" int not null,
      "status" text not null check ("status" in ('REQUIRES_PAYMENT', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CANCELLED')),
      "processor_ref" varchar(255) null,
      "client_secret" varchar(255) null,
      "failure_reason" varchar(255) null,
      constraint "payment_order_id_unique" unique ("order_id"),
      constraint "payment_processor_ref_unique" unique ("processor_ref"),
      constraint "payment_refunded_within_amount" check ("refunded_cents" between 0 and "amount_cents")
    );`);
    this.addSql(`create index if not exists "payment_seller_id_index" on "payments"."payment" ("seller_id");`);
    this.addSql(`create table if not exists "payments"."refund" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "payment_id" uuid not null references "payments"."payment" ("id"),
      "amount_cents" int not null check ("amount_cents" > 0),
      "reason" varchar(200) null,
      "requested_by" uuid null,
      "status" varchar(10) not null check ("status" in ('PENDING', 'DONE', 'FAILED')),
      "processor_ref" varchar(255) null
    );`);
    this.addSql(`create index if not exists "refund_payment_id_index" on "payments"."refund" ("payment_id");`);
    this.addSql(`create table if not exists "payments"."stripe_event" (
      "id" varchar(255) not null primary key,
      "type" varchar(100) not null,
      "received_at" timestamptz not null
    );`);
  }
}
