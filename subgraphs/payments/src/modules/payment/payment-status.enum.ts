import { registerEnumType } from 'type-graphql';

export enum PaymentMethodKind {
  CARD = 'CARD',
  CASH = 'CASH',
  TRANSFER = 'TRANSFER',
}

registerEnumType(PaymentMethodKind, {
  name: 'PaymentMethodKind',
  description: 'How an order is paid',
  valuesConfig: {
    CARD: { description: 'Online by card (a Stripe PaymentIntent, or the simulated processor in mock mode)' },
    CASH: { description: 'Cash at pickup or delivery, confirmed by the seller or an admin' },
    TRANSFER: { description: 'Bank transfer, confirmed by the seller or an admin when it arrives' },
  },
});

export enum PaymentStatus {
  REQUIRES_PAYMENT = 'REQUIRES_PAYMENT',
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Where a payment is: REQUIRES_PAYMENT, then SUCCEEDED or FAILED; refunds make a SUCCEEDED one PARTIALLY_REFUNDED or REFUNDED',
  valuesConfig: {
    REQUIRES_PAYMENT: { description: 'Waiting for the card (clientSecret) or for the seller to confirm cash or transfer' },
    PROCESSING: { description: 'The processor is working on it' },
    SUCCEEDED: { description: 'Paid: the order is PAID' },
    FAILED: { description: 'Declined or failed: createPayment again to retry' },
    REFUNDED: { description: 'All of it went back' },
    PARTIALLY_REFUNDED: { description: 'Part of it went back' },
    CANCELLED: { description: 'Given up before it was paid' },
  },
});
