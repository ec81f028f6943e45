// Keeps order_line and product_day in step with order_fact: called by the read-model projector inside the event's
// transaction, with the order's row locked and its state before and after the event, so the products' daily rows move
// by exactly the difference the event made (the same figures whatever order the events came in). Its writes join the
// projector's single statement for the event.
import { DomainTopic } from '@espigon/kit/events/domain-events';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { BatchedWrites } from '../read-model/batched-writes';
import { saleOf, type OrderFactState } from '../read-model/order-fact-rules';
import { linesOf, productSaleDeltas, productSalesOf, type OrderLine } from './line-sales-rules';

interface OrderLineRow {
  product_id: string;
  quantity: number;
  line_total_cents: number;
}

export class ProductSalesProjector {
  async apply(tx: EntityManager, envelope: OutboxEnvelope, before: OrderFactState, after: OrderFactState, writes: BatchedWrites): Promise<void> {
    const created = envelope.topic === DomainTopic.ORDER_CREATED;
    // the lines matter only to an order.created (to store them once) or when the order is a sale before or after
    if (!created && !saleOf(before) && !saleOf(after)) return;
    const stored = await tx.execute<OrderLineRow[]>(
      `select "product_id", "quantity", "line_total_cents" from "reports"."order_line" where "order_id" = ? order by "line"`,
      [after.orderId],
    );
    const linesBefore: OrderLine[] = stored.map((r) => ({ productId: r.product_id, quantity: r.quantity, lineTotalCents: r.line_total_cents }));
    let linesAfter = linesBefore;
    if (created && !linesBefore.length) {
      linesAfter = linesOf(envelope);
      if (linesAfter.length) {
        const rows = BatchedWrites.values(linesAfter.map((l, line) => [after.orderId, line, l.productId, l.quantity, l.lineTotalCents]));
        writes.add(
          `insert into "reports"."order_line" ("order_id", "line", "product_id", "quantity", "line_total_cents") ${rows.sql} on conflict do nothing`,
          rows.params,
        );
      }
    }
    const deltas = productSaleDeltas(productSalesOf(before, linesBefore), productSalesOf(after, linesAfter));
    if (deltas.length) {
      const rows = BatchedWrites.values(deltas.map((d) => [d.productId, d.day, after.sellerId, d.quantity, d.revenueCents]));
      writes.add(
        `insert into "reports"."product_day" ("product_id", "day", "seller_id", "quantity_sold", "revenue_cents") ${rows.sql}
         on conflict ("product_id", "day") do update set "quantity_sold" = "product_day"."quantity_sold" + excluded."quantity_sold",
           "revenue_cents" = "product_day"."revenue_cents" + excluded."revenue_cents"`,
        rows.params,
      );
    }
  }
}
