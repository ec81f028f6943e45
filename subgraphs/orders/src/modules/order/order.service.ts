// Orders after checkout: who may see them, their pages, their life (the state machine applied), expiry of unpaid ones,
// and the stock each change gives back or takes for good (durable jobs that call catalog, retried until done).
import type DataLoader from 'dataloader';
import { Role } from '@espigon/kit/auth/role';
import type { Viewer } from '@espigon/kit/auth/access-token';
import type { ReservationClient } from '@espigon/kit/clients/reservation.client';
import type { EntityManager } from '@espigon/kit/database/orm';
import { isUuid } from '@espigon/kit/database/uuid';
import { AppError, ConflictError, ErrorCode, ForbiddenError, NotFoundError } from '@espigon/kit/errors';
import { DomainTopic, type OrderStatusChangedPayload } from '@espigon/kit/events/domain-events';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';
import { pageSize, toConnection } from '@espigon/kit/graphql/connection';
import { afterNewestFirst, newestFirstCursor, newestFirstOrder } from '@espigon/kit/graphql/newest-first-cursor';
import { enqueueJob, type JobHandler } from '@espigon/kit/jobs/job-queue';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import type { BuyerPageKey } from '../../orders.context';
import { OrderConnection } from './order-connection.type';
import { cancelReason, decideTransition, type OrderParty } from './order-state-machine';
import { OrderStatus } from './order-status.enum';
import { Order } from './order.entity';

/** What an order number looks like: MNT, the year, a sequence of at least six digits. */
const ORDER_NUMBER = /^MNT-\d{4}-\d{6,12}$/;

export const RELEASE_STOCK_JOB = 'orders.release-stock';
export const COMMIT_STOCK_JOB = 'orders.commit-stock';
export const EXPIRE_ORDERS_JOB = 'orders.expire-unpaid';
/** Orders one expiry pass cancels; the next pass takes the rest. */
const EXPIRY_BATCH = 100;

export interface OrderPageArgs {
  first?: number | null;
  after?: string | null;
  status?: OrderStatus | null;
}

/** Who may see an order and every live event about it. */
export const orderAudience = (order: Pick<Order, 'buyerId' | 'sellerId'>) => ({ userIds: [order.buyerId, order.sellerId], roles: [Role.ADMIN] });

export function partyOf(order: Pick<Order, 'buyerId' | 'sellerId'>, viewer: Viewer): OrderParty | null {
  if (viewer.id === order.sellerId) return 'SELLER';
  if (viewer.id === order.buyerId) return 'BUYER';
  if (viewer.role === Role.ADMIN) return 'ADMIN';
  return null;
}

export class OrderService {
  constructor(
    private readonly reservations: ReservationClient,
    private readonly wakeJobs: () => void,
  ) {}

  /** The order if the viewer is its buyer, its seller or an admin; anyone else gets null, as for an unknown id. */
  async find({ em, viewer }: ServiceContext, id: string): Promise<Order | null> {
    if (!viewer || !isUuid(id)) return null;
    const order = await em.findOne(Order, { id: id.toLowerCase(), placed: true });
    return order && partyOf(order, viewer) ? order : null;
  }

  /** The same rule as `find`, by the order's human number (MNT-2026-000123, any letter case). */
  async findByNumber({ em, viewer }: ServiceContext, number: string): Promise<Order | null> {
    const normalized = number.trim().toUpperCase();
    if (!viewer || !ORDER_NUMBER.test(normalized)) return null;
    const order = await em.findOne(Order, { number: normalized, placed: true });
    return order && partyOf(order, viewer) ? order : null;
  }

  /**
   * A buyer's orders (their own; an admin may read anyone's). The first page goes through `firstPages` when given (the
   * request's loader: every buyer of the request in one batch); an id that is no UUID has no orders.
   */
  buyerOrders(
    ctx: ServiceContext,
    buyerId: string,
    args: OrderPageArgs,
    firstPages?: DataLoader<BuyerPageKey, OrderConnection, string>,
  ): Promise<OrderConnection> {
    const viewer = actor(ctx);
    if (viewer.id !== buyerId && viewer.role !== Role.ADMIN) throw new ForbiddenError('Only your own orders');
    const limit = pageSize(args.first);
    if (!isUuid(buyerId)) return Promise.resolve(toConnection(OrderConnection, [] as Order[], limit, 0, newestFirstCursor));
    if (!args.after && firstPages) return firstPages.load({ buyerId: buyerId.toLowerCase(), first: limit, status: args.status ?? null });
    return this.page(ctx.em, { buyerId: buyerId.toLowerCase() }, args);
  }

  /** A seller's incoming orders; an admin sees every order. */
  sellerOrders(ctx: ServiceContext, args: OrderPageArgs): Promise<OrderConnection> {
    const viewer = actor(ctx);
    return this.page(ctx.em, viewer.role === Role.ADMIN ? {} : { sellerId: viewer.id }, args);
  }

  /**
   * Moves an order as the state machine allows: CONFLICT for a move that does not exist from its status (naming both),
   * FORBIDDEN for one that is not the viewer's to make, NOT_FOUND for an order that is not theirs to see.
   */
  async changeStatus(ctx: ServiceContext, orderId: string, target: OrderStatus): Promise<Order> {
    const viewer = actor(ctx);
    const order = await this.find(ctx, orderId);
    if (!order) throw new NotFoundError('Order');
    const changed = await this.transition(ctx.em, order, target, partyOf(order, viewer)!, viewer.id);
    this.wakeJobs();
    return changed;
  }

