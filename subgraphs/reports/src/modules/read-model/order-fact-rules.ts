// How each event changes what reports knows of an order, and what an order adds to its seller's daily sales. Pure, so
// the rules are tested alone; the projector runs them inside the consuming transaction.
//
// Events of different topics come on different streams, so they may arrive in any order (payment.succeeded before
// order.created). Every rule is therefore order-independent: the latest status by its time, the earliest payment time,
// the largest refunded total, fields filled when first known. The final state is the same whatever order they came in.
//
// What counts as a sale (the decision, also in the schema's descriptions and the README):
// - an order counts once it is paid (payment.succeeded, or orders moving it to PAID: the earlier of the two) and for as
//   long as it is not CANCELLED; unpaid and cancelled orders never count;
// - it belongs to the Guayaquil day it was paid on, with its net revenue: total − refunded (never below 0);
// - a refund lowers the revenue of that same day (the day of the sale), not the day of the refund, so a past day's
//   figures change when a later refund comes and no day ever goes negative.
import { DomainTopic, type OrderStatusName } from '@espigon/kit/events/domain-events';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { z } from 'zod';
import { marketDay } from './guayaquil-time';

export interface OrderFactState {
  orderId: string;
  sellerId: string;
  buyerId: string;
  number: string | null;
  totalCents: number | null;
  status: OrderStatusName | null;
  statusAt: Date | null;
  createdAt: Date | null;
  paidAt: Date | null;
  refundedCents: number;
}

/** What one order adds to its seller's day. */
export interface Sale {
  day: string;
  orders: number;
  revenueCents: number;
}

export const orderFactTopics: string[] = [
  DomainTopic.ORDER_CREATED,
  DomainTopic.ORDER_STATUS_CHANGED,
  DomainTopic.PAYMENT_SUCCEEDED,
  DomainTopic.PAYMENT_REFUNDED,
];

/** A payload off the contract: it would fail the same way on every retry, so it is skipped (and logged). */
export class UnreadableEventError extends Error {}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
const status = z.enum(['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED']);
const cents = z.number().int().min(0);
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const parties = { orderId: uuid, sellerId: uuid, buyerId: uuid };

const payloads = {
  [DomainTopic.ORDER_CREATED]: z.object({ ...parties, number: z.string().max(20), status, totalCents: cents, createdAt: instant }),
  [DomainTopic.ORDER_STATUS_CHANGED]: z.object({ ...parties, number: z.string().max(20), to: status, totalCents: cents, occurredAt: instant }),
  [DomainTopic.PAYMENT_SUCCEEDED]: z.object({ ...parties, amountCents: cents }),
  [DomainTopic.PAYMENT_REFUNDED]: z.object({ ...parties, refundedCents: cents }),
} as const;

type Change = { [T in keyof typeof payloads]: { topic: T; payload: z.infer<(typeof payloads)[T]>; occurredAt: Date } }[keyof typeof payloads];

/** The event, checked against the contract (what the rules read of it). */
export function readOrderEvent(envelope: OutboxEnvelope): Change {
  const schema = payloads[envelope.topic as keyof typeof payloads];
  if (!schema) throw new UnreadableEventError(`not an order event: ${envelope.topic}`);
  const parsed = schema.safeParse(envelope.payload);
  if (!parsed.success) throw new UnreadableEventError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const occurredAt = new Date(envelope.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) throw new UnreadableEventError('occurredAt is not a time');
  return { topic: envelope.topic, payload: parsed.data, occurredAt } as Change;
}

/** The order's parties, for the row made when its first event arrives. */
export function partiesOf(change: Change): Pick<OrderFactState, 'orderId' | 'sellerId' | 'buyerId'> {
  const { orderId, sellerId, buyerId } = change.payload;
  return { orderId: orderId.toLowerCase(), sellerId: sellerId.toLowerCase(), buyerId: buyerId.toLowerCase() };
}

const earliest = (a: Date | null, b: Date) => (a && a.getTime() <= b.getTime() ? a : b);

/** The order after the event (a new object). */
export function applyOrderEvent(fact: OrderFactState, change: Change): OrderFactState {
  const next = { ...fact };
  switch (change.topic) {
    case DomainTopic.ORDER_CREATED: {
      const p = change.payload;
      next.number ??= p.number;
      next.totalCents ??= p.totalCents;
      next.createdAt = p.createdAt;
      // any status change is later than the creation
      if (!next.statusAt) Object.assign(next, { status: p.status, statusAt: p.createdAt });
      break;
    }
    case DomainTopic.ORDER_STATUS_CHANGED: {
      const p = change.payload;
      next.number ??= p.number;
      next.totalCents ??= p.totalCents;
      if (!next.statusAt || p.occurredAt.getTime() >= next.statusAt.getTime()) Object.assign(next, { status: p.to, statusAt: p.occurredAt });
      if (p.to === 'PAID') next.paidAt = earliest(next.paidAt, p.occurredAt);
      break;
    }
    case DomainTopic.PAYMENT_SUCCEEDED:
      next.totalCents ??= change.payload.amountCents;
      next.paidAt = earliest(next.paidAt, change.occurredAt);
      break;
    case DomainTopic.PAYMENT_REFUNDED:
      next.refundedCents = Math.max(next.refundedCents, change.payload.refundedCents);
      break;
  }
  return next;
}

/** What the order adds to its seller's sales: nothing unless paid and not cancelled. */
export function saleOf(fact: OrderFactState): Sale | null {
  if (!fact.paidAt || fact.status === 'CANCELLED' || fact.totalCents === null) return null;
  return { day: marketDay(fact.paidAt), orders: 1, revenueCents: Math.max(0, fact.totalCents - fact.refundedCents) };
}

/** The changes to daily rows that take the seller's figures from `before` to `after` (none when nothing moved). */
export function saleDeltas(before: Sale | null, after: Sale | null): Sale[] {
  if (before && after && before.day === after.day) {
    const delta = { day: after.day, orders: after.orders - before.orders, revenueCents: after.revenueCents - before.revenueCents };
    return delta.orders || delta.revenueCents ? [delta] : [];
  }
  const deltas: Sale[] = [];
  if (before) deltas.push({ day: before.day, orders: -before.orders, revenueCents: -before.revenueCents });
  if (after) deltas.push(after);
  return deltas;
}
