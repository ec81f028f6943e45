import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { Entity, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A family of products at the pier: Pescados, Mariscos, Moluscos, Preparados' })
@Entity({ tableName: 'category' })
export class Category extends TimestampedEntity {
  @Field(() => String, { description: 'Its name, in Spanish: 1 to 60 characters' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  /** Unique; made from the name (lower case, no accents, hyphens). */
  @Field(() => String, { description: 'Unique, made from the name: lower case, no accents, words joined by hyphens (e.g. mariscos)' })
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;
}
