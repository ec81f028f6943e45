// Rankings read from the pre-aggregated read model: seller_day for sellers, product_day (joined to product_state for
// categories) for products and categories, order_fact per buyer for segments, product_state for low stock.
import { BadUserInputError } from '@espigon/kit/errors';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { marketDay } from '../read-model/guayaquil-time';
import { MAX_REPORT_DAYS, type Scope } from '../report/report.service';
import { segmentsOf } from './customer-segments';
import { Category, Product, User } from './federation.stubs';
import type { CategorySales, CustomerSegment, ProductRank, SellerRank } from './rankings.types';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The days a ranking covers: whole Guayaquil days, either end open when not given. */
interface DayRange {
  firstDay: string | null;
  lastDay: string | null;
}

/** `from` and `to` checked like salesReport's when both are given; either may be left out (no bound on that side). */
export function rankingDays(from: Date | null | undefined, to: Date | null | undefined): DayRange {
  if (from && to) {
    if (to.getTime() <= from.getTime()) throw new BadUserInputError('`to` must be after `from`', 'to');
    if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS) throw new BadUserInputError(`A range spans at most ${MAX_REPORT_DAYS} days`, 'to');
  }
  // the day `from` falls in, the day of the last instant before `to` (as salesReport's daysCovered)
  return { firstDay: from ? marketDay(from) : null, lastDay: to ? marketDay(new Date(to.getTime() - 1)) : null };
}

export function rankingLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new BadUserInputError(`limit must be from 1 to ${MAX_LIMIT}`, 'limit');
  return limit;
}

/** The `where` conditions (and their parameters) of a days range and a seller scope on a daily table. */
function dailyFilter(days: DayRange, scope: Scope, alias: string): { sql: string; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, param: unknown) => {
    sql.push(condition);
    params.push(param);
  };
  if (days.firstDay) add(`${alias}."day" >= ?`, days.firstDay);
  if (days.lastDay) add(`${alias}."day" <= ?`, days.lastDay);
  if (scope) add(`${alias}."seller_id" = ?`, scope);
  return { sql: sql.length ? sql.join(' and ') : 'true', params };
}

export class RankingService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async topSellers(ctx: ServiceContext, from?: Date | null, to?: Date | null, limit?: number | null): Promise<SellerRank[]> {
    const filter = dailyFilter(rankingDays(from, to), null, 'd');
    const rows = await ctx.em.execute<{ seller_id: string; orders: string; revenue: string }[]>(
      `select d."seller_id", sum(d."orders") as "orders", sum(d."revenue_cents") as "revenue" from "reports"."seller_day" d
       where ${filter.sql} group by d."seller_id" having sum(d."orders") > 0
       order by "revenue" desc, "orders" desc, d."seller_id" limit ?`,
      [...filter.params, rankingLimit(limit)],
    );
    return rows.map((r) => ({ seller: User.of(r.seller_id), orders: Number(r.orders), revenueCents: Number(r.revenue) }));
  }

  /** Products catalog says are deleted are left out (nobody may see them any more). */
  async topProducts(ctx: ServiceContext, scope: Scope, from?: Date | null, to?: Date | null, limit?: number | null): Promise<ProductRank[]> {
    const filter = dailyFilter(rankingDays(from, to), scope, 'd');
    const rows = await ctx.em.execute<{ product_id: string; quantity: string; revenue: string }[]>(
      `select d."product_id", sum(d."quantity_sold") as "quantity", sum(d."revenue_cents") as "revenue" from "reports"."product_day" d
       left join "reports"."product_state" p on p."product_id" = d."product_id"
       where ${filter.sql} and p."deleted" is not true group by d."product_id" having sum(d."quantity_sold") > 0
       order by "revenue" desc, "quantity" desc, d."product_id" limit ?`,
      [...filter.params, rankingLimit(limit)],
    );
    return rows.map((r) => ({ product: Product.of(r.product_id), quantitySold: Number(r.quantity), revenueCents: Number(r.revenue) }));
  }

  /** By the category catalog last gave each product; sales of products catalog has not told about are left out. */
  async salesByCategory(ctx: ServiceContext, scope: Scope, from?: Date | null, to?: Date | null): Promise<CategorySales[]> {
    const filter = dailyFilter(rankingDays(from, to), scope, 'd');
    const rows = await ctx.em.execute<{ category_id: string; quantity: string; revenue: string }[]>(
      `select p."category_id", sum(d."quantity_sold") as "quantity", sum(d."revenue_cents") as "revenue" from "reports"."product_day" d
       join "reports"."product_state" p on p."product_id" = d."product_id"
       where ${filter.sql} group by p."category_id" having sum(d."quantity_sold") > 0
       order by "revenue" desc, "quantity" desc, p."category_id"`,
      filter.params,
    );
    return rows.map((r) => ({ category: Category.of(r.category_id), quantitySold: Number(r.quantity), revenueCents: Number(r.revenue) }));
  }

  async customerSegments(ctx: ServiceContext): Promise<CustomerSegment[]> {
    const rows = await ctx.em.execute<{ purchases: string; spent: string; last_paid_at: Date | string }[]>(
      `select count(*) as "purchases", sum(greatest(0, "total_cents" - "refunded_cents")) as "spent", max("paid_at") as "last_paid_at"
       from "reports"."order_fact" where "paid_at" is not null and "total_cents" is not null and "status" is distinct from 'CANCELLED'
       group by "buyer_id"`,
    );
    const histories = rows.map((r) => ({ purchases: Number(r.purchases), spentCents: Number(r.spent), lastPurchaseAt: new Date(r.last_paid_at) }));
    return segmentsOf(histories, this.now());
  }

  /** Listed products at or below their low-stock threshold, as catalog last told: the emptiest first. */
  async lowStockProducts(ctx: ServiceContext, scope: Scope): Promise<Product[]> {
    const rows = await ctx.em.execute<{ product_id: string }[]>(
      `select "product_id" from "reports"."product_state"
       where "listed" and not "deleted" and "quantity_available" <= "low_stock_threshold"${scope ? ' and "seller_id" = ?' : ''}
       order by "quantity_available", "name", "product_id"`,
      scope ? [scope] : [],
    );
    return rows.map((r) => Product.of(r.product_id));
  }
}
