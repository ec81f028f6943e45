// Checkout: the cart becomes one order per seller, with every line's stock reserved in catalog all or nothing.
// It is a saga over two services (see the orders README for the diagram):
//   1. one transaction writes the checkout (keyed by the buyer's idempotency key) and its orders, not yet placed;
//   2. catalog reserves every line of every order in one call keyed by the checkout id (idempotent);
//   3. one transaction places the orders (price snapshots, totals, events) and takes the lines out of the cart.
// A refusal (OUT_OF_STOCK) reserved nothing: the checkout is deleted. An unknown outcome (catalog timed out) or a
// crash is rolled back: the checkout is marked ABANDONED, each order's reservation released, then it is deleted; the
// sweeper finishes that for checkouts a crash or an unreachable catalog left half done.
import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { CheckoutReservation, ReservationClient } from '@espigon/kit/clients/reservation.client';
import type { EntityManager } from '@espigon/kit/database/orm';
import { AppError, BadUserInputError, ErrorCode, ServiceUnavailableError } from '@espigon/kit/errors';
import { DomainTopic, type OrderCreatedPayload, type OrderLinePayload } from '@espigon/kit/events/domain-events';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';
import type { JobHandler } from '@espigon/kit/jobs/job-queue';
import type { Logger } from '@espigon/kit/logger';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import { parseInput } from '@espigon/kit/validation';
import type { CartService } from '../cart/cart.service';
import { DeliveryMethod, OrderStatus } from '../order/order-status.enum';
import { Order, OrderItem } from '../order/order.entity';
import { orderAudience } from '../order/order.service';
import { Checkout, CheckoutStatus, type CheckoutPlanOrder } from './checkout.entity';
import type { CheckoutInput } from './checkout.input';

export const SWEEP_CHECKOUTS_JOB = 'orders.sweep-checkouts';

const singleLine = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .refine((v) => v.length <= max, `must be at most ${max} characters`)
    .refine((v) => !/[\p{Cc}\p{Cf}]/u.test(v.replace(/\n/g, '')), 'must not contain control or invisible characters');

const checkoutInput = z
  .object({
    deliveryMethod: z.enum(DeliveryMethod),
    address: singleLine(300).nullish(),
    notes: singleLine(500).nullish(),
    idempotencyKey: z
      .string()
      .regex(/^[\x21-\x7e]{1,100}$/, 'must be 1 to 100 visible ASCII characters')
      .nullish(),
  })
  .superRefine((input, issue) => {
    if (input.deliveryMethod === DeliveryMethod.DELIVERY && !input.address) {
      issue.addIssue({ code: 'custom', path: ['address'], message: 'an address is required for DELIVERY' });
    }
  });

/** Test seams for the crash tests: each runs at its step and may throw, as a process dying there would stop it. */
export interface CheckoutFaults {
  afterOrdersWritten?(checkoutId: string): Promise<void> | void;
  afterReserved?(checkoutId: string): Promise<void> | void;
}

export interface CheckoutOptions {
  paymentTimeoutMinutes: number;
  staleAfterSeconds: number;
}

export class CheckoutService {
  faults: CheckoutFaults = {};

  constructor(
    private readonly carts: CartService,
    private readonly reservations: ReservationClient,
    private readonly options: CheckoutOptions,
    private readonly logger: Logger,
  ) {}

  async checkout(ctx: ServiceContext, rawInput: CheckoutInput, headerKey?: string | null): Promise<Order[]> {
    const buyerId = actor(ctx).id;
    const input = parseInput(checkoutInput, { ...rawInput, idempotencyKey: rawInput.idempotencyKey ?? headerKey ?? null }, 'input');
    const key = input.idempotencyKey ?? randomUUID();
    const requestHash = hash({ m: input.deliveryMethod, a: input.address ?? null, n: input.notes ?? null });
    const address = input.deliveryMethod === DeliveryMethod.DELIVERY ? input.address! : null;

    const existing = await ctx.em.findOne(Checkout, { buyerId, idempotencyKey: key });
    if (existing) return this.again(ctx, existing, requestHash);

    const lines = await this.carts.lines(ctx.em, buyerId);
    if (!lines.length) throw new BadUserInputError('Your cart is empty', 'cart');

    // 1. the checkout and its orders, one per seller, written before anything is reserved (not placed: invisible)
    const bySeller = new Map<string, CheckoutPlanOrder>();
    for (const line of lines) {
      const order = bySeller.get(line.sellerId) ?? { orderId: randomUUID(), sellerId: line.sellerId, lines: [] };
      order.lines.push({ productId: line.productId, quantity: line.quantity });
      bySeller.set(line.sellerId, order);
    }
    const plan = [...bySeller.values()];
    const checkout = new Checkout();
    Object.assign(checkout, { buyerId, idempotencyKey: key, requestHash, plan });
    try {
      await ctx.em.fork().transactional(async (tx) => {
        tx.persist(checkout);
        for (const planned of plan) {
          const number = await nextOrderNumber(tx);
          tx.persist(
            Object.assign(new Order(), {
              id: planned.orderId,
              number,
              checkoutId: checkout.id,
              buyerId,
              sellerId: planned.sellerId,
              deliveryMethod: input.deliveryMethod,
              deliveryAddress: address,
              notes: input.notes || null,
            }),
          );
        }
      });
    } catch (err) {
      // the same key raced in from another request: answer as a retry
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      const raced = await ctx.em.fork().findOne(Checkout, { buyerId, idempotencyKey: key });
      if (!raced) throw err;
      return this.again(ctx, raced, requestHash);
    }
    await this.faults.afterOrdersWritten?.(checkout.id);
    return this.reserveAndPlace(ctx, checkout);
  }

