// The read model's rows (tables in Migration20261201000000_reports and Migration20261203000000_totals). The projector writes them with plain SQL upserts
// (their effect must be commutative: events of different topics arrive in any order); the entities describe them.
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One order as reports knows it: filled by whichever of its events comes first, completed by the others. */
@Entity({ tableName: 'order_fact' })
export class OrderFact {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  sellerId!: string;

  @Property({ type: 'uuid' })
  buyerId!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  number: string | null = null;

  /** The order's total; null until an event that carries it arrives. */
  @Property({ type: 'integer', nullable: true })
  totalCents: number | null = null;

  /** The latest status known, and when the order took it (the latest wins). */
  @Property({ type: 'string', length: 20, nullable: true })
  status: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  statusAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  createdAt: Date | null = null;

  /** When it was paid: the earliest of payment.succeeded and orders' move to PAID. */
  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  /** All refunded so far (the largest running total payments announced). */
  @Property({ type: 'integer' })
  refundedCents: number = 0;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/** A seller's sales of one Guayaquil day: paid, not cancelled orders of that day, and their net revenue. */
@Entity({ tableName: 'seller_day' })
export class SellerDay {
  @PrimaryKey({ type: 'uuid' })
  sellerId!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  orders: number = 0;

  @Property({ type: 'bigint' })
  revenueCents: string = '0';
}

/** How many of a seller's orders have a status (their latest), kept by the projector so the dashboard reads a few rows. */
@Entity({ tableName: 'status_count' })
export class StatusCount {
  @PrimaryKey({ type: 'uuid' })
  sellerId!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  status!: string;

  @Property({ type: 'integer' })
  count: number = 0;
}

/** A seller's all-time sales (the sum of its seller_day rows), kept alongside them by the projector. */
@Entity({ tableName: 'seller_total' })
export class SellerTotal {
  @PrimaryKey({ type: 'uuid' })
  sellerId!: string;

  @Property({ type: 'integer' })
  orders: number = 0;

  @Property({ type: 'bigint' })
  revenueCents: string = '0';
}

/** A product's last known state, from catalog's product.changed (the newest `changedAt` wins). */
@Entity({ tableName: 'product_state' })
export class ProductState {
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'uuid' })
  sellerId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'uuid' })
  categoryId!: string;

  @Property({ type: 'uuid' })
  subcategoryId!: string;

  @Property({ type: 'boolean' })
  listed!: boolean;

  @Property({ type: 'boolean' })
  deleted!: boolean;

  @Property({ type: 'integer' })
  quantityAvailable!: number;

  @Property({ type: 'integer' })
  lowStockThreshold!: number;

  @Property({ type: 'integer' })
  priceCents!: number;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
