// Issue 12's exactness test: a generated dataset with known answers. About 300 orders of 4 sellers over 120 days (many
// paid at 04:59:59.999Z or 05:00:00.000Z, the edges of Guayaquil's midnight), every status, cash and card, partial and
// full refunds, cancellations after payment, are published to the durable streams exactly as the producers' outbox
// relay does (the kit's own RedisEventStream), in a shuffled order, to a reports subgraph of this file's own (its own
// database and Redis key prefix, so its read model sees only these events) behind a gateway of its own (the shared
// market's other subgraphs resolve User, Product and Category). The answers are computed here by a small model of the
// documented rules, independent of the service's code, and every report is asserted to the cent, as ADMIN and as a
// SELLER: once the events have flowed, and again after `npm run reports:rebuild`.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { RedisEventStream } from '@espigon/kit/events/event-stream';
import { DomainTopic, type OrderStatusName } from '@espigon/kit/events/domain-events';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { createLogger } from '@espigon/kit/logger';
import { eventually } from '@espigon/kit/testing/eventually';
import { testWithRedis } from '@espigon/kit/testing/test-services';
import { CategoriesQuery, CreateProductMutation } from './operations/catalog.operations';
import { CustomerSegmentsQuery, SalesByCategoryQuery, TopProductsQuery, TopSellersQuery } from './operations/rankings.operations';
import { DashboardQuery, SalesReportQuery } from './operations/reports.operations';
import { errorCode, execute, ok } from './support/client';
import { loginAdmin, registerPerson, type Person } from './support/market-people';
import { nodeArguments, spawnGateway, spawnService, type ChildService } from './support/processes';
import { createDatabase, deleteRedisKeys, dropDatabase, redisUrl, uniqueName } from './support/test-resources';

const run = promisify(execFile);
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const SPAN_DAYS = 120;
const STATUSES: OrderStatusName[] = ['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED'];

// ---------------------------------------------------------------------------------------------------------------------
// The documented rules, written again here (README "Reports in short"), to compute the expected answers.

/** Guayaquil is UTC−5 all year: its day of an instant. */
const gyeDay = (t: number) => new Date(t - 5 * HOUR_MS).toISOString().slice(0, 10);
const gyeDayStart = (day: string) => new Date(Date.parse(`${day}T05:00:00.000Z`)).toISOString();
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
function periodOf(day: string, granularity: 'DAY' | 'WEEK' | 'MONTH'): string {
  if (granularity === 'DAY') return day;
  if (granularity === 'MONTH') return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return plusDays(day, -((weekday + 6) % 7)); // back to Monday
}

/** A refund spread over lines in proportion to their totals: whole cents, the rest by largest remainder. */
function refundShares(totals: number[], refund: number): number[] {
  const sum = totals.reduce((a, b) => a + b, 0);
  const r = Math.min(refund, sum);
  if (r <= 0) return totals.map(() => 0);
  const shares = totals.map((t) => Math.floor((r * t) / sum));
  const remainders = totals.map((t) => (r * t) % sum);
  let left = r - shares.reduce((a, b) => a + b, 0);
  const order = totals.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || totals[b] - totals[a] || a - b);
  for (const i of order) {
    if (left === 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}

// ---------------------------------------------------------------------------------------------------------------------
// The generated market.

/** A seeded PRNG (mulberry32): the same dataset on every run, relative to the day it runs. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

interface GenProduct {
  id: string;
  name: string;
  sellerId: string;
  categoryId: string;
  categoryName: string;
  lowStock: boolean;
}

interface GenOrder {
  orderId: string;
  sellerId: string;
  buyerId: string;
  total: number;
  lines: { productId: string; quantity: number; total: number }[];
  /** The latest status by time. */
  status: OrderStatusName;
  /** The earliest of payment.succeeded and the move to PAID; null when unpaid. */
  paidAt: number | null;
  refunded: number;
}

