// Partners: an admin registers one (its signing secret shown once); the market's events it subscribed to become
// deliveries, written in the transaction that consumes each event and sent by a durable job, signed as Standard
// Webhooks says, retried on a schedule (honouring Retry-After), stopped by 410, the partner disabled after too many
// failures in a row. Webhooks partners send us are verified the same way and recorded once per webhook-id.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import type { EntityManager } from '@espigon/kit/database/orm';
import { isUuid } from '@espigon/kit/database/uuid';
import { NotFoundError } from '@espigon/kit/errors';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { DomainTopic } from '@espigon/kit/events/domain-events';
import { pageSize, toConnection } from '@espigon/kit/graphql/connection';
import { afterNewestFirst, newestFirstCursor, newestFirstOrder } from '@espigon/kit/graphql/newest-first-cursor';
import { enqueueJob, RetryLater, type JobHandler } from '@espigon/kit/jobs/job-queue';
import type { Logger } from '@espigon/kit/logger';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { parseInput } from '@espigon/kit/validation';
import { PartnerDeliveryConnection } from './partner-delivery-connection.type';
import { Partner, PartnerDelivery } from './partner.entity';
import type { SecretBox } from './secret-box';
import { checkWebhookUrl, type UrlPolicy } from './webhook-url';

export const DELIVER_JOB = 'partners.deliver';
/** What a partner may subscribe to. */
export const PARTNER_EVENT_TYPES = [
  DomainTopic.ORDER_CREATED,
  DomainTopic.ORDER_STATUS_CHANGED,
  DomainTopic.PAYMENT_SUCCEEDED,
  DomainTopic.PAYMENT_REFUNDED,
];

export interface PartnerSettings extends UrlPolicy {
  /** Waits before each retry: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default (jittered ±20 %). */
  retryScheduleMs: number[];
  timeoutMs: number;
  /** Failed deliveries in a row after which a partner is disabled. */
  disableAfterFailures: number;
}

const registration = z.object({
  name: z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .refine((v) => v.length >= 1 && v.length <= 100, 'must be 1 to 100 characters'),
  webhookUrl: z.string().max(2048),
  events: z
    .array(z.enum(PARTNER_EVENT_TYPES as [string, ...string[]]))
    .min(1)
    .max(PARTNER_EVENT_TYPES.length),
});

export class PartnerService {
  constructor(
    private readonly box: SecretBox,
    private readonly settings: PartnerSettings,
    private readonly wakeJobs: () => void,
    private readonly logger: Logger,
  ) {}

  /** ADMIN: the partner and its signing secret (whsec_…), shown this once. */
  async register(
    ctx: ServiceContext,
    input: { name: string; webhookUrl: string; events: string[] },
  ): Promise<{ partner: Partner; signingSecret: string }> {
    const { name, webhookUrl, events } = parseInput(registration, input);
    const url = await checkWebhookUrl(webhookUrl, this.settings);
    const signingSecret = `whsec_${randomBytes(24).toString('base64')}`;
    const partner = ctx.em.create(Partner, {
      name,
      webhookUrl: url.toString(),
      events: [...new Set(events)],
      secretCiphertext: this.box.seal(signingSecret),
    } as Partner);
    await ctx.em.flush();
    return { partner, signingSecret };
  }

