import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DeliveryMethod, OrderStatus } from './order-status.enum';

/**
 * One seller's part of a checkout. Written by the checkout before its stock is reserved (`placed` false: nobody sees
 * it yet) and placed once the reservation holds; see the orders README for the saga.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "One seller's part of a checkout: its lines, total, status and delivery. Seen by its buyer, its seller and ADMIN" })
@Entity({ tableName: 'order' })
@Index({ properties: ['checkoutId'] })
export class Order extends TimestampedEntity {
  @Field(() => String, { description: 'Human-readable and unique, e.g. MNT-2026-000123 (year of the order, then a market-wide sequence)' })
  @Property({ type: 'string', length: 20, unique: true })
  number!: string;

  @Property({ type: 'uuid' })
  checkoutId!: string;

  @Property({ type: 'uuid' })
  buyerId!: string;

  @Property({ type: 'uuid' })
  sellerId!: string;

  @Field(() => OrderStatus, { description: 'Where it is in its life (see OrderStatus for the moves)' })
  @Enum({ items: () => OrderStatus })
  status: OrderStatus = OrderStatus.PENDING;

  /** False while its checkout is in progress: such an order is nobody's yet and never shown. */
  @Property({ type: 'boolean' })
  placed: boolean = false;

  @Field(() => Int, { description: 'Sum of the lines, in US cents' })
  @Property({ type: 'integer' })
  totalCents: number = 0;

  @Enum({ items: () => DeliveryMethod })
  deliveryMethod!: DeliveryMethod;

  @Property({ type: 'string', length: 300, nullable: true })
  deliveryAddress: string | null = null;

  @Field(() => String, { nullable: true, description: "The buyer's notes for the seller (at most 500 characters); null when none" })
  @Property({ type: 'string', length: 500, nullable: true })
  notes: string | null = null;

  /** When an unpaid order is cancelled by the expiry job. */
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was cancelled: BUYER_CANCELLED, SELLER_CANCELLED, ADMIN_CANCELLED, SYSTEM_CANCELLED or EXPIRED; null unless CANCELLED',
  })
  @Property({ type: 'string', length: 30, nullable: true })
  cancelReason: string | null = null;

  @Field(() => Boolean, { description: 'Cancelled after payment: the payment is to be refunded' })
  @Property({ type: 'boolean' })
  refundDue: boolean = false;
}

/** A line of an order: what was bought, at the name and price the product had at checkout. */
@ObjectType({ description: 'A line of an order, with the name and unit price the product had at checkout' })
@Entity({ tableName: 'order_item' })
export class OrderItem {
  @Field(() => ID, { description: "The line's id" })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  @Field(() => String, { description: "The product's name at checkout (it stays when the product is renamed, unlisted or deleted)" })
  @Property({ type: 'string', length: 120 })
  productName!: string;

  @Field(() => Int, { description: 'Price of one unit at checkout, in US cents' })
  @Property({ type: 'integer' })
  unitPriceCents!: number;

  @Field(() => String, { description: 'The unit of quantity and price at checkout: KG, LB, UNIT or DOZEN' })
  @Property({ type: 'string', length: 10 })
  unit!: string;

  @Field(() => Int, { description: 'Units bought, in unit' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Int, { description: 'unitPriceCents × quantity' })
  @Property({ type: 'integer' })
  lineTotalCents!: number;
}
