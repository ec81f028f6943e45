// Who moves card money: Stripe (with STRIPE_SECRET_KEY), or the built-in simulated processor (mock mode), behind one
// interface. Every call carries an idempotency key derived from our own ids, so a retry never charges or refunds twice.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export interface ProcessorIntent {
  id: string;
  clientSecret: string;
}

export interface PaymentProcessor {
  readonly mode: 'stripe' | 'simulated';
  /** A card payment of `amountCents` for an order; the same key returns the same intent. */
  createIntent(amountCents: number, metadata: { orderId: string; paymentId: string }, idempotencyKey: string): Promise<ProcessorIntent>;
  /** Gives `amountCents` of an intent back; the same key refunds once. */
  refund(intentId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }>;
}

/**
 * The one place our money meets Stripe's: amounts are integer US cents on both sides (Stripe's smallest currency
 * unit for USD is the cent), so the conversion is the identity, checked here.
 */
export function toStripeAmount(cents: number, { min = 1 } = {}): number {
  if (!Number.isInteger(cents) || cents < min || cents > 99_999_999) throw new Error(`amount out of Stripe's range: ${cents}`);
  return cents;
}

/** Stripe charges at least $0.50 in USD. */
export const MIN_CHARGE_CENTS = 50;

export interface StripeSettings {
  secretKey: string;
  host?: string;
  port?: number;
  protocol?: 'https' | 'http';
  timeoutMs: number;
}

export function stripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    host: settings.host,
    port: settings.port,
    protocol: settings.protocol,
    timeout: settings.timeoutMs,
    maxNetworkRetries: 2,
    telemetry: false,
  });
}

export class StripeProcessor implements PaymentProcessor {
  readonly mode = 'stripe' as const;

  constructor(private readonly stripe: Stripe) {}

  async createIntent(amountCents: number, metadata: { orderId: string; paymentId: string }, idempotencyKey: string): Promise<ProcessorIntent> {
    const intent = await this.stripe.paymentIntents.create(
      { amount: toStripeAmount(amountCents, { min: MIN_CHARGE_CENTS }), currency: 'usd', metadata, automatic_payment_methods: { enabled: true } },
      { idempotencyKey },
    );
    return { id: intent.id, clientSecret: intent.client_secret! };
  }

  async refund(intentId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }> {
    const refund = await this.stripe.refunds.create({ payment_intent: intentId, amount: toStripeAmount(amountCents) }, { idempotencyKey });
    return { id: refund.id };
  }
}

/**
 * Mock mode (no STRIPE_SECRET_KEY): intents and refunds are made up locally and nothing is charged; a card payment is
 * completed by the development-only `simulateCardPayment` mutation, which runs the same code as Stripe's webhook.
 */
export class SimulatedProcessor implements PaymentProcessor {
  readonly mode = 'simulated' as const;
  private readonly intents = new Map<string, ProcessorIntent>();

  async createIntent(amountCents: number, metadata: { orderId: string; paymentId: string }, idempotencyKey: string): Promise<ProcessorIntent> {
    toStripeAmount(amountCents, { min: MIN_CHARGE_CENTS });
    const known = this.intents.get(idempotencyKey);
    if (known) return known;
    const id = `pi_sim_${metadata.paymentId.replace(/-/g, '')}`;
    const intent = { id, clientSecret: `${id}_secret_${randomBytes(12).toString('hex')}` };
    this.intents.set(idempotencyKey, intent);
    return intent;
  }

  async refund(_intentId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }> {
    toStripeAmount(amountCents);
    return { id: `re_sim_${idempotencyKey.replace(/[^a-z0-9]/gi, '').slice(-24)}` };
  }
}
