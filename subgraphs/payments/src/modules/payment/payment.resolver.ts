import { Role } from '@espigon/kit/auth/role';
import { isUuid } from '@espigon/kit/database/uuid';
import { ForbiddenError, NotFoundError } from '@espigon/kit/errors';
import { optionalViewer, requireViewer } from '@espigon/kit/server/request-context';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PaymentsContext } from '../../payments.context';
import { Order } from '../federation/order.stub';
import { PaymentMethodKind } from './payment-status.enum';
import { Payment } from './payment.entity';

@Resolver(() => Payment)
export class PaymentResolver {
  @Mutation(() => Payment, {
    description:
      "The order's buyer pays it: CARD returns a clientSecret for Stripe.js (or the simulated processor in mock mode); CASH and TRANSFER " +
      'wait for the seller to confirm. One payment per order: asking again returns it (a failed card payment is retried on it).',
  })
  createPayment(
    @Arg('orderId', () => ID, { description: "A PENDING order of the viewer's (NOT_FOUND for anyone else's; CONFLICT once it is not PENDING)" })
    orderId: string,
    @Arg('method', () => PaymentMethodKind, {
      description: 'CARD needs a total of at least US$0.50 (BAD_USER_INPUT otherwise); asking again with another method than the first is CONFLICT',
    })
    method: PaymentMethodKind,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment> {
    return (requireViewer(ctx, [Role.CLIENT]), ctx.services.payments.create(ctx, orderId, method));
  }

  @Mutation(() => Payment, { description: 'The seller of the order, or an ADMIN: the cash or the transfer arrived (the order becomes PAID)' })
  confirmPayment(
    @Arg('paymentId', () => ID, { description: 'A CASH or TRANSFER payment waiting in REQUIRES_PAYMENT (CONFLICT otherwise)' })
    paymentId: string,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment> {
    return (requireViewer(ctx, [Role.SELLER, Role.ADMIN]), ctx.services.payments.confirmOffline(ctx, paymentId));
  }

  @Mutation(() => Payment, {
    description:
      'ADMIN, or the seller of the order (the buyer: FORBIDDEN): gives money back, never more than was paid. Cards are refunded ' +
      'through the processor shortly after; cash and transfer are recorded as given back',
  })
  refundPayment(
    @Arg('paymentId', () => ID, { description: 'A paid payment: SUCCEEDED or PARTIALLY_REFUNDED (CONFLICT otherwise)' }) paymentId: string,
    @Arg('amountCents', () => Int, {
      nullable: true,
      description: 'How much, in US cents: 1 up to what is left to refund (BAD_USER_INPUT beyond it); default all that is left',
    })
    amountCents: number | null,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the record: at most 200 characters' }) reason: string | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment> {
    return (requireViewer(ctx, [Role.SELLER, Role.ADMIN]), ctx.services.payments.refund(ctx, paymentId, amountCents, reason));
  }

  @Mutation(() => Payment, {
    description:
      "Mock mode only (no STRIPE_SECRET_KEY, never in production): what Stripe's webhook would do when the card is accepted (SUCCEEDED) " +
      'or declined (FAILED). The buyer of the order, or an ADMIN.',
  })
  async simulateCardPayment(
    @Arg('paymentId', () => ID, { description: 'A CARD payment (NOT_FOUND unless the viewer is its buyer or an ADMIN)' }) paymentId: string,
    @Arg('succeed', () => Boolean, { defaultValue: true, description: 'true: the card is accepted; false: it is declined' }) succeed: boolean,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment> {
    const viewer = requireViewer(ctx);
    if (!ctx.simulation) throw new ForbiddenError('Card payments are simulated only in mock mode, outside production');
    const payment = ctx.services.payments.visible(ctx, isUuid(paymentId) ? await ctx.em.findOne(Payment, { id: paymentId.toLowerCase() }) : null);
    if (!payment || (viewer.id !== payment.buyerId && viewer.role !== Role.ADMIN)) throw new NotFoundError('Payment');
    if (!payment.processorRef) throw new NotFoundError('Card payment');
    return ctx.em.fork().transactional(async (tx) => {
      const settled = succeed
        ? await ctx.services.payments.cardSucceeded(tx, payment.processorRef!)
        : await ctx.services.payments.cardFailed(tx, payment.processorRef!, 'Tarjeta rechazada (simulación)');
      return settled!;
    });
  }

  @FieldResolver(() => Order, { description: 'The order it pays (resolved by the orders subgraph)' })
  order(@Root() payment: Payment): Order {
    return Order.of(payment.orderId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Stripe's PaymentIntent client secret for Stripe.js: CARD only, to the order's buyer only (null for anyone else)",
  })
  clientSecret(@Root() payment: Payment, @Ctx() ctx: PaymentsContext): string | null {
    return ctx.viewer?.id === payment.buyerId && payment.method === PaymentMethodKind.CARD ? payment.clientSecret : null;
  }
}

@Resolver(() => Order)
export class OrderPaymentResolver {
  @FieldResolver(() => Payment, {
    nullable: true,
    description: "The order's payment, null until its buyer starts one (createPayment); seen by its buyer, its seller and ADMIN",
  })
  async payment(@Root() order: Order, @Ctx() ctx: PaymentsContext): Promise<Payment | null> {
    optionalViewer(ctx);
    if (!isUuid(order.id)) return null;
    return ctx.services.payments.visible(ctx, await ctx.loaders.paymentByOrder.load(order.id.toLowerCase()));
  }
}
