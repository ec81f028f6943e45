// Payments: the buyer pays an order (card through the processor, or cash/transfer confirmed by the seller), the
// processor's events settle it, money goes back by refund. The amount always comes from the order (orders' internal
// API), never from the client. Every settled change writes its event through the outbox in the same transaction.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { Role } from '@espigon/kit/auth/role';
import type { OrdersClient } from '@espigon/kit/clients/orders.client';
import type { EntityManager } from '@espigon/kit/database/orm';
import { isUuid } from '@espigon/kit/database/uuid';
import { AppError, BadUserInputError, ConflictError, ErrorCode, ForbiddenError, NotFoundError } from '@espigon/kit/errors';
import { DomainTopic, type PaymentFailedPayload, type PaymentRefundedPayload, type PaymentSucceededPayload } from '@espigon/kit/events/domain-events';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';
import { enqueueJob, type JobHandler } from '@espigon/kit/jobs/job-queue';
import type { Logger } from '@espigon/kit/logger';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import { parseInput } from '@espigon/kit/validation';
import { MIN_CHARGE_CENTS, type PaymentProcessor } from './payment-processor';
import { PaymentMethodKind, PaymentStatus } from './payment-status.enum';
import { Payment, Refund } from './payment.entity';

export const REFUND_JOB = 'payments.refund';
const SETTLED = [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED];

const refundInput = z.object({
  amountCents: z.number().int().min(1).nullish(),
  reason: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v.length <= 200, 'must be at most 200 characters')
    .nullish(),
});

/** Who may see a payment and its events: the order's buyer and seller, and admins. */
const audience = (payment: Payment) => ({ userIds: [payment.buyerId, payment.sellerId], roles: [Role.ADMIN] });

export class PaymentService {
  constructor(
    private readonly orders: OrdersClient,
    private readonly processor: PaymentProcessor,
    private readonly wakeJobs: () => void,
    private readonly logger: Logger,
  ) {}

  /** The payment if the viewer is the order's buyer or seller, or an admin; null otherwise (as for none). */
  visible(ctx: ServiceContext, payment: Payment | null): Payment | null {
    const viewer = ctx.viewer;
    if (!payment || !viewer) return null;
    return viewer.id === payment.buyerId || viewer.id === payment.sellerId || viewer.role === Role.ADMIN ? payment : null;
  }

  /**
   * The buyer pays their PENDING order. One payment per order: asking again returns the same one (a failed card
   * payment is retried on the same intent). CARD gets a processor intent whose client secret only the buyer sees.
   */
  async create(ctx: ServiceContext, orderIdInput: string, method: PaymentMethodKind): Promise<Payment> {
    const viewer = actor(ctx);
    if (!isUuid(orderIdInput)) throw new BadUserInputError('orderId must be an id', 'orderId');
    const order = await this.orders.find(orderIdInput.toLowerCase());
    if (!order || order.buyerId !== viewer.id) throw new NotFoundError('Order');
    let payment = await ctx.em.findOne(Payment, { orderId: order.id });
    if (!payment) {
      if (order.status !== 'PENDING') throw new ConflictError(`The order is ${order.status}: there is nothing to pay`);
      if (method === PaymentMethodKind.CARD && order.totalCents < MIN_CHARGE_CENTS) {
        throw new BadUserInputError(`Card payments start at $0.50; pay this order in cash or by transfer`, 'method');
      }
      try {
        payment = ctx.em.create(Payment, {
          orderId: order.id,
          orderNumber: order.number,
          buyerId: order.buyerId,
          sellerId: order.sellerId,
          method,
          amountCents: order.totalCents,
        } as Payment);
        await ctx.em.flush();
      } catch (err) {
        // the same buyer's concurrent call made it: answer as a retry
        if (!(err instanceof UniqueConstraintViolationException)) throw err;
        ctx.em.clear();
        payment = await ctx.em.findOneOrFail(Payment, { orderId: order.id });
      }
    }
    if (payment.method !== method) {
      throw new ConflictError(`This order already has a ${payment.method} payment (${payment.status})`);
    }
    if (payment.method === PaymentMethodKind.CARD && !payment.processorRef) {
      // idempotent at the processor: a retry after a timeout gets the same intent, never a second charge
      const intent = await this.processor.createIntent(
        payment.amountCents,
        { orderId: payment.orderId, paymentId: payment.id },
        `payment-${payment.id}`,
      );
      await ctx.em.nativeUpdate(Payment, { id: payment.id }, { processorRef: intent.id, clientSecret: intent.clientSecret });
      Object.assign(payment, { processorRef: intent.id, clientSecret: intent.clientSecret });
    }
    if (payment.status === PaymentStatus.FAILED) {
      await ctx.em.nativeUpdate(
        Payment,
        { id: payment.id, status: PaymentStatus.FAILED },
        { status: PaymentStatus.REQUIRES_PAYMENT, failureReason: null },
      );
      Object.assign(payment, { status: PaymentStatus.REQUIRES_PAYMENT, failureReason: null });
    }
    return payment;
  }

