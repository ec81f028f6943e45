import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A family of products at the pier: Pescados, Mariscos, Moluscos, Preparados' })
@Entity({ tableName: 'category' })
export class Category {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  name!: string;

  /** Unique; made from the name (lower case, no accents, hyphens). */
  @Field(() => String)
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
