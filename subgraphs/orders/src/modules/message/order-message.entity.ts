import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** A message between the buyer and the seller of an order. */
@ObjectType({ description: 'A message between the buyer and the seller of an order' })
@Entity({ tableName: 'order_message' })
@Index({ properties: ['orderId', 'createdAt', 'id'] })
export class OrderMessage extends BaseEntity {
  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Field(() => String, { description: 'The text: 1 to 2000 characters (tabs and line breaks kept)' })
  @Property({ type: 'text' })
  body!: string;
}
