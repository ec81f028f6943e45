import DataLoader from 'dataloader';
import type { RequestContext } from '@espigon/kit/server/request-context';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { EventBus } from '@espigon/kit/events/pubsub';
import type { CartService } from './modules/cart/cart.service';
import type { CheckoutService } from './modules/checkout/checkout.service';
import { OrderMessage } from './modules/message/order-message.entity';
import type { OrderMessageService } from './modules/message/order-message.service';
import { firstOrderPagesByBuyer } from './modules/order/buyer-order-pages';
import type { OrderConnection } from './modules/order/order-connection.type';
import type { OrderStatus } from './modules/order/order-status.enum';
import { Order, OrderItem } from './modules/order/order.entity';
import type { OrderService } from './modules/order/order.service';

export interface OrdersServices {
  carts: CartService;
  checkouts: CheckoutService;
  orders: OrderService;
  messages: OrderMessageService;
}

/** The first page of one buyer's orders (User.orders without `after`): a lower-case UUID, a page size, a status. */
export interface BuyerPageKey {
  buyerId: string;
  first: number;
  status: OrderStatus | null;
}

export interface OrdersLoaders {
  /** First pages of buyers' orders, for every buyer of the request in two statements. */
  buyerFirstPages: DataLoader<BuyerPageKey, OrderConnection, string>;
  itemsByOrder: DataLoader<string, OrderItem[]>;
  messagesByOrder: DataLoader<string, OrderMessage[]>;
  order: DataLoader<string, Order | null>;
}

export interface OrdersContext extends RequestContext {
  services: OrdersServices;
  loaders: OrdersLoaders;
  /** Live pub/sub, for subscriptions. */
  events: EventBus;
}

/** Fresh per request: a page of orders loads all their lines (or messages) in one statement. */
export function createOrdersLoaders(em: EntityManager): OrdersLoaders {
  const groupBy = <T extends { orderId: string }>(rows: T[], keys: readonly string[]) => {
    const byOrder = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) byOrder.get(row.orderId)?.push(row);
    return keys.map((k) => byOrder.get(k) ?? []);
  };
  const pageGroup = (k: BuyerPageKey) => `${k.first}:${k.status ?? ''}`;
  return {
    buyerFirstPages: new DataLoader(
      async (keys) => {
        // one batch per page size and status (a request normally asks every buyer the same)
        const pages = new Map<string, Map<string, OrderConnection>>();
        for (const group of new Set(keys.map(pageGroup))) {
          const inGroup = keys.filter((k) => pageGroup(k) === group);
          const buyerIds = [...new Set(inGroup.map((k) => k.buyerId))];
          pages.set(group, await firstOrderPagesByBuyer(em, buyerIds, inGroup[0].first, inGroup[0].status));
        }
        return keys.map((k) => pages.get(pageGroup(k))!.get(k.buyerId)!);
      },
      { cacheKeyFn: (k) => `${k.buyerId}:${pageGroup(k)}` },
    ),
    itemsByOrder: new DataLoader(async (orderIds) =>
      groupBy(await em.find(OrderItem, { orderId: { $in: [...orderIds] } }, { orderBy: { productName: 'asc', id: 'asc' } }), orderIds),
    ),
    messagesByOrder: new DataLoader(async (orderIds) =>
      groupBy(await em.find(OrderMessage, { orderId: { $in: [...orderIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), orderIds),
    ),
    order: new DataLoader(async (ids) => {
      const rows = await em.find(Order, { id: { $in: [...ids] }, placed: true });
      const byId = new Map(rows.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/**
 * Each event of a subscription is read afresh: the subscription's context lives as long as the subscription, so its
 * entity manager and loaders are renewed before the event's fields resolve (events of one subscription run in turn).
 */
export function freshen(ctx: OrdersContext): OrdersContext {
  const em = ctx.em.fork();
  return Object.assign(ctx, { em, loaders: createOrdersLoaders(em) });
}
