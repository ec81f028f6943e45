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
import { Migration20261130010000_partners } from './migrations/Migration20261130010000_partners';
import { Partner, PartnerDelivery, PartnerInbound } from './modules/partner/partner.entity';
import { PARTNER_EVENT_TYPES, PartnerService } from './modules/partner/partner.service';
import { PartnerWebhookController } from './modules/partner/partner-webhook.controller';
import { resolveSecretsKey, SecretBox } from './modules/partner/secret-box';

export const paymentsSubgraph: SubgraphDefinition<PaymentsConfig, PaymentsContext, PaymentsServices> = {
  name: 'payments',
  configSchema: paymentsConfigSchema,
  productionRequired: paymentsProductionRequired,
  needs: ['orders'],
  entities: [Payment, Refund, StripeEvent, Partner, PartnerDelivery, PartnerInbound],
  outbox: true,
  migrations: [Migration20261130000000_payments, Migration20261130010000_partners],
  buildSchema: buildPaymentsSchema,
  createServices: (runtime) => {
    const { config, internalToken, logger } = runtime;
    const orders = new OrdersClient({ baseUrl: config.ORDERS_URL, token: internalToken, timeoutMs: config.ORDERS_TIMEOUT_MS });
    const processor = config.STRIPE_SECRET_KEY ? new StripeProcessor(stripeFor(config)) : new SimulatedProcessor();
    if (processor.mode === 'simulated') logger.info('no STRIPE_SECRET_KEY: card payments run on the simulated processor (mock mode)');
    const wakeJobs = () => runtime.jobWorker?.wake();
    const partners = new PartnerService(
      new SecretBox(resolveSecretsKey(config.PARTNER_SECRETS_KEY, config.NODE_ENV, config.DATA_DIR)),
      {
        retryScheduleMs: config.PARTNER_RETRY_SCHEDULE_MS,
        timeoutMs: config.PARTNER_WEBHOOK_TIMEOUT_MS,
        disableAfterFailures: config.PARTNER_DISABLE_AFTER_FAILURES,
        allowPrivate: config.PARTNER_ALLOW_PRIVATE_URLS && config.NODE_ENV !== 'production',
        allowHttp: config.PARTNER_ALLOW_PRIVATE_URLS && config.NODE_ENV !== 'production',
      },
      wakeJobs,
      logger.child({ component: 'partners' }),
    );
    return { payments: new PaymentService(orders, processor, wakeJobs, logger.child({ component: 'payments' })), partners };
  },
  routes: (app, services, { config, orm, logger }) => {
    new PartnerWebhookController(services.partners, orm, logger.child({ component: 'partner-webhook' })).mount(app);
    if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET) {
      new StripeWebhookController(
        stripeFor(config),
        config.STRIPE_WEBHOOK_SECRET,
        services.payments,
        orm,
        logger.child({ component: 'stripe-webhook' }),
      ).mount(app);
    }
  },
  consumers: (services) => [
    {
      name: 'partners',
      topics: PARTNER_EVENT_TYPES,
      handle: async (envelope, tx) => void (await services.partners.fanOut(tx, envelope)),
    },
    {
      name: 'refunds',
      topics: [DomainTopic.ORDER_STATUS_CHANGED],
      handle: async (envelope, tx) => {
        const event = envelope.payload as unknown as OrderStatusChangedPayload;
        if (event.to === 'CANCELLED' && event.refundDue) await services.payments.refundCancelledOrder(tx, event.orderId);
      },
    },
  ],
  jobs: (services) => ({ handlers: [services.payments.refundJob(), services.partners.deliveryJob()] }),
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