function generate(sellers: Person[], products: GenProduct[], now: number) {
  const random = prng(20261201);
  const events: OutboxEnvelope[] = [];
  const emit = (topic: string, at: number, payload: Record<string, unknown>) =>
    events.push({ eventId: randomUUID(), topic, occurredAt: new Date(at).toISOString(), payload, audience: null });
  // buyers with known habits, so every RFM segment has someone: regulars (VIP), some who stopped 31–89 days ago
  // (AT_RISK) or more than 90 days ago (LOST), one who bought once lately (NEW), one two or three times (RECURRING)
  const buyer = () => randomUUID();
  const regulars = [buyer(), buyer(), buyer(), buyer()];
  const atRisk = [buyer(), buyer()];
  const lost = [buyer(), buyer()];
  const newcomer = buyer();
  const returning = buyer();
  const todayStart = Date.parse(gyeDayStart(gyeDay(now)));
  const orders: GenOrder[] = [];
  for (let n = 0; n < 300; n++) {
    const seller = random.pick(sellers);
    // a small, plain sale of the NEW or the RECURRING buyer's, lately; any order of anyone else's
    const special = n === 7 ? newcomer : n === 17 || n === 27 || n === 37 ? returning : null;
    const daysAgo = special ? random.int(1, 20) : n % 10 === 0 ? 0 : random.int(1, SPAN_DAYS);
    const buyerId =
      special ?? (daysAgo > 91 ? random.pick(lost) : daysAgo > 31 && daysAgo < 89 ? random.pick([...regulars, ...atRisk]) : random.pick(regulars));
    const own = products.filter((p) => p.sellerId === seller.id);
    const chosen = special ? [] : own.filter(() => random.chance(0.5));
    if (!chosen.length) chosen.push(random.pick(own));
    const lines = chosen.map((p) => {
      const quantity = special ? 1 : random.int(1, 6);
      const unitPriceCents = random.int(99, 4_999);
      return { productId: p.id, name: p.name, quantity, unitPriceCents, lineTotalCents: quantity * unitPriceCents };
    });
    const total = lines.reduce((a, l) => a + l.lineTotalCents, 0);
    // the moment it was paid (or would have been): on Guayaquil's midnight edges often, some today
    const dayStart = todayStart - daysAgo * DAY_MS;
    const edge = random.next();
    let paidAt = edge < 0.25 ? dayStart - 1 : edge < 0.5 ? dayStart : dayStart + random.int(1, DAY_MS - 1);
    if (daysAgo === 0) paidAt = Math.max(todayStart, now - random.int(2, 120) * MINUTE_MS); // today, already past
    // keep clear of the RFM thresholds (30 and 90 days before now) so a slow run cannot move a buyer's segment
    for (const threshold of [now - 30 * DAY_MS, now - 90 * DAY_MS]) if (Math.abs(paidAt - threshold) < 30 * MINUTE_MS) paidAt -= HOUR_MS;
    const createdAt = paidAt - random.int(1, 180) * MINUTE_MS;
    const orderId = randomUUID();
    const number = `MNT-2026-${String(100_000 + n).padStart(6, '0')}`;
    const parties = { orderId, buyerId, sellerId: seller.id };
    emit(DomainTopic.ORDER_CREATED, createdAt, {
      ...parties,
      number,
      checkoutId: randomUUID(),
      status: 'PENDING',
      totalCents: total,
      itemCount: lines.reduce((a, l) => a + l.quantity, 0),
      deliveryMethod: random.pick(['PICKUP', 'DELIVERY']),
      createdAt: new Date(createdAt).toISOString(),
      lines,
    });
    let status: OrderStatusName = 'PENDING';
    let statusAt = createdAt;
    const move = (to: OrderStatusName, at: number, refundDue = false) => {
      emit(DomainTopic.ORDER_STATUS_CHANGED, at, {
        ...parties,
        number,
        from: status,
        to,
        actorId: null,
        actorRole: 'SYSTEM',
        reason: to === 'CANCELLED' ? 'SELLER_CANCELLED' : null,
        refundDue,
        totalCents: total,
        occurredAt: new Date(at).toISOString(),
      });
      status = to;
      statusAt = at;
    };
    const fate = special ? 0.5 : random.next();
    const order: GenOrder = { orderId, sellerId: seller.id, buyerId, total, lines: [], status, paidAt: null, refunded: 0 };
    order.lines = lines.map((l) => ({ productId: l.productId, quantity: l.quantity, total: l.lineTotalCents }));
    if (fate < 0.12) {
      // left unpaid
    } else if (fate < 0.2) {
      move('CANCELLED', paidAt); // cancelled before any payment
    } else {
      // paid: the payment and the move to PAID a few ms apart, either first; the earlier one is the sale's time
      const paymentId = randomUUID();
      const method = random.pick(['CASH', 'CARD'] as const);
      const paymentFirst = random.chance(0.5);
      emit(DomainTopic.PAYMENT_SUCCEEDED, paymentFirst ? paidAt : paidAt + random.int(1, 900), {
        ...parties,
        paymentId,
        method,
        amountCents: total,
      });
      move('PAID', paymentFirst ? paidAt + random.int(1, 900) : paidAt);
      order.paidAt = paidAt;
      const steps = random.int(0, 3);
      for (const next of ['PREPARING', 'READY', 'DELIVERED'].slice(0, steps) as OrderStatusName[])
        move(next, statusAt + random.int(5, 90) * MINUTE_MS);
      let refunded = 0;
      const refund = (amount: number, at: number) => {
        refunded += amount;
        emit(DomainTopic.PAYMENT_REFUNDED, at, {
          ...parties,
          paymentId,
          refundId: randomUUID(),
          amountCents: amount,
          refundedCents: refunded,
          full: refunded === total,
        });
      };
      const afterwards = special ? 0.5 : random.next();
      if (afterwards < 0.1 && (status as OrderStatusName) !== 'DELIVERED') {
        // cancelled after payment: the money all goes back, and the sale no longer counts
        move('CANCELLED', statusAt + random.int(5, 60) * MINUTE_MS, true);
        refund(total, statusAt + MINUTE_MS);
      } else if (afterwards < 0.2) {
        refund(total, statusAt + random.int(1, 48) * HOUR_MS); // full refund, order kept
      } else if (afterwards < 0.4 && total > 2) {
        // one or two partial refunds, possibly days later (they lower the day of the sale)
        const first = random.int(1, Math.floor(total / 2));
        refund(first, paidAt + random.int(1, 72) * HOUR_MS);
        if (random.chance(0.4)) refund(random.int(1, total - first - 1 || 1), paidAt + random.int(73, 200) * HOUR_MS);
      }
      order.refunded = refunded;
    }
    order.status = status;
    orders.push(order);
  }
  // catalog's view of each product, with its real category (some at or below their low-stock threshold)
  for (const p of products) {
    emit(DomainTopic.PRODUCT_CHANGED, now, {
      productId: p.id,
      sellerId: p.sellerId,
      name: p.name,
      subcategoryId: randomUUID(),
      categoryId: p.categoryId,
      listed: true,
      deleted: false,
      quantityAvailable: p.lowStock ? 2 : 40,
      lowStockThreshold: 5,
      priceCents: 500,
      changedAt: new Date(now).toISOString(),
    });
  }
  // any order: the rules are order-independent, and each topic is its own stream anyway
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [events[i], events[j]] = [events[j], events[i]];
  }
  return { events, orders };
}

