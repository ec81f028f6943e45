import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';

export const paymentsConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  /** The orders service (its internal API: an order's parties, total and status); `npm start` sets it. */
  ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4003'),
  ORDERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Stripe's secret key (sk_…). Without it, card payments run on the built-in simulated processor (mock mode). */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_… or rk_…)')
    .optional(),
  /** The signing secret of the Stripe webhook endpoint (whsec_…): POST /webhooks/stripe verifies every event with it. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a webhook signing secret (whsec_…)').optional(),
  /** Where Stripe's API is: its real host by default; a local fake or stripe-mock in tests. */
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['https', 'http']).optional(),
  /** Longest a call to Stripe may take (the SDK retries twice more, with the same idempotency key). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** 32 bytes, base64: encrypts partners' signing secrets at rest (generated into DATA_DIR outside production). */
  PARTNER_SECRETS_KEY: z.string().min(40).optional(),
  /** Waits between deliveries of a partner webhook, comma-separated milliseconds (jittered ±20 %). */
  PARTNER_RETRY_SCHEDULE_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds')
    .default('5000,300000,1800000,7200000,18000000,36000000,36000000')
    .transform((v) => v.split(',').map(Number)),
  PARTNER_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** Failed deliveries in a row after which a partner is disabled (an admin registers it again). */
  PARTNER_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  /** Allow partner URLs on loopback and private networks, and plain http (tests; never in production). */
  PARTNER_ALLOW_PRIVATE_URLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
export const paymentsProductionRequired = ['INTERNAL_SERVICE_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'PARTNER_SECRETS_KEY'];
