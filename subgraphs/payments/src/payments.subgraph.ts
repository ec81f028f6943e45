// The payments subgraph: an order's payment (card through Stripe or the simulated processor, cash, transfer), Stripe's
// signed webhooks, refunds; its events (payment.succeeded, payment.failed, payment.refunded) go out through the outbox.
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { OrdersClient } from '@espigon/kit/clients/orders.client';
import { DomainTopic, type OrderStatusChangedPayload } from '@espigon/kit/events/domain-events';
import { paymentsConfigSchema, paymentsProductionRequired, type PaymentsConfig } from './config';
import { Migration20261130000000_payments } from './migrations/Migration20261130000000_payments';
import { SimulatedProcessor, StripeProcessor, stripeClient } from './modules/payment/payment-processor';
import { Payment, Refund, StripeEvent } from './modules/payment/payment.entity';
import { PaymentService } from './modules/payment/payment.service';
import { StripeWebhookController } from './modules/payment/stripe-webhook.controller';
import { createPaymentsLoaders, type PaymentsContext, type PaymentsServices } from './payments.context';
import { buildPaymentsSchema } from './schema';

export const paymentsSubgraph: SubgraphDefinition<PaymentsConfig, PaymentsContext, PaymentsServices> = {
  name: 'payments',
  configSchema: paymentsConfigSchema,
  productionRequired: paymentsProductionRequired,
  needs: ['orders'],
  entities: [Payment, Refund, StripeEvent],
  outbox: true,
  migrations: [Migration20261130000000_payments],
  buildSchema: buildPaymentsSchema,
  createServices: (runtime) => {
    const { config, internalToken, logger } = runtime;
    const orders = new OrdersClient({ baseUrl: config.ORDERS_URL, token: internalToken, timeoutMs: config.ORDERS_TIMEOUT_MS });
    const processor = config.STRIPE_SECRET_KEY ? new StripeProcessor(stripeFor(config)) : new SimulatedProcessor();
    if (processor.mode === 'simulated') logger.info('no STRIPE_SECRET_KEY: card payments run on the simulated processor (mock mode)');
    return { payments: new PaymentService(orders, processor, () => runtime.jobWorker?.wake(), logger.child({ component: 'payments' })) };
  },
  routes: (app, services, { config, orm, logger }) => {
    if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET) {
      new StripeWebhookController(stripeFor(config), config.STRIPE_WEBHOOK_SECRET, services.payments, orm, logger.child({ component: 'stripe-webhook' })).mount(app);
    }
  },
  consumers: (services) => [
    {
      name: 'refunds',
      topics: [DomainTopic.ORDER_STATUS_CHANGED],
      handle: async (envelope, tx) => {
        const event = envelope.payload as unknown as OrderStatusChangedPayload;
        if (event.to === 'CANCELLED' && event.refundDue) await services.payments.refundCancelledOrder(tx, event.orderId);
      },
    },
  ],
  jobs: (services) => ({ handlers: [services.payments.refundJob()] }),
  extendContext: (base, services, { config }) => ({
    ...base,
    services,
    loaders: createPaymentsLoaders(base.em),
    simulation: !config.STRIPE_SECRET_KEY && config.NODE_ENV !== 'production',
  }),
};

function stripeFor(config: PaymentsConfig) {
  return stripeClient({
    secretKey: config.STRIPE_SECRET_KEY!,
    host: config.STRIPE_API_HOST,
    port: config.STRIPE_API_PORT,
    protocol: config.STRIPE_API_PROTOCOL,
    timeoutMs: config.STRIPE_TIMEOUT_MS,
  });
}
