import { registerEnumType } from 'type-graphql';

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

export enum DeliveryMethod {
  PICKUP = 'PICKUP',
  DELIVERY = 'DELIVERY',
}

registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  description: 'How an order reaches its buyer',
  valuesConfig: {
    PICKUP: { description: "Picked up at the seller's stall on the pier" },
    DELIVERY: { description: 'Delivered to an address (required)' },
  },
});