  /** Cash or transfer received: the order's seller or an admin confirms it. */
  async confirmOffline(ctx: ServiceContext, paymentId: string): Promise<Payment> {
    const viewer = actor(ctx);
    const payment = this.visible(ctx, isUuid(paymentId) ? await ctx.em.findOne(Payment, { id: paymentId.toLowerCase() }) : null);
    if (!payment) throw new NotFoundError('Payment');
    if (viewer.id !== payment.sellerId && viewer.role !== Role.ADMIN) throw new ForbiddenError('Only the seller or an admin confirms a payment');
    if (payment.method === PaymentMethodKind.CARD) throw new ConflictError('Card payments are confirmed by the processor, not by hand');
    return ctx.em.transactional(async (tx) => {
      const managed = await tx.findOneOrFail(Payment, { id: payment.id }, { refresh: true });
      if (managed.status !== PaymentStatus.REQUIRES_PAYMENT) throw new ConflictError(`The payment is ${managed.status}`);
      await this.succeed(tx, managed);
      return managed;
    });
  }

  /** The processor says the card went through (webhook, or the simulation in mock mode); later repeats change nothing. */
  async cardSucceeded(tx: EntityManager, intentId: string): Promise<Payment | null> {
    const payment = await tx.findOne(Payment, { processorRef: intentId });
    if (!payment) return null;
    if ([PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.PROCESSING, PaymentStatus.FAILED].includes(payment.status)) await this.succeed(tx, payment);
    return payment;
  }

  /** The card was declined: the payment can be tried again; an already settled one is left alone (events out of order). */
  async cardFailed(tx: EntityManager, intentId: string, reason: string | null): Promise<Payment | null> {
    const payment = await tx.findOne(Payment, { processorRef: intentId });
    if (!payment || !(payment.status === PaymentStatus.REQUIRES_PAYMENT || payment.status === PaymentStatus.PROCESSING)) return payment;
    payment.status = PaymentStatus.FAILED;
    payment.failureReason = reason?.slice(0, 255) ?? null;
    const event: PaymentFailedPayload = {
      paymentId: payment.id,
      orderId: payment.orderId,
      buyerId: payment.buyerId,
      sellerId: payment.sellerId,
      reason: payment.failureReason,
    };
    recordOutboxEvent(tx, DomainTopic.PAYMENT_FAILED, { ...event }, audience(payment));
    return payment;
  }

  /** Stripe's running total of what was refunded on an intent (charge.refunded): never lowers what we know. */
  async cardRefundedTotal(tx: EntityManager, intentId: string, refundedCents: number): Promise<Payment | null> {
    const payment = await tx.findOne(Payment, { processorRef: intentId });
    if (!payment || refundedCents <= payment.refundedCents) return payment;
    const total = Math.min(refundedCents, payment.amountCents);
    this.recordRefunded(tx, payment, total - payment.refundedCents);
    return payment;
  }

  /** Money back, by an admin or the order's seller: all that is left by default, never more than was paid. */
  async refund(ctx: ServiceContext, paymentId: string, amountInput?: number | null, reasonInput?: string | null): Promise<Payment> {
    const viewer = actor(ctx);
    const { amountCents, reason } = parseInput(refundInput, { amountCents: amountInput, reason: reasonInput });
    const payment = this.visible(ctx, isUuid(paymentId) ? await ctx.em.findOne(Payment, { id: paymentId.toLowerCase() }) : null);
    if (!payment) throw new NotFoundError('Payment');
    if (viewer.id !== payment.sellerId && viewer.role !== Role.ADMIN) throw new ForbiddenError('Only the seller of the order or an admin refunds');
    await this.startRefund(ctx.em, payment, amountCents ?? null, reason ?? null, viewer.id);
    return ctx.em.fork().findOneOrFail(Payment, { id: payment.id });
  }

