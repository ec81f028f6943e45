import { cancelReason, decideTransition, deliveryStatus, ORDER_TRANSITIONS, type OrderParty } from './order-state-machine';
import { OrderStatus } from './order-status.enum';

const statuses = Object.values(OrderStatus);
const parties: OrderParty[] = ['BUYER', 'SELLER', 'ADMIN', 'SYSTEM'];

/** The rules of issue 8, written out as the list of every allowed move. */
const allowed = new Set([
  'PENDING>PAID:ADMIN',
  'PENDING>PAID:SYSTEM',
  'PENDING>CANCELLED:BUYER',
  'PENDING>CANCELLED:SELLER',
  'PENDING>CANCELLED:ADMIN',
  'PENDING>CANCELLED:SYSTEM',
  'PAID>PREPARING:SELLER',
  'PAID>PREPARING:ADMIN',
  'PAID>CANCELLED:SELLER',
  'PAID>CANCELLED:ADMIN',
  'PAID>CANCELLED:SYSTEM',
  'PREPARING>READY:SELLER',
  'PREPARING>READY:ADMIN',
  'PREPARING>CANCELLED:SELLER',
  'PREPARING>CANCELLED:ADMIN',
  'READY>DELIVERED:SELLER',
  'READY>DELIVERED:ADMIN',
]);

describe('the order state machine', () => {
  const cases = statuses.flatMap((from) => statuses.flatMap((to) => parties.map((party) => [from, to, party] as const)));

  it.each(cases)('%s → %s by %s', (from, to, party) => {
    const decision = decideTransition(from, to, party);
    const legalForSomeone = parties.some((p) => allowed.has(`${from}>${to}:${p}`));
    if (allowed.has(`${from}>${to}:${party}`)) {
      expect(decision).toEqual({
        allowed: true,
        refundDue: to === OrderStatus.CANCELLED && from !== OrderStatus.PENDING,
        releasesStock: to === OrderStatus.CANCELLED,
        commitsStock: to === OrderStatus.DELIVERED,
      });
    } else {
      expect(decision).toEqual({ allowed: false, reason: legalForSomeone ? 'NOT_YOURS' : 'ILLEGAL' });
    }
  });

  it('has no move out of DELIVERED or CANCELLED, and none to the same status', () => {
    expect(ORDER_TRANSITIONS.DELIVERED).toEqual({});
    expect(ORDER_TRANSITIONS.CANCELLED).toEqual({});
    for (const status of statuses) expect(ORDER_TRANSITIONS[status][status]).toBeUndefined();
  });

  it('records why an order was cancelled', () => {
    expect(cancelReason('BUYER')).toBe('BUYER_CANCELLED');
    expect(cancelReason('SELLER')).toBe('SELLER_CANCELLED');
    expect(cancelReason('ADMIN')).toBe('ADMIN_CANCELLED');
    expect(cancelReason('SYSTEM', true)).toBe('EXPIRED');
  });

  it('derives the delivery status from the order', () => {
    expect(deliveryStatus(OrderStatus.READY, 'PICKUP')).toBe('READY_FOR_PICKUP');
    expect(deliveryStatus(OrderStatus.READY, 'DELIVERY')).toBe('OUT_FOR_DELIVERY');
    expect(deliveryStatus(OrderStatus.PENDING, 'PICKUP')).toBe('AWAITING_PAYMENT');
  });
});
