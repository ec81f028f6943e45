import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A client's one cart. */
@Entity({ tableName: 'cart' })
export class Cart extends TimestampedEntity {
  @Property({ type: 'uuid', unique: true })
  buyerId!: string;
}

/** A line of a cart. The seller and name are kept from when it was added (a product never changes seller). */
@Entity({ tableName: 'cart_item' })
@Unique({ properties: ['cartId', 'productId'] })
export class CartItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  cartId!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'uuid' })
  sellerId!: string;

  @Property({ type: 'string', length: 120 })
  productName!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'datetime' })
  addedAt: Date = new Date();
}