  /** An order cancelled after payment (orders' event): whatever is left goes back, once however often the event comes. */
  async refundCancelledOrder(tx: EntityManager, orderId: string): Promise<void> {
    const payment = await tx.findOne(Payment, { orderId });
    if (!payment || !SETTLED.includes(payment.status) || payment.refundedCents >= payment.amountCents) return;
    await this.startRefund(tx, payment, null, 'Pedido cancelado', null);
  }

  /** Carries out refunds at the processor (cards), retried until it answers; the same refund is never made twice. */
  refundJob(): JobHandler {
    return {
      name: REFUND_JOB,
      transaction: false,
      run: async ({ refundId }, em) => {
        const refund = await em.findOne(Refund, { id: String(refundId) });
        if (!refund || refund.status !== 'PENDING') return;
        const payment = await em.findOneOrFail(Payment, { id: refund.paymentId });
        const made = await this.processor.refund(payment.processorRef!, refund.amountCents, `refund-${refund.id}`);
        await em.nativeUpdate(Refund, { id: refund.id }, { status: 'DONE', processorRef: made.id });
      },
    };
  }

  /**
   * Reserves the amount on the payment (one conditional UPDATE: never above what was paid, even with two refunds at
   * once), records the refund and its event, and for cards enqueues the processor call, all in one transaction.
   */
  private async startRefund(
    em: EntityManager,
    payment: Payment,
    amountCents: number | null,
    reason: string | null,
    requestedBy: string | null,
  ): Promise<void> {
    if (!SETTLED.includes(payment.status)) throw new ConflictError(`The payment is ${payment.status}: there is nothing to refund`);
    const left = payment.amountCents - payment.refundedCents;
    if (left <= 0) throw new ConflictError('Everything paid has been refunded already');
    const amount = amountCents ?? left;
    if (amount < 1 || amount > left)
      throw new AppError(ErrorCode.BAD_USER_INPUT, `At most ${left} cents can still be refunded`, { field: 'amountCents' });
    await em.transactional(async (tx) => {
      const reserved = await tx.execute<{ refunded_cents: number }[]>(
        `update "payments"."payment" set "refunded_cents" = "refunded_cents" + ?, "updated_at" = now()
         where "id" = ? and "refunded_cents" + ? <= "amount_cents" returning "refunded_cents"`,
        [amount, payment.id, amount],
      );
      if (!reserved.length) throw new ConflictError('The payment changed meanwhile: less is left to refund');
      const card = payment.method === PaymentMethodKind.CARD;
      const refund = tx.create(Refund, {
        paymentId: payment.id,
        amountCents: amount,
        reason,
        requestedBy,
        status: card ? 'PENDING' : 'DONE',
      } as Refund);
      const managed = await tx.findOneOrFail(Payment, { id: payment.id }, { refresh: true });
      managed.status = managed.refundedCents >= managed.amountCents ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
      this.refundedEvent(tx, managed, refund.id, amount);
      if (card) await enqueueJob(tx, REFUND_JOB, { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` });
    });
    this.wakeJobs();
  }

  /** A refund made at the processor directly (Stripe's dashboard), learnt from its webhook. */
  private recordRefunded(tx: EntityManager, payment: Payment, amount: number): void {
    payment.refundedCents += amount;
    payment.status = payment.refundedCents >= payment.amountCents ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    this.refundedEvent(tx, payment, 'processor', amount);
  }

  private refundedEvent(tx: EntityManager, payment: Payment, refundId: string, amount: number): void {
    const event: PaymentRefundedPayload = {
      paymentId: payment.id,
      refundId,
      orderId: payment.orderId,
      buyerId: payment.buyerId,
      sellerId: payment.sellerId,
      amountCents: amount,
      refundedCents: payment.refundedCents,
      full: payment.refundedCents >= payment.amountCents,
    };
    recordOutboxEvent(tx, DomainTopic.PAYMENT_REFUNDED, { ...event }, audience(payment));
  }

  private async succeed(tx: EntityManager, payment: Payment): Promise<void> {
    payment.status = PaymentStatus.SUCCEEDED;
    payment.failureReason = null;
    tx.persist(payment);
    const event: PaymentSucceededPayload = {
      paymentId: payment.id,
      orderId: payment.orderId,
      buyerId: payment.buyerId,
      sellerId: payment.sellerId,
      method: payment.method,
      amountCents: payment.amountCents,
    };
    recordOutboxEvent(tx, DomainTopic.PAYMENT_SUCCEEDED, { ...event }, audience(payment));
    this.logger.info({ paymentId: payment.id, orderId: payment.orderId }, 'payment succeeded');
  }
}
