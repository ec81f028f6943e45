import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/**
 * One line of a user's inbox, written by the consumer of other services' events (notification.consumer.ts). The
 * event it came from is kept: (event, recipient) is unique, so a redelivered event adds nothing, inbox or not.
 * userId is not a foreign key on purpose: an event naming an account unknown here must not stop the stream. The inbox's
 * indexes (newest first, and unread only) are in the migration.
 */
@ObjectType({ description: "A line of the viewer's inbox (seen only by its owner): something that happened to their orders or products" })
@Entity({ tableName: 'notification' })
@Unique({ name: 'notification_event_id_user_id_unique', properties: ['eventId', 'userId'] })
export class Notification extends BaseEntity {
  @Property({ type: 'uuid' })
  userId!: string;

  /** ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_MESSAGE, LOW_STOCK, SOLD_OUT (NotificationKind in notification-rules.ts). */
  @Field(() => String, { description: 'ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_MESSAGE, LOW_STOCK or SOLD_OUT' })
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Field(() => String, { description: 'One line in Spanish, as the market speaks, e.g. "Nuevo pedido MNT-2026-000123" (at most 200 characters)' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The detail in Spanish (a total, a reason, a message preview); null when the title says it all',
  })
  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  productId: string | null = null;

  /** The domain event that caused it. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read (UTC); null while unread' })
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
