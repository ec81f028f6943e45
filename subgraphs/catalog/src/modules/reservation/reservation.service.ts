// Stock held for orders (the orders subgraph calls it at checkout, payment, cancellation): all the orders of a
// checkout at once or none, idempotent per checkout; each order released or committed alone.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { BadUserInputError, ConflictError, NotFoundError } from '@espigon/kit/errors';
import { recordAlertIfDue } from '../inventory/inventory.service';
import { recordProductsChanged } from '../product/product-events';
import { QUANTITY_MAX, orderableSql, requireId } from '../product/product-rules';
import type { Unit } from '../product/unit.enum';
import { OutOfStockError, type OutOfStockLine } from './reservation.errors';
import { ReservationStatus } from './reservation-status.enum';
import { Reservation } from './reservation.entity';

export const RESERVATION_LINES_MAX = 100;
/** One order per seller: a checkout from more stalls than this is not a basket. */
export const CHECKOUT_ORDERS_MAX = 20;

export interface CheckoutOrderInput {
  orderId: string;
  lines: readonly ReservationLineInput[];
}

export interface CheckoutReservationView {
  checkoutId: string;
  orders: ReservationView[];
}

export interface ReservationLineInput {
  productId: string;
  quantity: number;
}

export interface ReservationLineView {
  productId: string;
  quantity: number;
  status: ReservationStatus;
  /** Catalog data at the time of the call, so orders can split by seller and snapshot prices. */
  sellerId: string;
  name: string;
  priceCents: number;
  unit: Unit;
}

export interface ReservationView {
  orderId: string;
  status: ReservationStatus;
  lines: ReservationLineView[];
}

interface ReservedRow {
  quantity_on_hand: number;
  quantity_reserved: number;
  low_stock_threshold: number;
  seller_id: string;
  name: string;
}

/** Validates the lines, merges repeated products, and sorts them by product id (the lock order). */
export function normaliseReservationLines(lines: readonly ReservationLineInput[]): ReservationLineInput[] {
  if (!lines.length) throw new BadUserInputError('lines must not be empty', 'lines');
  if (lines.length > RESERVATION_LINES_MAX) throw new BadUserInputError(`lines may hold at most ${RESERVATION_LINES_MAX} entries`, 'lines');
  const merged = new Map<string, number>();
  lines.forEach((line, i) => {
    const productId = requireId(line.productId, `lines[${i}].productId`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > QUANTITY_MAX) {
      throw new BadUserInputError(`lines[${i}].quantity must be a whole number between 1 and ${QUANTITY_MAX}`, `lines[${i}].quantity`);
    }
    merged.set(productId, (merged.get(productId) ?? 0) + line.quantity);
  });
  return [...merged]
    .map(([productId, quantity]) => ({ productId, quantity }))
    .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}

export class ReservationService {
  /** One order on its own (its checkout is itself): the shape orders used before multi-seller checkout. */
  async reserve(
    ctx: ServiceContext,
    orderIdInput: string,
    linesInput: readonly ReservationLineInput[],
  ): Promise<{ created: boolean; reservation: ReservationView }> {
    const orderId = requireId(orderIdInput, 'orderId');
    const { created, checkout } = await this.reserveCheckout(ctx, orderId, [{ orderId, lines: linesInput }]);
    return { created, reservation: checkout.orders[0] };
  }

