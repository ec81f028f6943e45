import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { ReservationStatus } from './reservation-status.enum';

/** One line of an order's hold on stock; the orders subgraph owns the order (orderId) and the checkout it came from. */
@Entity({ tableName: 'reservation' })
@Unique({ properties: ['orderId', 'productId'] })
export class Reservation extends TimestampedEntity {
  /** Every order of one checkout is reserved in one call, all or nothing. */
  @Index()
  @Property({ type: 'uuid' })
  checkoutId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Enum({ items: () => ReservationStatus })
  status: ReservationStatus = ReservationStatus.RESERVED;
}
