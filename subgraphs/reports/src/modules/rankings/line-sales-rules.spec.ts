import { randomUUID } from 'node:crypto';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import type { OrderFactState } from '../read-model/order-fact-rules';
import { linesOf, productSaleDeltas, productSalesOf, spreadRefund, type OrderLine } from './line-sales-rules';

const [p1, p2, p3] = [randomUUID(), randomUUID(), randomUUID()];
const paidOrder = (over: Partial<OrderFactState> = {}): OrderFactState => ({
  orderId: randomUUID(),
  sellerId: randomUUID(),
  buyerId: randomUUID(),
  number: 'MNT-2026-000001',
  totalCents: 3000,
  status: 'PAID',
  statusAt: new Date('2026-12-02T04:59:59.999Z'),
  createdAt: new Date('2026-12-02T04:50:00Z'),
  paidAt: new Date('2026-12-02T04:59:59.999Z'),
  refundedCents: 0,
  ...over,
});
const lines: OrderLine[] = [
  { productId: p1, quantity: 1, lineTotalCents: 1000 },
  { productId: p2, quantity: 2, lineTotalCents: 2000 },
];

describe('spreading a refund over the lines', () => {
  it('gives each line its share in whole cents, the leftover cents to the largest fractions, adding up exactly', () => {
    expect(spreadRefund([1000, 2000], 500)).toEqual([167, 333]); // 166.67 and 333.33: the cent to the larger fraction
    expect(spreadRefund([1000, 1000, 1000], 100)).toEqual([34, 33, 33]); // equal fractions: the earlier line
    expect(spreadRefund([100, 300, 100], 1)).toEqual([0, 1, 0]); // 0.2, 0.6, 0.2: the cent to the largest fraction
    expect(spreadRefund([100, 300], 2)).toEqual([0, 2]); // 0.5 and 1.5: equal fractions, the cent to the larger line
    expect(spreadRefund([1, 1, 998], 999)).toEqual([1, 1, 997]);
    for (const [totals, refund] of [
      [[1, 2, 3, 4, 5], 7],
      [[999, 1, 1], 500],
      [[333, 333, 334], 1000],
    ] as const) {
      const shares = spreadRefund(totals, refund);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(
        Math.min(
          refund,
          totals.reduce((a, b) => a + b, 0),
        ),
      );
      shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(totals[i]));
    }
  });

  it('never refunds more than the lines are worth, and nothing when nothing was refunded', () => {
    expect(spreadRefund([1000, 2000], 5000)).toEqual([1000, 2000]);
    expect(spreadRefund([1000, 2000], 0)).toEqual([0, 0]);
    expect(spreadRefund([0, 0], 10)).toEqual([0, 0]);
  });
});

describe('what an order adds to its products', () => {
  it('adds its lines on the Guayaquil day it was paid, net of a partial refund, to the cent of the seller’s revenue', () => {
    const sales = productSalesOf(paidOrder({ refundedCents: 500 }), lines);
    expect(sales).toEqual([
      { productId: p1, day: '2026-12-01', quantity: 1, revenueCents: 833 },
      { productId: p2, day: '2026-12-01', quantity: 2, revenueCents: 1667 },
    ]);
    expect(sales.reduce((a, s) => a + s.revenueCents, 0)).toBe(3000 - 500);
  });

  it('adds nothing for an unpaid or cancelled order, nor without lines', () => {
    expect(productSalesOf(paidOrder({ paidAt: null, status: 'PENDING' }), lines)).toEqual([]);
    expect(productSalesOf(paidOrder({ status: 'CANCELLED' }), lines)).toEqual([]);
    expect(productSalesOf(paidOrder(), [])).toEqual([]);
  });

  it('merges two lines of one product', () => {
    expect(productSalesOf(paidOrder(), [...lines, { productId: p1, quantity: 3, lineTotalCents: 0 }])[0]).toEqual(
      expect.objectContaining({ productId: p1, quantity: 4, revenueCents: 1000 }),
    );
  });

  it('moves products by the difference an event made: a refund lowers revenue only, a cancellation takes it all back', () => {
    const paid = productSalesOf(paidOrder(), lines);
    const refunded = productSalesOf(paidOrder({ refundedCents: 500 }), lines);
    expect(productSaleDeltas(paid, refunded)).toEqual([
      { productId: p1, day: '2026-12-01', quantity: 0, revenueCents: -167 },
      { productId: p2, day: '2026-12-01', quantity: 0, revenueCents: -333 },
    ]);
    expect(productSaleDeltas(refunded, [])).toEqual([
      { productId: p1, day: '2026-12-01', quantity: -1, revenueCents: -833 },
      { productId: p2, day: '2026-12-01', quantity: -2, revenueCents: -1667 },
    ]);
    expect(productSaleDeltas(paid, paid)).toEqual([]);
    // paid a moment later (orders' PAID after midnight) then found paid before midnight: the sale moves back a day
    const later = productSalesOf(paidOrder({ paidAt: new Date('2026-12-02T05:00:00.200Z') }), [lines[0]]);
    expect(productSaleDeltas(later, productSalesOf(paidOrder(), [lines[0]]))).toEqual([
      { productId: p1, day: '2026-12-02', quantity: -1, revenueCents: -1000 },
      { productId: p1, day: '2026-12-01', quantity: 1, revenueCents: 1000 },
    ]);
  });

  it("reads order.created's lines, none when absent or off the contract", () => {
    const envelope = (payload: Record<string, unknown>): OutboxEnvelope => ({
      eventId: randomUUID(),
      topic: 'order.created',
      occurredAt: '2026-12-02T04:50:00Z',
      payload,
    });
    const upper = p3.toUpperCase();
    expect(linesOf(envelope({ lines: [{ productId: upper, name: 'Dorado', quantity: 2, unitPriceCents: 500, lineTotalCents: 1000 }] }))).toEqual([
      { productId: p3, quantity: 2, lineTotalCents: 1000 },
    ]);
    expect(linesOf(envelope({}))).toEqual([]);
    expect(linesOf(envelope({ lines: [{ productId: p3, quantity: 0, lineTotalCents: 1000 }] }))).toEqual([]);
    expect(linesOf(envelope({ lines: 'nope' }))).toEqual([]);
  });
});
