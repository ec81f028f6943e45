import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';

export const paymentsConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  /** The orders service (its internal API: an order's parties, total and status); `npm start` sets it. */
  ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4003'),
  ORDERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Stripe's secret key (sk_…). Without it, card payments run on the built-in simulated processor (mock mode). */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_… or rk_…)').optional(),
  /** The signing secret of the Stripe webhook endpoint (whsec_…): POST /webhooks/stripe verifies every event with it. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a webhook signing secret (whsec_…)').optional(),
  /** Where Stripe's API is: its real host by default; a local fake or stripe-mock in tests. */
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['https', 'http']).optional(),
  /** Longest a call to Stripe may take (the SDK retries twice more, with the same idempotency key). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
export const paymentsProductionRequired = ['INTERNAL_SERVICE_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'];
