import { randomUUID } from 'node:crypto';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { applyOrderEvent, partiesOf, readOrderEvent, saleDeltas, saleOf, UnreadableEventError, type OrderFactState } from './order-fact-rules';

const orderId = randomUUID();
const sellerId = randomUUID();
const buyerId = randomUUID();
const parties = { orderId, sellerId, buyerId };
const envelope = (topic: string, payload: Record<string, unknown>, occurredAt: string): OutboxEnvelope => ({
  eventId: randomUUID(),
  topic,
  occurredAt,
  payload: { ...parties, ...payload },
});

// placed at 23:50 in Guayaquil on 1 December, paid at 23:59:59.999 (still the 1st), delivered, partly refunded
const created = envelope(
  'order.created',
  { number: 'MNT-2026-000001', status: 'PENDING', totalCents: 2500, createdAt: '2026-12-02T04:50:00.000Z' },
  '2026-12-02T04:50:00.000Z',
);
const succeeded = envelope('payment.succeeded', { amountCents: 2500 }, '2026-12-02T04:59:59.999Z');
const paid = envelope(
  'order.status_changed',
  { number: 'MNT-2026-000001', to: 'PAID', totalCents: 2500, occurredAt: '2026-12-02T05:00:00.200Z' },
  '2026-12-02T05:00:00.200Z',
);
const delivered = envelope(
  'order.status_changed',
  { number: 'MNT-2026-000001', to: 'DELIVERED', totalCents: 2500, occurredAt: '2026-12-02T09:00:00.000Z' },
  '2026-12-02T09:00:00.000Z',
);
const refunded = envelope('payment.refunded', { refundedCents: 700 }, '2026-12-05T15:00:00.000Z');

function project(events: OutboxEnvelope[]) {
  let fact: OrderFactState | null = null;
  const days = new Map<string, { orders: number; revenueCents: number }>();
  for (const e of events) {
    const change = readOrderEvent(e);
    fact ??= { ...partiesOf(change), number: null, totalCents: null, status: null, statusAt: null, createdAt: null, paidAt: null, refundedCents: 0 };
    const next = applyOrderEvent(fact, change);
    for (const d of saleDeltas(saleOf(fact), saleOf(next))) {
      const day = days.get(d.day) ?? { orders: 0, revenueCents: 0 };
      days.set(d.day, { orders: day.orders + d.orders, revenueCents: day.revenueCents + d.revenueCents });
    }
    fact = next;
  }
  return { fact: fact!, days: Object.fromEntries([...days].filter(([, v]) => v.orders || v.revenueCents)) };
}

describe('what reports makes of an order’s events', () => {
  it('counts a paid order on the Guayaquil day it was paid (the earliest payment time), less its refunds', () => {
    const { fact, days } = project([created, succeeded, paid, delivered, refunded]);
    expect(fact).toEqual(expect.objectContaining({ status: 'DELIVERED', totalCents: 2500, refundedCents: 700 }));
    expect(fact.paidAt!.toISOString()).toBe('2026-12-02T04:59:59.999Z');
    expect(days).toEqual({ '2026-12-01': { orders: 1, revenueCents: 1800 } });
  });

  it('comes to the same figures whatever order the events arrive in', () => {
    const inOrder = project([created, succeeded, paid, delivered, refunded]);
    // any interleaving of the streams (status changes keep their own order: they come on one stream)
    for (const shuffled of [
      [refunded, paid, delivered, succeeded, created],
      [paid, created, refunded, succeeded, delivered],
      [succeeded, refunded, created, paid, delivered],
    ]) {
      expect(project(shuffled)).toEqual(inOrder);
    }
  });

  it('moves the sale to the next day when only the move to PAID (05:00:00.200Z) is known', () => {
    expect(project([created, paid]).days).toEqual({ '2026-12-02': { orders: 1, revenueCents: 2500 } });
    // then payment.succeeded says it was paid a moment before midnight: the sale moves back a day
    expect(project([created, paid, succeeded]).days).toEqual({ '2026-12-01': { orders: 1, revenueCents: 2500 } });
  });

  it('never counts unpaid or cancelled orders, also cancelled after payment', () => {
    expect(project([created]).days).toEqual({});
    const cancelled = envelope(
      'order.status_changed',
      { number: 'MNT-2026-000001', to: 'CANCELLED', totalCents: 2500, occurredAt: '2026-12-02T10:00:00Z' },
      '2026-12-02T10:00:00Z',
    );
    expect(project([created, cancelled]).days).toEqual({});
    expect(project([created, succeeded, paid, cancelled]).days).toEqual({});
    expect(project([created, succeeded, paid, cancelled, refunded]).fact.status).toBe('CANCELLED');
  });

  it('keeps the largest refunded total (a late, smaller running total changes nothing) and never goes below zero', () => {
    const all = envelope('payment.refunded', { refundedCents: 2500 }, '2026-12-06T00:00:00Z');
    expect(project([created, succeeded, all, refunded]).days).toEqual({ '2026-12-01': { orders: 1, revenueCents: 0 } });
  });

  it('refuses payloads off the contract as unreadable (skipped, not retried forever)', () => {
    expect(() => readOrderEvent(envelope('payment.refunded', { refundedCents: -1 }, '2026-12-06T00:00:00Z'))).toThrow(UnreadableEventError);
    expect(() => readOrderEvent({ ...created, payload: { ...created.payload, orderId: 'nope' } })).toThrow(UnreadableEventError);
    expect(() => readOrderEvent({ ...created, topic: 'order.message_added' })).toThrow(UnreadableEventError);
  });
});
