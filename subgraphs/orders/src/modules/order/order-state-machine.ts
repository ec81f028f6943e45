// The order's life as one pure table: which status may follow which, and who may make each move. The service applies
// it; unit tests walk every status × target × party.
import { OrderStatus } from './order-status.enum';

/** How the one asking relates to the order. SYSTEM is the market itself (expiry, payment events). */
export type OrderParty = 'BUYER' | 'SELLER' | 'ADMIN' | 'SYSTEM';

/** For each status, the statuses it may move to and who may move it there. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderStatus, readonly OrderParty[]>>>> = {
  // PAID is set by the payment event; until payments exists an administrator may mark an order paid
  [OrderStatus.PENDING]: {
    [OrderStatus.PAID]: ['ADMIN', 'SYSTEM'],
    [OrderStatus.CANCELLED]: ['BUYER', 'SELLER', 'ADMIN', 'SYSTEM'],
  },
  [OrderStatus.PAID]: {
    [OrderStatus.PREPARING]: ['SELLER', 'ADMIN'],
    [OrderStatus.CANCELLED]: ['SELLER', 'ADMIN', 'SYSTEM'],
  },
  [OrderStatus.PREPARING]: {
    [OrderStatus.READY]: ['SELLER', 'ADMIN'],
    [OrderStatus.CANCELLED]: ['SELLER', 'ADMIN'],
  },
  [OrderStatus.READY]: {
    [OrderStatus.DELIVERED]: ['SELLER', 'ADMIN'],
  },
  [OrderStatus.DELIVERED]: {},
  [OrderStatus.CANCELLED]: {},
};

export type TransitionDecision =
  { allowed: true; refundDue: boolean; releasesStock: boolean; commitsStock: boolean } | { allowed: false; reason: 'ILLEGAL' | 'NOT_YOURS' };

/** ILLEGAL: no such move from this status (CONFLICT); NOT_YOURS: the move exists but not for this party (FORBIDDEN). */
export function decideTransition(from: OrderStatus, to: OrderStatus, party: OrderParty): TransitionDecision {
  const allowedParties = ORDER_TRANSITIONS[from][to];
  if (!allowedParties) return { allowed: false, reason: 'ILLEGAL' };
  if (!allowedParties.includes(party)) return { allowed: false, reason: 'NOT_YOURS' };
  return {
    allowed: true,
    // money was taken: cancelling gives it back
    refundDue: to === OrderStatus.CANCELLED && from !== OrderStatus.PENDING,
    releasesStock: to === OrderStatus.CANCELLED,
    commitsStock: to === OrderStatus.DELIVERED,
  };
}

/** The cancellation reason recorded for each party. */
export function cancelReason(party: OrderParty, expired = false): string {
  if (expired) return 'EXPIRED';
  return party === 'SYSTEM' ? 'SYSTEM_CANCELLED' : `${party}_CANCELLED`;
}

/** What the delivery is doing, from the order's status and method. */
export function deliveryStatus(status: OrderStatus, method: 'PICKUP' | 'DELIVERY'): string {
  switch (status) {
    case OrderStatus.PENDING:
      return 'AWAITING_PAYMENT';
    case OrderStatus.PAID:
      return 'SCHEDULED';
    case OrderStatus.PREPARING:
      return 'PREPARING';
    case OrderStatus.READY:
      return method === 'PICKUP' ? 'READY_FOR_PICKUP' : 'OUT_FOR_DELIVERY';
    case OrderStatus.DELIVERED:
      return 'DELIVERED';
    case OrderStatus.CANCELLED:
      return 'CANCELLED';
  }
}
