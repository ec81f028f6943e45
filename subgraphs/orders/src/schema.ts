import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { isUuid } from '@espigon/kit/database/uuid';
import { optionalViewer } from '@espigon/kit/server/request-context';
import type { OrdersContext } from './orders.context';
import { CartItemResolver, CartResolver } from './modules/cart/cart.resolver';
import { resolveUserReference } from './modules/federation/user.stub';
import { UserOrdersResolver } from './modules/federation/user-orders.resolver';
import { OrderItemResolver, OrderMessageResolver, OrderResolver } from './modules/order/order.resolver';
import { OrderSubscriptionResolver } from './modules/order/order-subscription.resolver';
import type { Order } from './modules/order/order.entity';
import { partyOf } from './modules/order/order.service';

/** Same rule as `order(id)`: its buyer, its seller or an admin; null for anyone else. */
async function resolveOrderReference(reference: Pick<Order, 'id'>, ctx: OrdersContext): Promise<Order | null> {
  const viewer = optionalViewer(ctx);
  if (!viewer || !isUuid(reference.id)) return null;
  const order = await ctx.loaders.order.load(reference.id.toLowerCase());
  return order && partyOf(order, viewer) ? order : null;
}

export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CartResolver,
      CartItemResolver,
      OrderResolver,
      OrderItemResolver,
      OrderMessageResolver,
      UserOrdersResolver,
      OrderSubscriptionResolver,
    ],
    referenceResolvers: {
      User: { __resolveReference: resolveUserReference },
      Order: { __resolveReference: resolveOrderReference },
    },
  });
}
