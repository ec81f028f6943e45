// POST /webhooks/stripe: Stripe's signed events. The signature is checked on the raw body with the endpoint's secret
// (300 s tolerance) before anything is read; a bad or stale one, or a malformed body, is 400 with nothing written.
// Each event id is recorded in the transaction of its effect, so a redelivered event changes nothing; events may come
// in any order (a failure after a success, a refund before it) and the payment only ever moves forward.
import express, { type Express, type Request, type Response } from 'express';
import type Stripe from 'stripe';
import type { Orm, EntityManager } from '@espigon/kit/database/orm';
import type { Logger } from '@espigon/kit/logger';
import type { PaymentService } from './payment.service';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
const TOLERANCE_SECONDS = 300;

export class StripeWebhookController {
  constructor(
    private readonly stripe: Stripe,
    private readonly secret: string,
    private readonly payments: PaymentService,
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  mount(app: Express): void {
    app.post(STRIPE_WEBHOOK_PATH, express.raw({ type: () => true, limit: '512kb' }), (req, res) => this.receive(req, res));
  }

  private async receive(req: Request, res: Response): Promise<void> {
    const signature = req.headers['stripe-signature'];
    if (typeof signature !== 'string' || !Buffer.isBuffer(req.body)) {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'A Stripe-Signature header and a body are required' });
      return;
    }
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(req.body, signature, this.secret, TOLERANCE_SECONDS);
    } catch {
      res.status(400).json({ code: 'BAD_SIGNATURE', message: 'The signature does not verify (wrong secret, altered body, or older than 300 s)' });
      return;
    }
    const intentId = intentOf(event);
    if (!event.id || !event.type || (isHandled(event.type) && !intentId)) {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'The event is not shaped as Stripe sends it' });
      return;
    }
    const outcome = await this.orm.em.fork().transactional(async (tx) => {
      const [first] = await tx.execute<{ id: string }[]>(
        `insert into "payments"."stripe_event" ("id", "type", "received_at") values (?, ?, now()) on conflict ("id") do nothing returning "id"`,
        [event.id, event.type],
      );
      if (!first) return 'duplicate';
      return (await this.apply(tx, event, intentId)) ? 'applied' : 'ignored';
    });
    this.logger.info({ stripeEvent: event.id, type: event.type, outcome }, 'stripe webhook');
    res.json({ received: true, outcome });
  }

  private async apply(tx: EntityManager, event: Stripe.Event, intentId: string | null): Promise<boolean> {
    switch (event.type) {
      case 'payment_intent.succeeded':
        return Boolean(await this.payments.cardSucceeded(tx, intentId!));
      case 'payment_intent.payment_failed': {
        const intent = event.data.object as Stripe.PaymentIntent;
        return Boolean(await this.payments.cardFailed(tx, intentId!, intent.last_payment_error?.message ?? null));
      }
      case 'charge.refunded': {
        const charge = event.data.object as Stripe.Charge;
        return Boolean(await this.payments.cardRefundedTotal(tx, intentId!, charge.amount_refunded));
      }
      default:
        return false;
    }
  }
}

const isHandled = (type: string) => ['payment_intent.succeeded', 'payment_intent.payment_failed', 'charge.refunded'].includes(type);

/** The PaymentIntent an event is about: the object itself, or a charge's payment_intent. */
function intentOf(event: Stripe.Event): string | null {
  const object = event.data?.object as { object?: string; id?: unknown; payment_intent?: unknown } | undefined;
  if (!object) return null;
  if (object.object === 'payment_intent' && typeof object.id === 'string') return object.id;
  if (object.object === 'charge' && typeof object.payment_intent === 'string') return object.payment_intent;
  return null;
}
