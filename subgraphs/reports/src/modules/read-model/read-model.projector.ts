// Writes the read model from the events, inside the transaction that records the event in the inbox (so each event's
// effect commits exactly once). An order's row is locked while its event is applied, so two events about one order
// (on two topics, handled at the same time) never both read the old row.
import { z } from 'zod';
import { DomainTopic } from '@espigon/kit/events/domain-events';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { ProductSalesProjector } from '../rankings/product-sales.projector';
import { BatchedWrites } from './batched-writes';
import { applyOrderEvent, partiesOf, readOrderEvent, saleDeltas, saleOf, UnreadableEventError, type OrderFactState } from './order-fact-rules';

interface OrderFactRow {
  order_id: string;
  seller_id: string;
  buyer_id: string;
  number: string | null;
  total_cents: number | null;
  status: OrderFactState['status'];
  status_at: Date | string | null;
  created_at: Date | string | null;
  paid_at: Date | string | null;
  refunded_cents: number;
}

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

export class ReadModelProjector {
  /** The order's lines and its products' days (order_line, product_day), moved in the same transaction. */
  private readonly productSales = new ProductSalesProjector();

  /**
   * An order event: the order's row, then its seller's days, all-time total and status counts, moved by the difference
   * the event made. Two or three round trips: the row locked and read (an upsert that returns it), the order's lines when
   * they matter, then every write in one statement.
   */
  async applyOrderEvent(tx: EntityManager, envelope: OutboxEnvelope): Promise<void> {
    const change = readOrderEvent(envelope);
    const parties = partiesOf(change);
    // a no-op update on conflict locks the existing row (as `select … for update` would) and returns it as it is
    const [row] = await tx.execute<OrderFactRow[]>(
      `insert into "reports"."order_fact" ("order_id", "seller_id", "buyer_id") values (?, ?, ?)
       on conflict ("order_id") do update set "order_id" = "order_fact"."order_id" returning *`,
      [parties.orderId, parties.sellerId, parties.buyerId],
    );
    const before: OrderFactState = {
      orderId: row.order_id,
      sellerId: row.seller_id,
      buyerId: row.buyer_id,
      number: row.number,
      totalCents: row.total_cents,
      status: row.status,
      statusAt: asDate(row.status_at),
      createdAt: asDate(row.created_at),
      paidAt: asDate(row.paid_at),
      refundedCents: row.refunded_cents,
    };
    const after = applyOrderEvent(before, change);
    const writes = new BatchedWrites();
    writes.add(
      `update "reports"."order_fact" set "number" = ?, "total_cents" = ?, "status" = ?, "status_at" = ?, "created_at" = ?, "paid_at" = ?,
         "refunded_cents" = ?, "updated_at" = now() where "order_id" = ?`,
      [after.number, after.totalCents, after.status, after.statusAt, after.createdAt, after.paidAt, after.refundedCents, after.orderId],
    );
    const deltas = saleDeltas(saleOf(before), saleOf(after));
    if (deltas.length) {
      const days = BatchedWrites.values(deltas.map((d) => [after.sellerId, d.day, d.orders, d.revenueCents]));
      writes.add(
        `insert into "reports"."seller_day" ("seller_id", "day", "orders", "revenue_cents") ${days.sql}
         on conflict ("seller_id", "day") do update set "orders" = "seller_day"."orders" + excluded."orders",
           "revenue_cents" = "seller_day"."revenue_cents" + excluded."revenue_cents"`,
        days.params,
      );
      const orders = deltas.reduce((sum, d) => sum + d.orders, 0);
      const revenueCents = deltas.reduce((sum, d) => sum + d.revenueCents, 0);
      if (orders || revenueCents) {
        writes.add(
          `insert into "reports"."seller_total" ("seller_id", "orders", "revenue_cents") values (?, ?, ?)
           on conflict ("seller_id") do update set "orders" = "seller_total"."orders" + excluded."orders",
             "revenue_cents" = "seller_total"."revenue_cents" + excluded."revenue_cents"`,
          [after.sellerId, orders, revenueCents],
        );
      }
    }
    if (before.status !== after.status) {
      const moves: [string, string, number][] = [];
      if (before.status) moves.push([after.sellerId, before.status, -1]);
      if (after.status) moves.push([after.sellerId, after.status, 1]);
      const counts = BatchedWrites.values(moves);
      writes.add(
        `insert into "reports"."status_count" ("seller_id", "status", "count") ${counts.sql}
         on conflict ("seller_id", "status") do update set "count" = "status_count"."count" + excluded."count"`,
        counts.params,
      );
    }
    await this.productSales.apply(tx, envelope, before, after, writes);
    await writes.run(tx);
  }

  /** A product's whole state: kept when it is newer than what is known (events may come late or twice). */
  async applyProductChanged(tx: EntityManager, envelope: OutboxEnvelope): Promise<void> {
    const parsed = productChanged.safeParse(envelope.payload);
    if (!parsed.success) throw new UnreadableEventError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const p = parsed.data;
    await tx.execute(
      `insert into "reports"."product_state" ("product_id", "seller_id", "name", "category_id", "subcategory_id", "listed", "deleted",
         "quantity_available", "low_stock_threshold", "price_cents", "changed_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)
       on conflict ("product_id") do update set "seller_id" = excluded."seller_id", "name" = excluded."name",
         "category_id" = excluded."category_id", "subcategory_id" = excluded."subcategory_id", "listed" = excluded."listed",
         "deleted" = excluded."deleted", "quantity_available" = excluded."quantity_available",
         "low_stock_threshold" = excluded."low_stock_threshold", "price_cents" = excluded."price_cents", "changed_at" = excluded."changed_at"
       where excluded."changed_at" > "product_state"."changed_at"`,
      [
        p.productId.toLowerCase(),
        p.sellerId.toLowerCase(),
        p.name,
        p.categoryId.toLowerCase(),
        p.subcategoryId.toLowerCase(),
        p.listed,
        p.deleted,
        p.quantityAvailable,
        p.lowStockThreshold,
        p.priceCents,
        // kept as text: PostgreSQL reads its microseconds, which a Date would drop
        p.changedAt,
      ],
    );
  }
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
const productChanged = z.object({
  productId: uuid,
  sellerId: uuid,
  name: z.string().max(200),
  subcategoryId: uuid,
  categoryId: uuid,
  listed: z.boolean(),
  deleted: z.boolean(),
  quantityAvailable: z.number().int(),
  lowStockThreshold: z.number().int(),
  priceCents: z.number().int(),
  changedAt: z.iso.datetime({ offset: true }),
});

export const productTopics: string[] = [DomainTopic.PRODUCT_CHANGED];
