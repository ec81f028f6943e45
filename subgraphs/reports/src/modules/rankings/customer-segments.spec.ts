import { segmentOf, segmentsOf } from './customer-segments';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number, ms = 0) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000 - ms);

describe('RFM segments', () => {
  it('classifies a recent buyer by purchases and money: NEW, RECURRING, VIP', () => {
    expect(segmentOf({ purchases: 1, spentCents: 2500, lastPurchaseAt: daysAgo(0) }, now)).toBe('NEW');
    expect(segmentOf({ purchases: 2, spentCents: 2500, lastPurchaseAt: daysAgo(3) }, now)).toBe('RECURRING');
    expect(segmentOf({ purchases: 4, spentCents: 49_999, lastPurchaseAt: daysAgo(30) }, now)).toBe('RECURRING');
    expect(segmentOf({ purchases: 5, spentCents: 100, lastPurchaseAt: daysAgo(30) }, now)).toBe('VIP');
    // one big purchase is enough
    expect(segmentOf({ purchases: 1, spentCents: 50_000, lastPurchaseAt: daysAgo(1) }, now)).toBe('VIP');
  });

  it('puts recency first: after 30 days AT_RISK, after 90 LOST, whatever was bought', () => {
    expect(segmentOf({ purchases: 9, spentCents: 900_000, lastPurchaseAt: daysAgo(30, 1) }, now)).toBe('AT_RISK');
    expect(segmentOf({ purchases: 1, spentCents: 100, lastPurchaseAt: daysAgo(90) }, now)).toBe('AT_RISK');
    expect(segmentOf({ purchases: 9, spentCents: 900_000, lastPurchaseAt: daysAgo(90, 1) }, now)).toBe('LOST');
    expect(segmentOf({ purchases: 1, spentCents: 100, lastPurchaseAt: daysAgo(400) }, now)).toBe('LOST');
  });

  it('lists every segment in order with its buyers and their revenue, empty ones at 0', () => {
    expect(
      segmentsOf(
        [
          { purchases: 1, spentCents: 1000, lastPurchaseAt: daysAgo(1) },
          { purchases: 1, spentCents: 2000, lastPurchaseAt: daysAgo(2) },
          { purchases: 3, spentCents: 3000, lastPurchaseAt: daysAgo(40) },
        ],
        now,
      ),
    ).toEqual([
      { segment: 'NEW', customers: 2, revenueCents: 3000 },
      { segment: 'RECURRING', customers: 0, revenueCents: 0 },
      { segment: 'VIP', customers: 0, revenueCents: 0 },
      { segment: 'AT_RISK', customers: 1, revenueCents: 3000 },
      { segment: 'LOST', customers: 0, revenueCents: 0 },
    ]);
  });
});