// ---------------------------------------------------------------------------------------------------------------------
// The expected answers.

interface Sale {
  order: GenOrder;
  day: string;
  net: number;
  /** Each line's net revenue (its share of the refund taken off). */
  lineNets: number[];
}

function salesOf(orders: GenOrder[]): Sale[] {
  return orders
    .filter((o) => o.paidAt !== null && o.status !== 'CANCELLED')
    .map((order) => {
      const shares = refundShares(
        order.lines.map((l) => l.total),
        order.refunded,
      );
      return {
        order,
        day: gyeDay(order.paidAt!),
        net: Math.max(0, order.total - order.refunded),
        lineNets: order.lines.map((l, i) => l.total - shares[i]),
      };
    });
}

function expected(
  orders: GenOrder[],
  products: GenProduct[],
  sellers: Person[],
  scope: string | null,
  now: number,
  range: { from: string; to: string },
) {
  const mine = orders.filter((o) => !scope || o.sellerId === scope);
  const sales = salesOf(mine);
  const today = gyeDay(now);
  const todays = sales.filter((s) => s.day === today);
  const allNet = sales.reduce((a, s) => a + s.net, 0);
  const dashboard = {
    revenueTodayCents: todays.reduce((a, s) => a + s.net, 0),
    ordersToday: todays.length,
    ordersByStatus: STATUSES.map((status) => ({ status, count: mine.filter((o) => o.status === status).length })),
    averageOrderCents: sales.length ? Math.round(allNet / sales.length) : 0,
    lowStockCount: products.filter((p) => p.lowStock && (!scope || p.sellerId === scope)).length,
  };
  const firstDay = gyeDay(Date.parse(range.from));
  const lastDay = gyeDay(Date.parse(range.to) - 1);
  const report = (granularity: 'DAY' | 'WEEK' | 'MONTH') => {
    const points = new Map<string, { orders: number; revenueCents: number }>();
    for (let day = firstDay; day <= lastDay; day = plusDays(day, 1)) points.set(periodOf(day, granularity), { orders: 0, revenueCents: 0 });
    for (const sale of sales) {
      const point = points.get(periodOf(sale.day, granularity))!;
      point.orders += 1;
      point.revenueCents += sale.net;
    }
    return [...points].map(([start, sums]) => ({ periodStart: gyeDayStart(start), ...sums }));
  };
  const inDays = (first: string | null, last: string | null) => sales.filter((s) => (!first || s.day >= first) && (!last || s.day <= last));
  const productRanks = (first: string | null, last: string | null) => {
    const byProduct = new Map<string, { quantitySold: number; revenueCents: number }>();
    for (const sale of inDays(first, last))
      sale.order.lines.forEach((line, i) => {
        const sum = byProduct.get(line.productId) ?? { quantitySold: 0, revenueCents: 0 };
        sum.quantitySold += line.quantity;
        sum.revenueCents += sale.lineNets[i];
        byProduct.set(line.productId, sum);
      });
    return byProduct;
  };
  const ranked = <T extends { id: string; revenueCents: number; second: number }>(rows: T[]) =>
    rows.sort((a, b) => b.revenueCents - a.revenueCents || b.second - a.second || (a.id < b.id ? -1 : 1));
  const topProducts = (first: string | null, last: string | null) =>
    ranked([...productRanks(first, last)].map(([id, s]) => ({ id, ...s, second: s.quantitySold }))).map((r) => ({
      product: { id: r.id, name: products.find((p) => p.id === r.id)!.name },
      quantitySold: r.quantitySold,
      revenueCents: r.revenueCents,
    }));
  const byCategory = (first: string | null, last: string | null) => {
    const sums = new Map<string, { quantitySold: number; revenueCents: number }>();
    for (const [productId, s] of productRanks(first, last)) {
      const categoryId = products.find((p) => p.id === productId)!.categoryId;
      const sum = sums.get(categoryId) ?? { quantitySold: 0, revenueCents: 0 };
      sum.quantitySold += s.quantitySold;
      sum.revenueCents += s.revenueCents;
      sums.set(categoryId, sum);
    }
    return ranked([...sums].map(([id, s]) => ({ id, ...s, second: s.quantitySold }))).map((r) => ({
      category: { id: r.id, name: products.find((p) => p.categoryId === r.id)!.categoryName },
      revenueCents: r.revenueCents,
      quantitySold: r.quantitySold,
    }));
  };
  const topSellers = (first: string | null, last: string | null) => {
    const sums = new Map<string, { orders: number; revenueCents: number }>();
    for (const sale of inDays(first, last)) {
      const sum = sums.get(sale.order.sellerId) ?? { orders: 0, revenueCents: 0 };
      sum.orders += 1;
      sum.revenueCents += sale.net;
      sums.set(sale.order.sellerId, sum);
    }
    return ranked([...sums].map(([id, s]) => ({ id, ...s, second: s.orders }))).map((r) => ({
      seller: { id: r.id, name: sellers.find((s) => s.id === r.id)!.name },
      revenueCents: r.revenueCents,
      orders: r.orders,
    }));
  };
  const segments = () => {
    const buyers = new Map<string, { purchases: number; spent: number; last: number }>();
    for (const sale of sales) {
      const b = buyers.get(sale.order.buyerId) ?? { purchases: 0, spent: 0, last: 0 };
      b.purchases += 1;
      b.spent += sale.net;
      b.last = Math.max(b.last, sale.order.paidAt!);
      buyers.set(sale.order.buyerId, b);
    }
    const names = ['NEW', 'RECURRING', 'VIP', 'AT_RISK', 'LOST'] as const;
    const sums = new Map(names.map((segment) => [segment, { segment, customers: 0, revenueCents: 0 }]));
    for (const b of buyers.values()) {
      const age = now - b.last;
      const segment =
        age > 90 * DAY_MS
          ? 'LOST'
          : age > 30 * DAY_MS
            ? 'AT_RISK'
            : b.purchases >= 5 || b.spent >= 50_000
              ? 'VIP'
              : b.purchases >= 2
                ? 'RECURRING'
                : 'NEW';
      sums.get(segment)!.customers += 1;
      sums.get(segment)!.revenueCents += b.spent;
    }
    return [...sums.values()];
  };
  // a window in the middle of the range, for the rankings' from/to
  const windowFirst = plusDays(today, -45);
  const windowLast = plusDays(today, -15);
  return {
    dashboard,
    day: report('DAY'),
    week: report('WEEK'),
    month: report('MONTH'),
    topProducts: topProducts(null, null).slice(0, 100),
    topProductsWindow: topProducts(windowFirst, windowLast).slice(0, 100),
    byCategory: byCategory(null, null),
    byCategoryWindow: byCategory(windowFirst, windowLast),
    ...(scope
      ? {}
      : {
          topSellers: topSellers(null, null),
          topSellersWindow: topSellers(windowFirst, windowLast),
          segments: segments(),
        }),
    window: { from: gyeDayStart(windowFirst), to: gyeDayStart(plusDays(windowLast, 1)) },
  };
}

