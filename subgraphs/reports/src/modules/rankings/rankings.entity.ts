// The rankings' rows (tables in Migration20261202000000_rankings), written with plain SQL upserts by the product-sales
// projector; the entities describe them.
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One line of an order, from order.created (the line's position in the event is its number). */
@Entity({ tableName: 'order_line' })
export class OrderLine {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @PrimaryKey({ type: 'integer' })
  line!: number;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  lineTotalCents!: number;
}

/** A product's sales of one Guayaquil day: units of its sales' lines, and their net revenue (refunds spread over lines). */
@Entity({ tableName: 'product_day' })
export class ProductDay {
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'uuid' })
  sellerId!: string;

  @Property({ type: 'integer' })
  quantitySold: number = 0;

  @Property({ type: 'bigint' })
  revenueCents: string = '0';
}