  /** Checkouts a crash, a timeout or an unreachable catalog left unfinished: their reservations released, then deleted. */
  async sweep(em: EntityManager, now: Date = new Date()): Promise<number> {
    const staleBefore = new Date(now.getTime() - this.options.staleAfterSeconds * 1000);
    const unfinished = await em.find(
      Checkout,
      { $or: [{ status: CheckoutStatus.ABANDONED }, { status: CheckoutStatus.PENDING, touchedAt: { $lt: staleBefore } }] },
      { limit: 50, orderBy: { touchedAt: 'asc' } },
    );
    let swept = 0;
    for (const checkout of unfinished) {
      if (checkout.status === CheckoutStatus.PENDING && !(await this.abandon(em, checkout, staleBefore))) continue;
      if (await this.rollBack(em, checkout)) swept += 1;
    }
    return swept;
  }

  sweepJob(): JobHandler {
    return { name: SWEEP_CHECKOUTS_JOB, transaction: false, run: async (_payload, em) => void (await this.sweep(em)) };
  }

  /** A key seen before: the orders it placed, or the unfinished attempt carried on (catalog's reservation is idempotent). */
  private async again(ctx: ServiceContext, checkout: Checkout, requestHash: string): Promise<Order[]> {
    if (checkout.requestHash !== requestHash) {
      throw new AppError(ErrorCode.CONFLICT, 'This idempotency key was used for another checkout (other delivery or notes)');
    }
    if (checkout.status === CheckoutStatus.COMPLETED) return this.ordersOf(ctx.em, checkout.id);
    if (checkout.status === CheckoutStatus.ABANDONED) {
      throw new ServiceUnavailableError('This checkout was interrupted and is being undone; try again in a moment');
    }
    // still PENDING: claim it (the sweeper leaves a checkout alone while a request touches it) and carry on
    const claimed = await ctx.em.nativeUpdate(Checkout, { id: checkout.id, status: CheckoutStatus.PENDING }, { touchedAt: new Date() });
    if (!claimed) {
      // it moved meanwhile: completed (answer with its orders) or rolled back and gone (the client tries again)
      const now = await ctx.em.fork().findOne(Checkout, { id: checkout.id });
      if (!now) throw new ServiceUnavailableError('This checkout was interrupted; nothing was ordered, try again');
      return this.again(ctx, now, requestHash);
    }
    return this.reserveAndPlace(ctx, checkout);
  }

  private async reserveAndPlace(ctx: ServiceContext, checkout: Checkout): Promise<Order[]> {
    // 2. every line of every order, in one call
    let reservation: CheckoutReservation;
    try {
      reservation = await this.reservations.reserveCheckout(
        checkout.id,
        checkout.plan.map((o) => ({ orderId: o.orderId, lines: o.lines })),
      );
    } catch (err) {
      if (err instanceof AppError && err.extensions.code !== ErrorCode.SERVICE_UNAVAILABLE) {
        // refused (OUT_OF_STOCK, a product gone): catalog reserved nothing
        await this.delete(ctx.em.fork(), checkout.id);
        throw err;
      }
      // unknown outcome: undo whatever catalog may hold now; the sweeper retries what this cannot finish
      await this.undo(ctx.em.fork(), checkout);
      throw err instanceof AppError ? err : new ServiceUnavailableError('The catalog service did not answer; nothing was ordered, try again');
    }
    if (reservation.orders.some((o) => o.status !== 'RESERVED')) {
      // the sweeper released this attempt while the request was away
      await this.undo(ctx.em.fork(), checkout);
      throw new ServiceUnavailableError('This checkout was interrupted; nothing was ordered, try again');
    }
    await this.faults.afterReserved?.(checkout.id);

    // 3. place the orders: snapshots, totals, events, the cart emptied of what was bought; only if still PENDING
    const placed = await ctx.em.fork().transactional(async (tx) => {
      const done = await tx.nativeUpdate(
        Checkout,
        { id: checkout.id, status: CheckoutStatus.PENDING },
        { status: CheckoutStatus.COMPLETED, touchedAt: new Date() },
      );
      if (!done) return false;
      const orders = await tx.find(Order, { checkoutId: checkout.id }, { orderBy: { number: 'asc' } });
      const expiresAt = new Date(Date.now() + this.options.paymentTimeoutMinutes * 60_000);
      for (const order of orders) {
        const reserved = reservation.orders.find((o) => o.orderId === order.id)!;
        let total = 0;
        const lines: OrderLinePayload[] = [];
        for (const line of reserved.lines) {
          const lineTotal = line.priceCents * line.quantity;
          total += lineTotal;
          // the event carries the order's own snapshot, the same values as the item written beside it
          lines.push({
            productId: line.productId,
            name: line.name,
            quantity: line.quantity,
            unitPriceCents: line.priceCents,
            lineTotalCents: lineTotal,
          });
          tx.persist(
            Object.assign(new OrderItem(), {
              orderId: order.id,
              productId: line.productId,
              productName: line.name,
              unitPriceCents: line.priceCents,
              unit: line.unit,
              quantity: line.quantity,
              lineTotalCents: lineTotal,
            }),
          );
        }
        Object.assign(order, { placed: true, totalCents: total, expiresAt, updatedAt: new Date() });
        const payload: OrderCreatedPayload = {
          orderId: order.id,
          number: order.number,
          checkoutId: checkout.id,
          buyerId: order.buyerId,
          sellerId: order.sellerId,
          status: OrderStatus.PENDING,
          totalCents: total,
          itemCount: reserved.lines.length,
          deliveryMethod: order.deliveryMethod,
          createdAt: order.createdAt.toISOString(),
          lines,
        };
        recordOutboxEvent(tx, DomainTopic.ORDER_CREATED, { ...payload }, orderAudience(order));
      }
      await this.carts.removeBought(
        tx,
        checkout.buyerId,
        checkout.plan.flatMap((o) => o.lines),
      );
      return true;
    });
    if (!placed) {
      const now = await ctx.em.fork().findOne(Checkout, { id: checkout.id });
      if (now?.status === CheckoutStatus.COMPLETED) return this.ordersOf(ctx.em, checkout.id);
      // rolled back meanwhile (a concurrent retry was refused, or the sweeper): what this call held goes back too
      if (now) await this.undo(ctx.em.fork(), now);
      else await this.releaseOrders(checkout).catch(() => undefined);
      throw new ServiceUnavailableError('This checkout was interrupted; nothing was ordered, try again');
    }
    ctx.logger.info({ checkoutId: checkout.id, orders: checkout.plan.length }, 'checkout placed');
    return this.ordersOf(ctx.em, checkout.id);
  }

