// Keeps order_line and product_day in step with order_fact: called by the read-model projector inside the event's
// transaction, with the order's row locked and its state before and after the event, so the products' daily rows move
// by exactly the difference the event made (the same figures whatever order the events came in).
import { DomainTopic } from '@espigon/kit/events/domain-events';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import type { OrderFactState } from '../read-model/order-fact-rules';
import { linesOf, productSaleDeltas, productSalesOf, type OrderLine } from './line-sales-rules';

interface OrderLineRow {
  product_id: string;
  quantity: number;
  line_total_cents: number;
}

export class ProductSalesProjector {
  async apply(tx: EntityManager, envelope: OutboxEnvelope, before: OrderFactState, after: OrderFactState): Promise<void> {
    const stored = await tx.execute<OrderLineRow[]>(
      `select "product_id", "quantity", "line_total_cents" from "reports"."order_line" where "order_id" = ? order by "line"`,
      [after.orderId],
    );
    const linesBefore: OrderLine[] = stored.map((r) => ({ productId: r.product_id, quantity: r.quantity, lineTotalCents: r.line_total_cents }));
    let linesAfter = linesBefore;
    if (envelope.topic === DomainTopic.ORDER_CREATED && !linesBefore.length) {
      linesAfter = linesOf(envelope);
      for (const [line, l] of linesAfter.entries()) {
        await tx.execute(
          `insert into "reports"."order_line" ("order_id", "line", "product_id", "quantity", "line_total_cents") values (?, ?, ?, ?, ?)
           on conflict do nothing`,
          [after.orderId, line, l.productId, l.quantity, l.lineTotalCents],
        );
      }
    }
    for (const delta of productSaleDeltas(productSalesOf(before, linesBefore), productSalesOf(after, linesAfter))) {
      await tx.execute(
        `insert into "reports"."product_day" ("product_id", "day", "seller_id", "quantity_sold", "revenue_cents") values (?, ?, ?, ?, ?)
         on conflict ("product_id", "day") do update set "quantity_sold" = "product_day"."quantity_sold" + excluded."quantity_sold",
           "revenue_cents" = "product_day"."revenue_cents" + excluded."revenue_cents"`,
        [delta.productId, delta.day, after.sellerId, delta.quantity, delta.revenueCents],
      );
    }
  }
}
