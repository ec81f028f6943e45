import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * Stock of one product. Every change is a conditional UPDATE in SQL (see InventoryService and
 * ReservationService); the CHECK (0 <= reserved <= on hand) is the backstop.
 */
@Directive('@key(fields: "productId")')
@ObjectType({ description: 'Stock of one product, in its unit' })
@Entity({ tableName: 'inventory' })
export class Inventory {
  @Field(() => ID, { description: "The product's id (Inventory's key)" })
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @Field(() => Int, { description: "What the seller has, in the product's unit: held for orders or available" })
  @Property({ type: 'integer' })
  quantityOnHand!: number;

  @Field(() => Int, { description: 'Held for orders not yet paid or delivered' })
  @Property({ type: 'integer' })
  quantityReserved: number = 0;

  @Field(() => Int, { description: 'At or below this available quantity the seller gets an alert' })
  @Property({ type: 'integer' })
  lowStockThreshold: number = 0;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'On hand minus reserved: what can still be ordered' })
  get quantityAvailable(): number {
    return this.quantityOnHand - this.quantityReserved;
  }
}