/** What the gateway answers, in the shape of `expected`. */
async function answers(url: string, person: Person, admin: boolean, range: { from: string; to: string }, window: { from: string; to: string }) {
  const options = { token: person.token, url };
  const report = async (granularity: 'DAY' | 'WEEK' | 'MONTH') => (await ok(SalesReportQuery, { ...range, granularity }, options)).salesReport;
  return {
    dashboard: (await ok(DashboardQuery, {}, options)).dashboard,
    day: await report('DAY'),
    week: await report('WEEK'),
    month: await report('MONTH'),
    topProducts: (await ok(TopProductsQuery, { limit: 100 }, options)).topProducts,
    topProductsWindow: (await ok(TopProductsQuery, { ...window, limit: 100 }, options)).topProducts,
    byCategory: (await ok(SalesByCategoryQuery, {}, options)).salesByCategory,
    byCategoryWindow: (await ok(SalesByCategoryQuery, window, options)).salesByCategory,
    ...(admin
      ? {
          topSellers: (await ok(TopSellersQuery, { limit: 100 }, options)).topSellers,
          topSellersWindow: (await ok(TopSellersQuery, { ...window, limit: 100 }, options)).topSellers,
          segments: (await ok(CustomerSegmentsQuery, {}, options)).customerSegments,
        }
      : {}),
    window,
  };
}

