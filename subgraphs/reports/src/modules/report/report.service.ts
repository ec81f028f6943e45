// The reports' answers, read from the pre-aggregated read model (seller_day, seller_total, status_count, product_state):
// a dashboard or a sales report reads a handful of rows per seller or per day, never the orders themselves.
import { BadUserInputError } from '@espigon/kit/errors';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { bucketOf, bucketStarts, dayStart, daysCovered, marketDay } from '../read-model/guayaquil-time';
import { Granularity, OrderStatus, type Dashboard, type SalesPoint } from './report.types';

/** The longest a sales report may span (so at most about 400 daily periods). */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whose figures: one seller's, or (null) the whole market's. */
export type Scope = string | null;

const sellerFilter = (scope: Scope, column = '"seller_id"') => (scope ? ` and ${column} = ?` : '');
const sellerParam = (scope: Scope) => (scope ? [scope] : []);

export class ReportService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async dashboard(ctx: ServiceContext, scope: Scope): Promise<Dashboard> {
    const today = marketDay(this.now());
    const [[todayRow], [allTime], statusRows, [lowStock]] = await Promise.all([
      ctx.em.execute<{ orders: string; revenue: string }[]>(
        `select coalesce(sum("orders"), 0) as "orders", coalesce(sum("revenue_cents"), 0) as "revenue"
         from "reports"."seller_day" where "day" = ?${sellerFilter(scope)}`,
        [today, ...sellerParam(scope)],
      ),
      ctx.em.execute<{ orders: string; revenue: string }[]>(
        `select coalesce(sum("orders"), 0) as "orders", coalesce(sum("revenue_cents"), 0) as "revenue"
         from "reports"."seller_total" where true${sellerFilter(scope)}`,
        sellerParam(scope),
      ),
      ctx.em.execute<{ status: string; count: string }[]>(
        `select "status", sum("count") as "count" from "reports"."status_count" where true${sellerFilter(scope)} group by "status"`,
        sellerParam(scope),
      ),
      ctx.em.execute<{ count: string }[]>(
        `select count(*) as "count" from "reports"."product_state"
         where "listed" and not "deleted" and "quantity_available" <= "low_stock_threshold"${sellerFilter(scope)}`,
        sellerParam(scope),
      ),
    ]);
    const byStatus = new Map(statusRows.map((r) => [r.status, Number(r.count)]));
    const sales = Number(allTime.orders);
    return {
      revenueTodayCents: Number(todayRow.revenue),
      ordersToday: Number(todayRow.orders),
      ordersByStatus: Object.values(OrderStatus).map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      averageOrderCents: sales ? Math.round(Number(allTime.revenue) / sales) : 0,
      lowStockCount: Number(lowStock.count),
    };
  }

  async salesReport(ctx: ServiceContext, scope: Scope, from: Date, to: Date, granularity: Granularity): Promise<SalesPoint[]> {
    if (to.getTime() <= from.getTime()) throw new BadUserInputError('`to` must be after `from`', 'to');
    if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS)
      throw new BadUserInputError(`A sales report spans at most ${MAX_REPORT_DAYS} days`, 'to');
    const { firstDay, lastDay } = daysCovered(from, to);
    const rows = await ctx.em.execute<{ day: string; orders: string; revenue: string }[]>(
      `select to_char("day", 'YYYY-MM-DD') as "day", sum("orders") as "orders", sum("revenue_cents") as "revenue"
       from "reports"."seller_day" where "day" between ? and ?${sellerFilter(scope)} group by "day"`,
      [firstDay, lastDay, ...sellerParam(scope)],
    );
    const points = new Map(bucketStarts(firstDay, lastDay, granularity).map((start) => [start, { orders: 0, revenueCents: 0 }]));
    for (const row of rows) {
      const point = points.get(bucketOf(row.day, granularity))!;
      point.orders += Number(row.orders);
      point.revenueCents += Number(row.revenue);
    }
    return [...points].map(([start, sums]) => ({ periodStart: dayStart(start), ...sums }));
  }
}