  /**
   * Holds stock for every line of every order of a checkout, or for none (OUT_OF_STOCK naming the lines that
   * failed). Each line is one conditional UPDATE (available >= quantity), all taken in product-id order so
   * concurrent checkouts never deadlock; the CHECK constraint on inventory is the backstop. Calling it again with
   * the same checkout and orders changes nothing and returns the same reservations; anything else is a conflict.
   */
  async reserveCheckout(
    ctx: ServiceContext,
    checkoutIdInput: string,
    ordersInput: readonly CheckoutOrderInput[],
  ): Promise<{ created: boolean; checkout: CheckoutReservationView }> {
    const { em } = ctx;
    const checkoutId = requireId(checkoutIdInput, 'checkoutId');
    const orders = normaliseCheckoutOrders(ordersInput);
    const orderIds = orders.map((o) => o.orderId);
    let created = false;
    try {
      await em.transactional(async (tx) => {
        const existing = await tx.find(Reservation, { $or: [{ checkoutId }, { orderId: { $in: orderIds } }] });
        if (existing.length) {
          assertSameCheckout(existing, checkoutId, orders);
          return;
        }
        const failed: OutOfStockLine[] = [];
        const allLines = orders.flatMap((o) => o.lines).sort((a, b) => (a.productId < b.productId ? -1 : 1));
        for (const line of allLines) {
          const [row] = await tx.execute<ReservedRow[]>(
            `update "catalog"."inventory" i
             set "quantity_reserved" = i."quantity_reserved" + ?, "updated_at" = now()
             from "catalog"."product" p
             where i."product_id" = ? and p."id" = i."product_id" and ${orderableSql('?')}
             returning i."quantity_on_hand", i."quantity_reserved", i."low_stock_threshold", p."seller_id", p."name"`,
            [line.quantity, line.productId, line.quantity],
          );
          if (!row) {
            failed.push({ productId: line.productId, requested: line.quantity, available: 0 });
            continue;
          }
          const available = row.quantity_on_hand - row.quantity_reserved;
          const stock = { productId: line.productId, quantityAvailable: available, lowStockThreshold: row.low_stock_threshold };
          recordAlertIfDue(tx, { sellerId: row.seller_id, name: row.name }, stock, available + line.quantity);
        }
        if (failed.length) throw new OutOfStockError(await availableNow(tx, failed));
        // the new state of every product held, in one statement, while the updates above hold their stock rows
        await recordProductsChanged(
          tx,
          allLines.map((l) => l.productId),
        );
        for (const order of orders) {
          for (const line of order.lines) tx.create(Reservation, { checkoutId, orderId: order.orderId, ...line } as Reservation);
        }
        created = true;
      });
    } catch (err) {
      // a concurrent call for the same checkout got there first (its rows hit the unique key): it is a retry
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      assertSameCheckout(await em.fork().find(Reservation, { $or: [{ checkoutId }, { orderId: { $in: orderIds } }] }), checkoutId, orders);
      created = false;
    }
    const views = await Promise.all(orderIds.map((orderId) => this.find(ctx, orderId)));
    return { created, checkout: { checkoutId, orders: views.map((v) => v!) } };
  }

  /** Gives the held stock back (cancelled or expired order). Releasing twice is a no-op; after commit it is a conflict. */
  release(ctx: ServiceContext, orderId: string): Promise<ReservationView> {
    return this.transition(ctx, orderId, ReservationStatus.RELEASED, (r) => [
      `update "catalog"."inventory" set "quantity_reserved" = "quantity_reserved" - ?, "updated_at" = now()
       where "product_id" = ? and "quantity_reserved" >= ?`,
      [r.quantity, r.productId, r.quantity],
    ]);
  }

  /** Takes the held stock out for good (order paid or delivered): on hand and reserved both decrease. */
  commit(ctx: ServiceContext, orderId: string): Promise<ReservationView> {
    return this.transition(ctx, orderId, ReservationStatus.COMMITTED, (r) => [
      `update "catalog"."inventory" set "quantity_on_hand" = "quantity_on_hand" - ?, "quantity_reserved" = "quantity_reserved" - ?,
       "updated_at" = now() where "product_id" = ? and "quantity_reserved" >= ?`,
      [r.quantity, r.quantity, r.productId, r.quantity],
    ]);
  }

  async find({ em }: ServiceContext, orderIdInput: string): Promise<ReservationView | null> {
    const orderId = requireId(orderIdInput, 'orderId');
    const rows = await em.execute<
      { product_id: string; quantity: number; status: ReservationStatus; seller_id: string; name: string; price_cents: number; unit: Unit }[]
    >(
      `select r."product_id", r."quantity", r."status", p."seller_id", p."name", p."price_cents", p."unit"
       from "catalog"."reservation" r join "catalog"."product" p on p."id" = r."product_id"
       where r."order_id" = ? order by r."product_id"`,
      [orderId],
    );
    if (!rows.length) return null;
    return {
      orderId,
      status: rows[0].status,
      lines: rows.map((r) => ({
        productId: r.product_id,
        quantity: r.quantity,
        status: r.status,
        sellerId: r.seller_id,
        name: r.name,
        priceCents: r.price_cents,
        unit: r.unit,
      })),
    };
  }

