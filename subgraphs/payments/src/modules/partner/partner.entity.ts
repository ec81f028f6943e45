import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, TimestampedEntity } from '@espigon/kit/database/base-entity';

/** A business that gets the market's events as signed webhooks (Standard Webhooks), and may send its own. */
@ObjectType({ description: 'A B2B partner: gets the events it subscribed to as signed webhooks (Standard Webhooks)' })
@Entity({ tableName: 'partner' })
export class Partner extends TimestampedEntity {
  @Field(() => String, { description: 'Who it is: 1 to 100 characters' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: 'Where its webhooks are sent: an https URL that reaches a public address' })
  @Property({ type: 'string', length: 2048 })
  webhookUrl!: string;

  @Field(() => [String], { description: 'Event types it gets: order.created, order.status_changed, payment.succeeded, payment.refunded' })
  @Property({ type: 'text[]' })
  events!: string[];

  @Field(() => Boolean, { description: 'False once its endpoint answered 410 Gone or failed too many times in a row' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** The signing secret, encrypted (AES-256-GCM with PARTNER_SECRETS_KEY): HMAC signing needs it back, so no hash. */
  @Property({ type: 'text' })
  secretCiphertext!: string;

  @Field(() => Int, { description: 'Failed deliveries in a row (reset by a success)' })
  @Property({ type: 'integer' })
  consecutiveFailures: number = 0;

  @Field(() => String, { nullable: true, description: 'Why it was disabled (410 Gone, or failures in a row); null while active' })
  @Property({ type: 'string', length: 200, nullable: true })
  disabledReason: string | null = null;
}

/** One event on its way to one partner: the delivery log (attempts, last answer, next try). */
@ObjectType({ description: 'One event sent (or being sent) to a partner' })
@Entity({ tableName: 'partner_delivery' })
@Unique({ properties: ['partnerId', 'eventId'] })
@Index({ properties: ['partnerId', 'createdAt', 'id'] })
export class PartnerDelivery extends BaseEntity {
  @Property({ type: 'uuid' })
  partnerId!: string;

  /** The market's event id; the webhook-id header is the delivery's id, the same on every attempt. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Field(() => String, { description: 'The event sent: order.created, order.status_changed, payment.succeeded or payment.refunded' })
  @Property({ type: 'string', length: 100 })
  eventType!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => String, { description: 'PENDING, DELIVERED, GONE (410), DISABLED (partner disabled), EXHAUSTED (every retry failed)' })
  @Property({ type: 'string', length: 12 })
  status: string = 'PENDING';

  @Field(() => Int, { description: 'Attempts made so far' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (UTC); null when no more will be made' })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  @Field(() => Int, { nullable: true, description: "The partner's last HTTP status" })
  @Property({ type: 'integer', nullable: true })
  lastStatus: number | null = null;

  @Field(() => String, { nullable: true, description: 'What went wrong on the last attempt ("answered 503", "timed out" …); null after a success' })
  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the partner accepted it with a 2xx (UTC); null until then' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;
}

/** A webhook a partner sent us, by its webhook-id: a redelivery is recognised and changes nothing. */
@Entity({ tableName: 'partner_inbound' })
export class PartnerInbound {
  @PrimaryKey({ type: 'uuid' })
  partnerId!: string;

  @PrimaryKey({ type: 'string', length: 255 })
  webhookId!: string;

  @Property({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  receivedAt: Date = new Date();
}
