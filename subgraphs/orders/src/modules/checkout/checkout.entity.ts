import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Enum, Property, Unique } from '@mikro-orm/core';

export enum CheckoutStatus {
  /** Orders written (unplaced), stock being reserved. */
  PENDING = 'PENDING',
  /** Orders placed, cart emptied: a retry with the same key returns them. */
  COMPLETED = 'COMPLETED',
  /** Given up (out of stock, catalog unreachable, cut off): its reservations are being released, then it is deleted. */
  ABANDONED = 'ABANDONED',
}

/** One attempt to turn a cart into orders, keyed by the buyer's idempotency key. */
@Entity({ tableName: 'checkout' })
@Unique({ properties: ['buyerId', 'idempotencyKey'] })
export class Checkout extends BaseEntity {
  @Property({ type: 'uuid' })
  buyerId!: string;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  /** What was asked (delivery and notes, hashed): the same key with another request is a conflict. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Enum({ items: () => CheckoutStatus })
  status: CheckoutStatus = CheckoutStatus.PENDING;

  /** The orders and lines it reserves: `[{ orderId, sellerId, lines: [{ productId, quantity }] }]`. */
  @Property({ type: 'json' })
  plan!: CheckoutPlanOrder[];

  /** When a request last worked on it; the sweeper leaves it alone until it is stale. */
  @Property({ type: 'datetime' })
  touchedAt: Date = new Date();
}

export interface CheckoutPlanOrder {
  orderId: string;
  sellerId: string;
  lines: { productId: string; quantity: number }[];
}
