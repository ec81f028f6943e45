import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { isUuid } from '@espigon/kit/database/uuid';
import { resolveOrderReference } from './modules/federation/order.stub';
import { OrderPaymentResolver, PaymentResolver } from './modules/payment/payment.resolver';
import { PartnerResolver } from './modules/partner/partner.resolver';
import type { Payment } from './modules/payment/payment.entity';
import type { PaymentsContext } from './payments.context';

/** Same rule as Order.payment: the order's buyer, its seller, admins; null for anyone else. */
async function resolvePaymentReference(reference: Pick<Payment, 'id'>, ctx: PaymentsContext): Promise<Payment | null> {
  if (!isUuid(reference.id)) return null;
  return ctx.services.payments.visible(ctx, await ctx.loaders.payment.load(reference.id));
}

export function buildPaymentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [PaymentResolver, OrderPaymentResolver, PartnerResolver],
    referenceResolvers: {
      Order: { __resolveReference: resolveOrderReference },
      Payment: { __resolveReference: resolvePaymentReference },
    },
  });
}