  /** Gives up on an attempt now: marked ABANDONED (so no request places it), its reservations released, deleted. */
  private async undo(em: EntityManager, checkout: Checkout): Promise<void> {
    await em.nativeUpdate(Checkout, { id: checkout.id, status: CheckoutStatus.PENDING }, { status: CheckoutStatus.ABANDONED });
    const fresh = await em.findOne(Checkout, { id: checkout.id });
    if (fresh?.status === CheckoutStatus.ABANDONED) await this.rollBack(em, fresh);
  }

  /** PENDING → ABANDONED unless a request touched it since `staleBefore`. */
  private async abandon(em: EntityManager, checkout: Checkout, staleBefore: Date): Promise<boolean> {
    const marked = await em.nativeUpdate(
      Checkout,
      { id: checkout.id, status: CheckoutStatus.PENDING, touchedAt: { $lt: staleBefore } },
      { status: CheckoutStatus.ABANDONED },
    );
    return marked === 1;
  }

  /** Releases each order's reservation (none held is fine), then deletes the attempt; false when catalog is unreachable. */
  private async rollBack(em: EntityManager, checkout: Checkout): Promise<boolean> {
    try {
      await this.releaseOrders(checkout);
    } catch (err) {
      this.logger.warn({ checkoutId: checkout.id, cause: (err as Error).message }, 'checkout roll-back deferred: catalog did not release');
      return false;
    }
    await this.delete(em, checkout.id);
    this.logger.info({ checkoutId: checkout.id }, 'unfinished checkout rolled back');
    return true;
  }

  /** Each order's reservation given back at catalog (idempotent; an order that holds none is fine). */
  private async releaseOrders(checkout: Checkout): Promise<void> {
    for (const order of checkout.plan) {
      try {
        await this.reservations.release(order.orderId);
      } catch (err) {
        if (!(err instanceof AppError && err.extensions.code === ErrorCode.NOT_FOUND)) throw err;
      }
    }
  }

  private async delete(em: EntityManager, checkoutId: string): Promise<void> {
    await em.transactional(async (tx) => {
      await tx.nativeDelete(Order, { checkoutId, placed: false });
      await tx.nativeDelete(Checkout, { id: checkoutId, status: { $ne: CheckoutStatus.COMPLETED } });
    });
  }

  private ordersOf(em: EntityManager, checkoutId: string): Promise<Order[]> {
    return em.fork().find(Order, { checkoutId, placed: true }, { orderBy: { number: 'asc' } });
  }
}

/** MNT-<year in Manta>-<market-wide sequence>, e.g. MNT-2026-000123. */
async function nextOrderNumber(tx: EntityManager): Promise<string> {
  const [{ n }] = await tx.execute<{ n: string }[]>(`select nextval('"orders"."order_number_seq"') as n`);
  // Ecuador's mainland is UTC−5 all year
  const year = new Date(Date.now() - 5 * 3600_000).getUTCFullYear();
  return `MNT-${year}-${String(n).padStart(6, '0')}`;
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