  private async transition(
    ctx: ServiceContext,
    orderIdInput: string,
    target: ReservationStatus.RELEASED | ReservationStatus.COMMITTED,
    stockChange: (r: Reservation) => [string, unknown[]],
  ): Promise<ReservationView> {
    const orderId = requireId(orderIdInput, 'orderId');
    await ctx.em.transactional(async (tx) => {
      // locking the order's lines serialises a release racing a commit of the same order
      const rows = await tx.find(Reservation, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { productId: 'asc' }, refresh: true });
      if (!rows.length) throw new NotFoundError('Reservation');
      const other = target === ReservationStatus.RELEASED ? ReservationStatus.COMMITTED : ReservationStatus.RELEASED;
      if (rows.some((r) => r.status === other)) {
        throw new ConflictError(`The reservation of this order is already ${other.toLowerCase()}`);
      }
      const held = rows.filter((r) => r.status === ReservationStatus.RESERVED);
      for (const row of held) {
        const [sql, params] = stockChange(row);
        const result = await tx.execute<{ affectedRows: number }>(sql, params, 'run');
        // cannot happen while the CHECK and this service hold; if it does, nothing is changed
        if (result.affectedRows !== 1) throw new Error(`inventory of ${row.productId} does not hold the reserved quantity`);
        row.status = target;
      }
      // their new stock, in one statement (nothing when released or committed already: a retry changes nothing)
      await recordProductsChanged(
        tx,
        held.map((r) => r.productId),
      );
    });
    return (await this.find(ctx, orderId))!;
  }
}

/** Validates a checkout's orders: distinct ids, valid lines, and a product in one order only (one seller each). */
export function normaliseCheckoutOrders(orders: readonly CheckoutOrderInput[]): { orderId: string; lines: ReservationLineInput[] }[] {
  if (!orders.length) throw new BadUserInputError('orders must not be empty', 'orders');
  if (orders.length > CHECKOUT_ORDERS_MAX) throw new BadUserInputError(`orders may hold at most ${CHECKOUT_ORDERS_MAX} entries`, 'orders');
  const seenOrders = new Set<string>();
  const seenProducts = new Set<string>();
  return orders.map((order, i) => {
    const orderId = requireId(order.orderId, `orders[${i}].orderId`);
    if (seenOrders.has(orderId)) throw new BadUserInputError(`orders[${i}].orderId appears twice`, `orders[${i}].orderId`);
    seenOrders.add(orderId);
    const lines = normaliseReservationLines(order.lines);
    for (const line of lines) {
      if (seenProducts.has(line.productId))
        throw new BadUserInputError(`product ${line.productId} is in two orders of one checkout`, `orders[${i}].lines`);
      seenProducts.add(line.productId);
    }
    return { orderId, lines };
  });
}

/** A retry must name the same orders with the same lines; an order already reserved elsewhere is a conflict. */
function assertSameCheckout(existing: Reservation[], checkoutId: string, orders: { orderId: string; lines: ReservationLineInput[] }[]): void {
  if (existing.some((r) => r.checkoutId !== checkoutId)) throw new ConflictError('An order of this checkout is already reserved by another checkout');
  const held = new Map(existing.map((r) => [`${r.orderId}:${r.productId}`, r.quantity]));
  const wanted = orders.flatMap((o) => o.lines.map((l) => [`${o.orderId}:${l.productId}`, l.quantity] as const));
  const same = held.size === wanted.length && wanted.every(([key, quantity]) => held.get(key) === quantity);
  if (!same) throw new ConflictError('This checkout already holds a reservation with other orders or lines');
}

/** What each failed line could get now (0 for products that are deleted, unlisted or unknown). */
async function availableNow(em: EntityManager, failed: OutOfStockLine[]): Promise<OutOfStockLine[]> {
  const rows = await em.execute<{ product_id: string; available: number }[]>(
    `select i."product_id", i."quantity_on_hand" - i."quantity_reserved" as "available"
     from "catalog"."inventory" i join "catalog"."product" p on p."id" = i."product_id"
     where i."product_id" in (?) and p."deleted_at" is null and p."listed"`,
    [failed.map((l) => l.productId)],
  );
  const available = new Map(rows.map((r) => [r.product_id, r.available]));
  return failed.map((l) => ({ ...l, available: available.get(l.productId) ?? 0 }));
}
