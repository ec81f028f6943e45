// What every row of record has: a UUID made by the service (so it is known before the insert, and events and other
// services can name it in the same transaction) and when it was created; TimestampedEntity adds when it last changed.
// An entity that is also a GraphQL type shows `id` and `createdAt`; `updatedAt` is shown only where a resolver says so.
import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

// never referenced itself, so never emitted: only the entities that extend it appear in the schema
@ObjectType('EntityBase')
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Unique id (a UUID)' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When it was created (UTC)' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@ObjectType('TimestampedEntityBase')
export abstract class TimestampedEntity extends BaseEntity {
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
