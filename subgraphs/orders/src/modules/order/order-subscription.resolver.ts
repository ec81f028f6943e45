// Live order updates, served over graphql-ws to the gateway (which resolves other subgraphs' fields of each event).
// Who may subscribe and which events each subscriber gets are decided here, where the order rules live.
import { Role } from '@espigon/kit/auth/role';
import { isUuid } from '@espigon/kit/database/uuid';
import { NotFoundError } from '@espigon/kit/errors';
import {
  DomainTopic,
  type OrderCreatedPayload,
  type OrderMessageAddedPayload,
  type OrderStatusChangedPayload,
} from '@espigon/kit/events/domain-events';
import { inAudience, liveEvents } from '@espigon/kit/events/live-events';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { requireViewer } from '@espigon/kit/server/request-context';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { freshen, type OrdersContext } from '../../orders.context';
import { OrderMessage } from '../message/order-message.entity';
import { Order } from './order.entity';

type SubscribeData = { args: Record<string, unknown>; context: OrdersContext };

@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => Order, {
    description: 'SELLER: each new order for them; ADMIN: every new order',
    subscribe: ({ context }: SubscribeData) => {
      const viewer = requireViewer(context, [Role.SELLER, Role.ADMIN]);
      return liveEvents<OrderCreatedPayload>(
        context.events,
        [DomainTopic.ORDER_CREATED],
        (e) => viewer.role === Role.ADMIN || e.payload.sellerId === viewer.id,
      );
    },
  })
  orderCreated(@Root() event: OutboxEnvelope<OrderCreatedPayload>, @Ctx() ctx: OrdersContext): Promise<Order> {
    return loadOrder(ctx, event.payload.orderId);
  }

  @Subscription(() => Order, {
    description: "Each status change of one order (its buyer, its seller, an ADMIN), or of all of the viewer's orders without orderId (ADMIN: all)",
    subscribe: async ({ args, context }: SubscribeData) => {
      const viewer = requireViewer(context);
      const orderId = typeof args.orderId === 'string' ? args.orderId.toLowerCase() : null;
      if (args.orderId != null && !(await context.services.orders.find(context, String(args.orderId)))) throw new NotFoundError('Order');
      return liveEvents<OrderStatusChangedPayload>(
        context.events,
        [DomainTopic.ORDER_STATUS_CHANGED],
        (e) => (orderId === null || e.payload.orderId === orderId) && inAudience(e, viewer),
      );
    },
  })
  async orderUpdated(
    @Root() event: OutboxEnvelope<OrderStatusChangedPayload>,
    @Arg('orderId', () => ID, { nullable: true, description: "One order (NOT_FOUND when it is not the viewer's to see); without it, all of them" })
    _orderId: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order> {
    // the order as this event left it: a later move may already be committed when this one is sent
    const order = await loadOrder(ctx, event.payload.orderId);
    return Object.assign(order, { status: event.payload.to, updatedAt: new Date(event.payload.occurredAt) });
  }

  @Subscription(() => OrderMessage, {
    description: 'Each message written on one order, to its buyer and its seller',
    subscribe: async ({ args, context }: SubscribeData) => {
      const viewer = requireViewer(context);
      const order = isUuid(args.orderId) ? await context.services.orders.find(context, args.orderId) : null;
      if (!order || (order.buyerId !== viewer.id && order.sellerId !== viewer.id)) throw new NotFoundError('Order');
      return liveEvents<OrderMessageAddedPayload>(context.events, [DomainTopic.ORDER_MESSAGE_ADDED], (e) => e.payload.orderId === order.id);
    },
  })
  async orderMessageAdded(
    @Root() event: OutboxEnvelope<OrderMessageAddedPayload>,
    @Arg('orderId', () => ID, { description: 'The order (NOT_FOUND unless the viewer is its buyer or seller)' }) _orderId: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderMessage> {
    const { em } = freshen(ctx);
    return em.findOneOrFail(OrderMessage, { id: event.payload.messageId });
  }
}

async function loadOrder(ctx: OrdersContext, orderId: string): Promise<Order> {
  const { em } = freshen(ctx);
  return em.findOneOrFail(Order, { id: orderId });
}
