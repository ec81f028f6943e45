// The first page of User.orders for every buyer of a request at once: an admin's list of accounts with their orders
// costs two statements (the pages, the counts) instead of two per account, and the pages' lines and messages then load
// in one batch each. Later pages (`after`) go one buyer at a time (OrderService.buyerOrders).
import type { EntityManager } from '@espigon/kit/database/orm';
import { readOnlyRowMapper, selectColumnsSql } from '@espigon/kit/database/read-only-rows';
import { toConnection } from '@espigon/kit/graphql/connection';
import { newestFirstCursor } from '@espigon/kit/graphql/newest-first-cursor';
import { OrderConnection } from './order-connection.type';
import type { OrderStatus } from './order-status.enum';
import { Order } from './order.entity';

/**
 * Each buyer's newest `limit` placed orders (keyset order createdAt, id, as a single buyer's page) and their count,
 * keyed by buyer id. `buyerIds` must be lower-case UUIDs. The orders are read-only rows (never change or flush them).
 */
export async function firstOrderPagesByBuyer(
  em: EntityManager,
  buyerIds: string[],
  limit: number,
  status: OrderStatus | null,
): Promise<Map<string, OrderConnection>> {
  const statusSql = status ? ' and "status" = ?' : '';
  const statusParams = status ? [status] : [];
  // one index range per buyer (order_buyer_page_index), `limit + 1` rows each to tell whether more follow
  const pageSql = `select "page".* from unnest(array[?]::uuid[]) as "buyer"("id") cross join lateral (
      ${selectColumnsSql(em, Order)} where "placed" and "buyer_id" = "buyer"."id"${statusSql}
      order by "created_at" desc, "id" desc limit ?
    ) as "page" order by "page"."buyer_id", "page"."created_at" desc, "page"."id" desc`;
  const countSql = `select "buyer_id", count(*)::int as "total" from "orders"."order"
    where "placed" and "buyer_id" in (?)${statusSql} group by "buyer_id"`;
  const [rows, counts] = await Promise.all([
    em.execute<Record<string, unknown>[]>(pageSql, [buyerIds, ...statusParams, limit + 1]),
    em.execute<{ buyer_id: string; total: number }[]>(countSql, [buyerIds, ...statusParams]),
  ]);
  const toOrder = readOnlyRowMapper(em, Order);
  const byBuyer = new Map<string, Order[]>(buyerIds.map((id) => [id, []]));
  for (const row of rows) {
    const order = toOrder(row);
    byBuyer.get(order.buyerId)?.push(order);
  }
  const totals = new Map(counts.map((c) => [c.buyer_id, c.total]));
  return new Map(
    [...byBuyer].map(([buyerId, orders]) => [buyerId, toConnection(OrderConnection, orders, limit, totals.get(buyerId) ?? 0, newestFirstCursor)]),
  );
}
