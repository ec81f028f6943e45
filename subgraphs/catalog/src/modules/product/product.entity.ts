import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Unit } from './unit.enum';

/**
 * A seller's listing. `sellerId` points at the users subgraph's User (resolved by federation). The table
 * also has two generated columns the ORM never writes: `search` (Spanish tsvector) and `name_key` (sort key).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A listing of the day's catch (or a prepared product) by one seller" })
@Entity({ tableName: 'product' })
export class Product extends TimestampedEntity {
  @Index()
  @Property({ type: 'uuid' })
  sellerId!: string;

  @Index()
  @Property({ type: 'uuid' })
  subcategoryId!: string;

  @Field(() => String, { description: 'What it is, e.g. "Camarón pomada", 2 to 120 characters' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free text by the seller, at most 2000 characters; null when none' })
  @Property({ type: 'string', length: 2000, nullable: true })
  description: string | null = null;

  @Field(() => Int, { description: 'Price of one unit, in US cents' })
  @Property({ type: 'integer' })
  priceCents!: number;

  @Field(() => Unit, { description: 'What one unit of price and stock is' })
  @Enum({ items: () => Unit })
  unit!: Unit;

  @Field(() => [String], { description: 'http(s) URLs of photos' })
  @Property({ type: 'text[]' })
  imageUrls: string[] = [];

  @Field(() => Date, { nullable: true, description: 'When the catch was landed (UTC), if the seller says' })
  @Property({ type: 'datetime', nullable: true })
  caughtAt: Date | null = null;

  @Field(() => Boolean, { description: 'Unlisted products are hidden from browsing (their owner and admins still see them)' })
  @Property({ type: 'boolean' })
  listed: boolean = true;

  /** Soft delete: kept so past orders still resolve the product they point at. */
  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