  /**
   * A payment went through (payments' event, consumed durably): a PENDING order becomes PAID, moved by the market.
   * An order that moved meanwhile (already paid, expired and cancelled) is left as it is; runs in the consumer's
   * transaction, with the inbox record of the event.
   */
  async markPaid(tx: EntityManager, orderId: string): Promise<boolean> {
    const order = await tx.findOne(Order, { id: orderId, placed: true });
    if (!order || order.status !== OrderStatus.PENDING) return false;
    await this.transition(tx, order, OrderStatus.PAID, 'SYSTEM', null);
    return true;
  }

  /** Cancels every placed order still unpaid at `now`; safe to run on several instances at once (each order moves once). */
  async expireUnpaid(em: EntityManager, now: Date = new Date()): Promise<number> {
    let expired = 0;
    const due = await em.find(
      Order,
      { placed: true, status: OrderStatus.PENDING, expiresAt: { $lte: now } },
      { orderBy: { expiresAt: 'asc' }, limit: EXPIRY_BATCH },
    );
    for (const order of due) {
      try {
        await this.transition(em, order, OrderStatus.CANCELLED, 'SYSTEM', null, true);
        expired += 1;
      } catch (err) {
        // paid or cancelled meanwhile: nothing to expire
        if (!(err instanceof AppError && err.extensions.code === ErrorCode.CONFLICT)) throw err;
      }
    }
    if (expired) this.wakeJobs();
    return expired;
  }

  /** The jobs that take stock back to catalog or out of it for good: idempotent calls, retried until catalog answers. */
  stockJobs(): JobHandler[] {
    return [
      {
        name: RELEASE_STOCK_JOB,
        transaction: false,
        run: async ({ orderId }) => {
          await this.settleReservation(() => this.reservations.release(String(orderId)));
        },
      },
      {
        name: COMMIT_STOCK_JOB,
        transaction: false,
        run: async ({ orderId }) => {
          await this.settleReservation(() => this.reservations.commit(String(orderId)));
        },
      },
      {
        name: EXPIRE_ORDERS_JOB,
        transaction: false,
        run: async (_payload, em) => {
          await this.expireUnpaid(em);
        },
      },
    ];
  }

  private async settleReservation(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      // no reservation (never made) or already settled the other way: nothing left to do
      if (err instanceof AppError && (err.extensions.code === ErrorCode.NOT_FOUND || err.extensions.code === ErrorCode.CONFLICT)) return;
      throw err;
    }
  }

  /**
   * One conditional UPDATE (the status it was read in) with its event and stock job in the same transaction: of two
   * concurrent moves of one order only one happens; the other is a CONFLICT.
   */
  private async transition(
    em: EntityManager,
    order: Order,
    target: OrderStatus,
    party: OrderParty,
    actorId: string | null,
    expired = false,
  ): Promise<Order> {
    const from = order.status;
    const decision = decideTransition(from, target, party);
    if (!decision.allowed) {
      if (decision.reason === 'NOT_YOURS') throw new ForbiddenError(`Moving an order from ${from} to ${target} is not yours to do`);
      throw new ConflictError(`The order is ${from}: it cannot become ${target}`);
    }
    const now = new Date();
    const reason = target === OrderStatus.CANCELLED ? cancelReason(party, expired) : null;
    await em.transactional(async (tx) => {
      const moved = await tx.nativeUpdate(
        Order,
        { id: order.id, status: from },
        { status: target, updatedAt: now, ...(reason ? { cancelReason: reason, refundDue: decision.refundDue } : {}) },
      );
      if (moved === 0) throw new ConflictError(`The order changed meanwhile: it is no longer ${from}`);
      const payload: OrderStatusChangedPayload = {
        orderId: order.id,
        number: order.number,
        buyerId: order.buyerId,
        sellerId: order.sellerId,
        from,
        to: target,
        actorId,
        actorRole: party,
        reason,
        refundDue: decision.refundDue,
        totalCents: order.totalCents,
        occurredAt: now.toISOString(),
      };
      recordOutboxEvent(tx, DomainTopic.ORDER_STATUS_CHANGED, { ...payload }, orderAudience(order));
      if (decision.releasesStock) await enqueueJob(tx, RELEASE_STOCK_JOB, { orderId: order.id }, { dedupeKey: `release:${order.id}` });
      if (decision.commitsStock) await enqueueJob(tx, COMMIT_STOCK_JOB, { orderId: order.id }, { dedupeKey: `commit:${order.id}` });
    });
    return Object.assign(order, { status: target, updatedAt: now, ...(reason ? { cancelReason: reason, refundDue: decision.refundDue } : {}) });
  }

  /** Newest first, keyset on (createdAt, id); one statement for the page and, when totalCount is asked, one for the count. */
  private async page(em: EntityManager, owner: { buyerId?: string; sellerId?: string }, args: OrderPageArgs): Promise<OrderConnection> {
    const limit = pageSize(args.first);
    const where: Record<string, unknown> = { placed: true, ...owner, ...(args.status ? { status: args.status } : {}) };
    const filter = args.after ? { $and: [where, afterNewestFirst<Order>(args.after)] } : where;
    const rows = await em.find(Order, filter, { orderBy: newestFirstOrder, limit: limit + 1 });
    return toConnection(OrderConnection, rows, limit, () => em.count(Order, where), newestFirstCursor);
  }
}
