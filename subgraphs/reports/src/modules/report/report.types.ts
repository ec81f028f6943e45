// The reports part of the public contract (docs/architecture.md): names and shapes fixed.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The orders subgraph's enum, repeated value for value (a subgraph never imports another): composition merges them. */
export enum OrderStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  PREPARING = 'PREPARING',
  READY = 'READY',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'PENDING → PAID → PREPARING → READY → DELIVERED; CANCELLED from PENDING, PAID or PREPARING',
  valuesConfig: {
    PENDING: { description: 'Placed, stock held, waiting for payment (cancelled automatically when unpaid in time)' },
    PAID: { description: 'Paid: the seller may start preparing it' },
    PREPARING: { description: 'The seller is preparing it (cleaning, filleting, packing)' },
    READY: { description: 'Ready for pickup at the stall, or out for delivery' },
    DELIVERED: { description: 'Handed over: the stock is gone for good' },
    CANCELLED: { description: 'Cancelled: its stock is back on sale (and its payment refunded when it had one)' },
  },
});

export enum Granularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

registerEnumType(Granularity, {
  name: 'Granularity',
  description: "The size of a sales report's periods, in the market's time (America/Guayaquil, UTC−5)",
  valuesConfig: {
    DAY: { description: 'Calendar days, from 00:00 in Guayaquil (05:00 UTC)' },
    WEEK: { description: 'Weeks from Monday 00:00 to Sunday, in Guayaquil' },
    MONTH: { description: 'Calendar months, from the 1st at 00:00 in Guayaquil' },
  },
});

const SALES =
  'A sale is a paid order that is not cancelled: it belongs to the Guayaquil day it was paid on, for its total less what was ' +
  'refunded of it (a later refund lowers the day of the sale). Unpaid and cancelled orders never count';

@ObjectType({ description: `The sales of one period of a sales report. ${SALES}` })
export class SalesPoint {
  @Field(() => Date, { description: 'When the period starts (UTC): 05:00Z, midnight in Guayaquil, of its first day' })
  periodStart!: Date;

  @Field(() => Int, { description: 'Sales (paid, not cancelled orders) paid in the period' })
  orders!: number;

  @Field(() => Int, { description: 'Their revenue in US cents: totals less refunds' })
  revenueCents!: number;
}

@ObjectType({ description: 'How many orders are in one status now' })
export class StatusCount {
  @Field(() => OrderStatus, { description: 'The status' })
  status!: OrderStatus;

  @Field(() => Int, { description: 'Orders in it now (0 included)' })
  count!: number;
}

@ObjectType({ description: `The market's figures at a glance (an ADMIN's: the whole market; a SELLER's: its own). ${SALES}` })
export class Dashboard {
  @Field(() => Int, { description: "Revenue in US cents of today's sales (today in Guayaquil), less their refunds" })
  revenueTodayCents!: number;

  @Field(() => Int, { description: 'Sales today (orders paid today in Guayaquil and not cancelled)' })
  ordersToday!: number;

  @Field(() => [StatusCount], { description: 'Orders of all time by their status now, one entry per status in lifecycle order' })
  ordersByStatus!: StatusCount[];

  @Field(() => Int, { description: 'Average sale of all time in US cents (revenue ÷ sales, rounded to the cent); 0 without sales' })
  averageOrderCents!: number;

  @Field(() => Int, {
    description: 'Listed products whose available stock is at or below their low-stock threshold (sold out included), as catalog last told',
  })
  lowStockCount!: number;
}
