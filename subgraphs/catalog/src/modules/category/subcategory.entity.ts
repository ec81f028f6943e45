import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/** Products belong to a subcategory; `category` is resolved through a request-scoped loader. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A kind of product within a category, e.g. Atún aleta amarilla in Pescados' })
@Entity({ tableName: 'subcategory' })
export class Subcategory extends TimestampedEntity {
  // a plain id column (the migration declares the foreign key): nested fields go through loaders, never lazy ORM references
  @Index()
  @Property({ type: 'uuid' })
  categoryId!: string;

  @Field(() => String, { description: 'Its name, in Spanish: 1 to 60 characters' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => String, { description: 'Unique, made from the name: lower case, no accents, words joined by hyphens (e.g. atun-aleta-amarilla)' })
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;
}