testWithRedis(
  'every report is exact to the cent on a generated dataset, after the events flowed and again after a rebuild',
  async () => {
    const shared = JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>;
    const dataDir = process.env.ESPIGON_TEST_DATA_DIR!;
    const database = uniqueName('espigon_exact');
    const prefix = `${database}:`;
    const databaseUrl = await createDatabase(database);
    const stream = new RedisEventStream(redisUrl(), prefix, 'exactness-test', createLogger('exactness-test', 'warn'));
    let reports: ChildService | undefined;
    let gateway: ChildService | undefined;
    try {
      // the people and products, real ones of the shared market (so federation resolves them)
      const names = ['Marina Cedeño', 'Óscar Pincay', 'Lucía Chóez', 'Ramón Delgado'];
      const [admin, ...sellers] = await Promise.all([loginAdmin(), ...names.map((name) => registerPerson('SELLER', name))]);
      const { categories } = await ok(CategoriesQuery, {});
      const subcategories = categories
        .filter((c) => c.subcategories.length)
        .slice(0, 3)
        .map((c) => ({ subcategoryId: c.subcategories[0].id, categoryId: c.id, categoryName: c.name }));
      expect(subcategories.length).toBeGreaterThanOrEqual(2);
      const products: GenProduct[] = [];
      for (const [s, seller] of sellers.entries())
        for (let k = 0; k < 3; k++) {
          const { subcategoryId, categoryId, categoryName } = subcategories[(s + k) % subcategories.length];
          const name = `Pesca ${s + 1}-${k + 1}`;
          const { createProduct } = await ok(
            CreateProductMutation,
            { input: { name, priceCents: 500, unit: 'LB', subcategoryId, quantityOnHand: 40 } },
            { token: seller.token },
          );
          products.push({ id: createProduct.id, name, sellerId: seller.id, categoryId, categoryName, lowStock: k === 0 && s % 2 === 0 });
        }

      // tokens are checked against the denylist under the service's prefix, which the users subgraph fills under the
      // shared one: this prefix gets a copy of it (the marker "loaded" with it), nobody here logging out
      const redis = new Redis(redisUrl());
      try {
        const denylist = await redis.hgetall(`${process.env.ESPIGON_TEST_REDIS_PREFIX}denylist`);
        expect(Object.keys(denylist).length).toBeGreaterThan(0);
        await redis.hset(`${prefix}denylist`, denylist);
      } finally {
        redis.disconnect();
      }

      // this file's reports subgraph (its database, its prefix) and a gateway in front of it and the shared subgraphs
      const common = { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, REDIS_URL: redisUrl() };
      reports = await spawnService(
        'subgraphs/reports/src/index.ts',
        { ...common, DATABASE_URL: databaseUrl, REDIS_KEY_PREFIX: prefix },
        'reports subgraph ready',
        join(dataDir, `${database}-reports.log`),
      );
      gateway = await spawnGateway(
        {
          ...common,
          REDIS_KEY_PREFIX: process.env.ESPIGON_TEST_REDIS_PREFIX,
          SUBGRAPH_URL_USERS: shared.users,
          SUBGRAPH_URL_CATALOG: shared.catalog,
          SUBGRAPH_URL_ORDERS: shared.orders,
          SUBGRAPH_URL_PAYMENTS: shared.payments,
          SUBGRAPH_URL_REPORTS: reports.gatewayUrl,
          JWT_PUBLIC_KEY: readFileSync(join(dataDir, 'keys', 'jwt-es256.public.pem'), 'utf8'),
        },
        join(dataDir, `${database}-gateway.log`),
      );
      const url = gateway.gatewayUrl;

      // the events, onto the streams as the outbox relay appends them
      const { events, orders } = generate(sellers, products, Date.now());
      for (const envelope of events) await stream.append(envelope);

      const todayStart = gyeDayStart(gyeDay(Date.now()));
      const range = {
        from: new Date(Date.parse(todayStart) - (SPAN_DAYS + 3) * DAY_MS).toISOString(),
        to: new Date(Date.parse(todayStart) + DAY_MS).toISOString(),
      };
      const seller = sellers[1];
      const check = async () => {
        const now = Date.now();
        const market = expected(orders, products, sellers, null, now, range);
        expect(await answers(url, admin, true, range, market.window)).toEqual(market);
        const own = expected(orders, products, sellers, seller.id, now, range);
        expect(await answers(url, seller, false, range, own.window)).toEqual(own);
      };

      // the dataset covers what it is meant to (so the assertions below are about something)
      const sales = salesOf(orders);
      expect(sales.filter((s) => new Date(s.order.paidAt!).toISOString().endsWith('T04:59:59.999Z')).length).toBeGreaterThan(20);
      expect(sales.filter((s) => new Date(s.order.paidAt!).toISOString().endsWith('T05:00:00.000Z')).length).toBeGreaterThan(20);
      expect(sales.filter((s) => s.order.refunded > 0 && s.net > 0).length).toBeGreaterThan(20);
      expect(sales.filter((s) => s.net === 0).length).toBeGreaterThan(5);
      expect(orders.filter((o) => o.status === 'CANCELLED' && o.paidAt !== null).length).toBeGreaterThan(5);
      expect(new Set(orders.map((o) => o.status)).size).toBe(STATUSES.length);
      expect(sales.filter((s) => s.day === gyeDay(Date.now())).length).toBeGreaterThan(5);
      expect(expected(orders, products, sellers, null, Date.now(), range).segments!.every((s) => s.customers > 0)).toBe(true);

      // after the events flowed: once the market's daily figures are all in, everything else must be exact too
      await eventually(
        async () =>
          expect((await ok(SalesReportQuery, { ...range, granularity: 'DAY' }, { token: admin.token, url })).salesReport).toEqual(
            expected(orders, products, sellers, null, Date.now(), range).day,
          ),
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      await eventually(check, { timeoutMs: 15_000, intervalMs: 250 });

      // a SELLER gets no rankings of other sellers and no buyers' segments
      expect(errorCode(await execute(TopSellersQuery, {}, { token: seller.token, url }))).toBe('FORBIDDEN');
      expect(errorCode(await execute(CustomerSegmentsQuery, {}, { token: seller.token, url }))).toBe('FORBIDDEN');

      // the rebuild, as an operator runs it against this database and prefix: the same answers
      const rebuilt = await run(process.execPath, nodeArguments('subgraphs/reports/src/rebuild.ts'), {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
          REDIS_URL: redisUrl(),
          REDIS_KEY_PREFIX: prefix,
        },
        timeout: 120_000,
      });
      expect(rebuilt.stdout).toMatch(new RegExp(`^read model rebuilt: ${events.length} events applied`));
      await check();
    } finally {
      await gateway?.stop();
      await reports?.stop();
      await stream.close();
      await dropDatabase(database);
      await deleteRedisKeys(prefix);
    }
  },
  180_000,
);
