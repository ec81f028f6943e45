import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, TimestampedEntity } from '@espigon/kit/database/base-entity';
import { PaymentMethodKind, PaymentStatus } from './payment-status.enum';

/** One order's payment (at most one per order; a failed card payment is retried on the same one). */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An order's payment (at most one per order): by card through the processor, or cash or transfer confirmed by the seller. Seen by the order's buyer, its seller and ADMIN",
})
@Entity({ tableName: 'payment' })
export class Payment extends TimestampedEntity {
  @Property({ type: 'uuid', unique: true })
  orderId!: string;

  @Property({ type: 'string', length: 20 })
  orderNumber!: string;

  @Property({ type: 'uuid' })
  buyerId!: string;

  @Index()
  @Property({ type: 'uuid' })
  sellerId!: string;

  @Field(() => PaymentMethodKind, { description: 'How the buyer pays' })
  @Enum({ items: () => PaymentMethodKind })
  method!: PaymentMethodKind;

  @Field(() => Int, { description: "The order's total when the payment was made, in US cents" })
  @Property({ type: 'integer' })
  amountCents!: number;

  @Field(() => Int, { description: 'What has gone back so far, in US cents (never more than amountCents)' })
  @Property({ type: 'integer' })
  refundedCents: number = 0;

  @Field(() => PaymentStatus, { description: 'Where it is: waiting, paid, failed, refunded' })
  @Enum({ items: () => PaymentStatus })
  status: PaymentStatus = PaymentStatus.REQUIRES_PAYMENT;

  /** The processor's id of it: a Stripe PaymentIntent (pi_…), or the simulated processor's. */
  @Property({ type: 'string', length: 255, nullable: true, unique: true })
  processorRef: string | null = null;

  /** Given to the buyer only, to confirm the card in the browser (Stripe.js). */
  @Property({ type: 'string', length: 255, nullable: true })
  clientSecret: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the last card attempt failed, as the processor said' })
  @Property({ type: 'string', length: 255, nullable: true })
  failureReason: string | null = null;
}

/** Money given back on a payment: all or part, through the processor for cards, recorded for cash and transfer. */
@Entity({ tableName: 'refund' })
export class Refund extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  paymentId!: string;

  @Property({ type: 'integer' })
  amountCents!: number;

  @Property({ type: 'string', length: 200, nullable: true })
  reason: string | null = null;

  /** Who asked: a user id, or null when the market did (an order cancelled after payment). */
  @Property({ type: 'uuid', nullable: true })
  requestedBy: string | null = null;

  /** PENDING until the processor confirmed (cards), DONE, or FAILED. */
  @Property({ type: 'string', length: 10 })
  status: string = 'PENDING';

  @Property({ type: 'string', length: 255, nullable: true })
  processorRef: string | null = null;
}

/** A Stripe event already handled (its id), so a redelivered one changes nothing. */
@Entity({ tableName: 'stripe_event' })
export class StripeEvent {
  @Property({ type: 'string', length: 255, primary: true })
  id!: string;

  @Property({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: 'datetime' })
  receivedAt: Date = new Date();
}
