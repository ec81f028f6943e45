import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';

export const ordersConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  /** The catalog service (its internal product and reservation API); `npm start` sets it to the catalog it started. */
  CATALOG_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4002'),
  /** Longest one call to catalog may take (each is retried a few times with backoff). */
  CATALOG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** How long a PENDING (unpaid) order holds its stock before the expiry job cancels it. */
  ORDER_PAYMENT_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  /** A checkout still unfinished after this long was cut off (a crash, a timeout): the sweeper rolls it back. */
  CHECKOUT_STALE_SECONDS: z.coerce.number().int().min(30).max(3600).default(60),
  /** How often the expiry and checkout-sweeper jobs run. */
  ORDERS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
});

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;
export const ordersProductionRequired = ['INTERNAL_SERVICE_TOKEN'];
