// The orders subgraph: carts, multi-seller checkout with stock reserved in catalog all or nothing, the order's life,
// buyer-seller messages; its events (order.created, order.status_changed, order.message_added) go out through the outbox.
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { CatalogProductsClient } from '@espigon/kit/clients/catalog-products.client';
import { ReservationClient } from '@espigon/kit/clients/reservation.client';
import { ordersConfigSchema, ordersProductionRequired, type OrdersConfig } from './config';
import { createOrdersLoaders, type OrdersContext, type OrdersServices } from './orders.context';
import { Migration20261129000000_orders } from './migrations/Migration20261129000000_orders';
import { Cart, CartItem } from './modules/cart/cart.entity';
import { CartService } from './modules/cart/cart.service';
import { Checkout } from './modules/checkout/checkout.entity';
import { CheckoutService, SWEEP_CHECKOUTS_JOB } from './modules/checkout/checkout.service';
import { OrderMessage } from './modules/message/order-message.entity';
import { OrderMessageService } from './modules/message/order-message.service';
import { Order, OrderItem } from './modules/order/order.entity';
import { EXPIRE_ORDERS_JOB, OrderService } from './modules/order/order.service';
import { buildOrdersSchema } from './schema';
import { OrderInternalController } from './modules/order/order-internal.controller';
import { DomainTopic, type PaymentSucceededPayload } from '@espigon/kit/events/domain-events';

export const ordersSubgraph: SubgraphDefinition<OrdersConfig, OrdersContext, OrdersServices> = {
  name: 'orders',
  configSchema: ordersConfigSchema,
  productionRequired: ordersProductionRequired,
  needs: ['catalog'],
  entities: [Cart, CartItem, Checkout, Order, OrderItem, OrderMessage],
  outbox: true,
  migrations: [Migration20261129000000_orders],
  buildSchema: buildOrdersSchema,
  createServices: (runtime) => {
    const { config, internalToken, logger } = runtime;
    const catalog = { baseUrl: config.CATALOG_URL, token: internalToken, timeoutMs: config.CATALOG_TIMEOUT_MS };
    const reservations = new ReservationClient(catalog);
    const carts = new CartService(new CatalogProductsClient(catalog));
    // the job worker exists once the services do: wake it through the runtime when a change enqueues stock work
    const orders = new OrderService(reservations, () => runtime.jobWorker?.wake());
    return {
      carts,
      orders,
      checkouts: new CheckoutService(
        carts,
        reservations,
        { paymentTimeoutMinutes: config.ORDER_PAYMENT_TIMEOUT_MINUTES, staleAfterSeconds: config.CHECKOUT_STALE_SECONDS },
        logger.child({ component: 'checkout' }),
      ),
      messages: new OrderMessageService(orders),
    };
  },
  routes: (app, _services, { orm, logger, internalToken }) => new OrderInternalController(orm, logger).mount(app, internalToken),
  consumers: (services, { logger }) => [
    {
      name: 'payments',
      topics: [DomainTopic.PAYMENT_SUCCEEDED],
      handle: async (envelope, tx) => {
        const { orderId } = envelope.payload as unknown as PaymentSucceededPayload;
        if (!(await services.orders.markPaid(tx, orderId))) logger.info({ orderId }, 'payment for an order that is no longer PENDING');
      },
    },
  ],
  extendContext: (base, services, { events }) => ({ ...base, services, loaders: createOrdersLoaders(base.em), events }),
  jobs: (services, { config }) => ({
    handlers: [...services.orders.stockJobs(), services.checkouts.sweepJob()],
    recurring: [
      { name: EXPIRE_ORDERS_JOB, everyMs: config.ORDERS_SWEEP_INTERVAL_MS },
      { name: SWEEP_CHECKOUTS_JOB, everyMs: config.ORDERS_SWEEP_INTERVAL_MS },
    ],
  }),
};