  list(ctx: ServiceContext): Promise<Partner[]> {
    return ctx.em.find(Partner, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 200 });
  }

  /** ADMIN: a partner's delivery log, newest first. */
  async deliveries(ctx: ServiceContext, partnerId: string, first?: number | null, after?: string | null): Promise<PartnerDeliveryConnection> {
    if (!isUuid(partnerId) || !(await ctx.em.count(Partner, { id: partnerId.toLowerCase() }))) throw new NotFoundError('Partner');
    const limit = pageSize(first);
    const where: Record<string, unknown> = { partnerId: partnerId.toLowerCase() };
    const filter = after ? { $and: [where, afterNewestFirst<PartnerDelivery>(after)] } : where;
    const rows = await ctx.em.find(PartnerDelivery, filter, { orderBy: newestFirstOrder, limit: limit + 1 });
    // counted only when the client asks for totalCount
    return toConnection(PartnerDeliveryConnection, rows, limit, () => ctx.em.count(PartnerDelivery, where), newestFirstCursor);
  }

  /** In the consumer's transaction: one delivery per active partner subscribed to the event, each with its job. */
  async fanOut(tx: EntityManager, envelope: OutboxEnvelope): Promise<number> {
    const partners = await tx.find(Partner, { active: true, events: { $overlap: [envelope.topic] } });
    for (const partner of partners) {
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into "payments"."partner_delivery" ("id", "created_at", "partner_id", "event_id", "event_type", "payload", "status", "attempts")
         values (gen_random_uuid(), now(), ?, ?, ?, ?, 'PENDING', 0) on conflict ("partner_id", "event_id") do nothing returning "id"`,
        [
          partner.id,
          envelope.eventId,
          envelope.topic,
          JSON.stringify({ type: envelope.topic, timestamp: envelope.occurredAt, data: envelope.payload }),
        ],
      );
      if (row) {
        await enqueueJob(
          tx,
          DELIVER_JOB,
          { deliveryId: row.id },
          { dedupeKey: `deliver:${row.id}`, maxAttempts: this.settings.retryScheduleMs.length + 2 },
        );
      }
    }
    if (partners.length) this.wakeJobs();
    return partners.length;
  }

  deliveryJob(): JobHandler {
    return { name: DELIVER_JOB, transaction: false, run: ({ deliveryId }, em) => this.deliver(em, String(deliveryId)) };
  }

  /** A partner's webhook to us: verified with its secret (5 min tolerance), recorded once per webhook-id. */
  async receive(em: EntityManager, partnerId: string, body: string, headers: Record<string, string>): Promise<'recorded' | 'duplicate'> {
    const partner = isUuid(partnerId) ? await em.findOne(Partner, { id: partnerId.toLowerCase() }) : null;
    if (!partner) throw new NotFoundError('Partner');
    const event = new Webhook(this.box.open(partner.secretCiphertext)).verify(body, headers) as { type?: unknown };
    const type = typeof event?.type === 'string' ? event.type.slice(0, 100) : 'unknown';
    const [row] = await em.execute<{ webhook_id: string }[]>(
      `insert into "payments"."partner_inbound" ("partner_id", "webhook_id", "type", "payload", "received_at") values (?, ?, ?, ?, now())
       on conflict do nothing returning "webhook_id"`,
      [partner.id, headers['webhook-id'], type, JSON.stringify(event)],
    );
    return row ? 'recorded' : 'duplicate';
  }

  private async deliver(em: EntityManager, deliveryId: string): Promise<void> {
    const delivery = await em.findOne(PartnerDelivery, { id: deliveryId });
    if (!delivery || delivery.status !== 'PENDING') return;
    const partner = await em.findOneOrFail(Partner, { id: delivery.partnerId });
    if (!partner.active) {
      await em.nativeUpdate(PartnerDelivery, { id: delivery.id }, { status: 'DISABLED', nextAttemptAt: null });
      return;
    }
    const attempt = delivery.attempts + 1;
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let problem: string | null = null;
    let retryAfterMs: number | null = null;
    try {
      const url = await checkWebhookUrl(partner.webhookUrl, this.settings);
      // the same webhook-id on every attempt, so the partner can drop a repeat; a fresh timestamp and signature each time
      const now = new Date();
      const signature = new Webhook(this.box.open(partner.secretCiphertext)).sign(delivery.id, now, body);
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': delivery.id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      status = response.status;
      retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (response.ok) {
        await em.transactional(async (tx) => {
          await tx.nativeUpdate(
            PartnerDelivery,
            { id: delivery.id },
            { status: 'DELIVERED', attempts: attempt, lastStatus: status, lastError: null, deliveredAt: new Date(), nextAttemptAt: null },
          );
          await tx.nativeUpdate(Partner, { id: partner.id }, { consecutiveFailures: 0 });
        });
        return;
      }
      problem = `answered ${status}`;
    } catch (err) {
      problem = err instanceof Error ? (err.name === 'TimeoutError' ? 'timed out' : err.message) : String(err);
    }

    if (status === 410) {
      // the endpoint is gone for good: no more tries, and no more deliveries to it
      await em.transactional(async (tx) => {
        await tx.nativeUpdate(
          PartnerDelivery,
          { id: delivery.id },
          { status: 'GONE', attempts: attempt, lastStatus: status, lastError: problem, nextAttemptAt: null },
        );
        await tx.nativeUpdate(Partner, { id: partner.id }, { active: false, disabledReason: 'Its endpoint answered 410 Gone' });
      });
      this.logger.warn({ partnerId: partner.id }, 'partner disabled: 410 Gone');
      return;
    }
    const failures = partner.consecutiveFailures + 1;
    const disable = failures >= this.settings.disableAfterFailures;
    const exhausted = attempt > this.settings.retryScheduleMs.length;
    const delay = retryAfterMs ?? jittered(this.settings.retryScheduleMs[Math.min(attempt - 1, this.settings.retryScheduleMs.length - 1)]);
    const finalStatus = disable ? 'DISABLED' : exhausted ? 'EXHAUSTED' : 'PENDING';
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(
        PartnerDelivery,
        { id: delivery.id },
        {
          status: finalStatus,
          attempts: attempt,
          lastStatus: status,
          lastError: problem?.slice(0, 500) ?? null,
          nextAttemptAt: finalStatus === 'PENDING' ? new Date(Date.now() + delay) : null,
        },
      );
      await tx.nativeUpdate(
        Partner,
        { id: partner.id },
        {
          consecutiveFailures: failures,
          ...(disable ? { active: false, disabledReason: `${failures} failed deliveries in a row` } : {}),
        },
      );
    });
    if (finalStatus === 'PENDING') throw new RetryLater(delay, `partner webhook ${problem}; next try in ${Math.round(delay / 1000)} s`);
  }
}

function jittered(ms: number): number {
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}

/** Retry-After as seconds or an HTTP date; at most a day. */
function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 86_400_000) : null;
}
