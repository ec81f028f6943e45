// product.changed: a product's whole state after a change (listing or stock), for the read models other services keep
// (reports). Written to the outbox in the transaction of the change, like every event.
import type { EntityManager } from '@espigon/kit/database/orm';
import { DomainTopic, type ProductChangedPayload } from '@espigon/kit/events/domain-events';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';

interface ProductStateRow {
  product_id: string;
  seller_id: string;
  name: string;
  subcategory_id: string;
  category_id: string;
  listed: boolean;
  deleted: boolean;
  quantity_available: number;
  low_stock_threshold: number;
  price_cents: number;
  changed_at: string;
}

/**
 * Writes one product.changed per product, with its state as this transaction now sees it, read in one statement
 * whatever their number. Call it inside the transaction, after the change is flushed, and while holding the lock on
 * each product's inventory row (every change of a product or its stock takes it): a concurrent change of the same
 * product then commits wholly before this read or waits until this transaction ends, so each event has the whole,
 * current state, and `changedAt` (the database's clock, read after the lock) is later than the previous change's.
 * No live audience: the event is for durable consumers only.
 */
export async function recordProductsChanged(em: EntityManager, productIds: readonly string[]): Promise<number> {
  if (!productIds.length) return 0;
  const rows = await em.execute<ProductStateRow[]>(
    `select p."id" as "product_id", p."seller_id", p."name", p."subcategory_id", s."category_id", p."listed",
       p."deleted_at" is not null as "deleted", i."quantity_on_hand" - i."quantity_reserved" as "quantity_available",
       i."low_stock_threshold", p."price_cents",
       to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "changed_at"
     from "catalog"."product" p
     join "catalog"."subcategory" s on s."id" = p."subcategory_id"
     join "catalog"."inventory" i on i."product_id" = p."id"
     where p."id" in (?) order by p."id"`,
    [[...new Set(productIds)]],
  );
  for (const row of rows) {
    const payload: ProductChangedPayload = {
      productId: row.product_id,
      sellerId: row.seller_id,
      name: row.name,
      subcategoryId: row.subcategory_id,
      categoryId: row.category_id,
      listed: row.listed,
      deleted: row.deleted,
      quantityAvailable: Number(row.quantity_available),
      lowStockThreshold: row.low_stock_threshold,
      priceCents: row.price_cents,
      changedAt: row.changed_at,
    };
    recordOutboxEvent(em, DomainTopic.PRODUCT_CHANGED, { ...payload });
  }
  return rows.length;
}

/** Takes the lock on a product's inventory row for the rest of the transaction (see recordProductsChanged). */
export async function lockProductStock(em: EntityManager, productId: string): Promise<void> {
  await em.execute(`select 1 from "catalog"."inventory" where "product_id" = ? for update`, [productId]);
}
