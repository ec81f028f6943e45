import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/**
 * One line of a user's inbox, written by the consumer of other services' events (notification.consumer.ts). The
 * event it came from is kept: (event, recipient) is unique, so a redelivered event adds nothing, inbox or not.
 * userId is not a foreign key on purpose: an event naming an account unknown here must not stop the stream. The inbox's
 * indexes (newest first, and unread only) are in the migration.
 */
@ObjectType({ description: "A line of the viewer's inbox: something that happened to their orders or products" })
@Entity({ tableName: 'notification' })
@Unique({ name: 'notification_event_id_user_id_unique', properties: ['eventId', 'userId'] })
export class Notification extends BaseEntity {
  @Property({ type: 'uuid' })
  userId!: string;

  /** ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_MESSAGE, LOW_STOCK, SOLD_OUT (NotificationKind in notification-rules.ts). */
  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  productId: string | null = null;

  /** The domain event that caused it. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;

}
