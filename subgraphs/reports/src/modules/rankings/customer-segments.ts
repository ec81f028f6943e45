// RFM segments of the market's buyers (recency, frequency, monetary), from their sales in order_fact (paid, not
// cancelled orders, net of refunds). The thresholds, also in the schema's descriptions and the README:
// - LOST: the last purchase was more than 90 days ago;
// - AT_RISK: the last purchase was more than 30 and at most 90 days ago;
// - VIP: bought within the last 30 days, and 5 purchases or more, or US$500.00 (50,000 cents) or more spent in all;
// - RECURRING: bought within the last 30 days, 2 to 4 purchases and under US$500.00 spent;
// - NEW: bought within the last 30 days, 1 purchase under US$500.00.
// Recency goes first: a VIP who stops buying becomes AT_RISK, then LOST. A buyer with no sale is in no segment.
export const SEGMENTS = ['NEW', 'RECURRING', 'VIP', 'AT_RISK', 'LOST'] as const;
export type SegmentName = (typeof SEGMENTS)[number];

export const ACTIVE_DAYS = 30;
export const LOST_AFTER_DAYS = 90;
export const VIP_PURCHASES = 5;
export const VIP_SPENT_CENTS = 50_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One buyer's sales: how many, their net revenue, the last one's payment time. */
export interface BuyerHistory {
  purchases: number;
  spentCents: number;
  lastPurchaseAt: Date;
}

export function segmentOf(history: BuyerHistory, now: Date): SegmentName {
  const age = now.getTime() - history.lastPurchaseAt.getTime();
  if (age > LOST_AFTER_DAYS * DAY_MS) return 'LOST';
  if (age > ACTIVE_DAYS * DAY_MS) return 'AT_RISK';
  if (history.purchases >= VIP_PURCHASES || history.spentCents >= VIP_SPENT_CENTS) return 'VIP';
  return history.purchases >= 2 ? 'RECURRING' : 'NEW';
}

/** Every segment, in the order of SEGMENTS, with its buyers and their net revenue (0 for an empty one). */
export function segmentsOf(histories: Iterable<BuyerHistory>, now: Date): { segment: SegmentName; customers: number; revenueCents: number }[] {
  const sums = new Map(SEGMENTS.map((segment) => [segment, { segment, customers: 0, revenueCents: 0 }]));
  for (const history of histories) {
    const sum = sums.get(segmentOf(history, now))!;
    sum.customers += 1;
    sum.revenueCents += history.spentCents;
  }
  return [...sums.values()];
}
