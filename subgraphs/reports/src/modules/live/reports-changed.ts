// The live "reports changed" signal: after a transaction that applied events to the read model commits, the sellers
// whose figures it touched are published on pub/sub (Redis with REDIS_URL, in-process otherwise), for the
// `dashboardUpdated` streams. Published after commit only, so a subscriber that recomputes on it reads the change; a
// rolled-back event (retried later) publishes nothing. A lost signal is acceptable: the next one carries the change too.
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { DomainTopic } from '@espigon/kit/events/domain-events';
import type { EventBus } from '@espigon/kit/events/pubsub';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { Logger } from '@espigon/kit/logger';
import type { EventConsumerSpec } from '@espigon/kit/server/start-subgraph';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { partiesOf, readOrderEvent } from '../read-model/order-fact-rules';

/** The pub/sub topic (channel `<prefix>events:reports.changed`); not a durable event, nothing consumes it. */
export const REPORTS_CHANGED = 'reports.changed';

export interface ReportsChangedPayload {
  /** The sellers whose figures may have moved; null: every seller's (after a rebuild). */
  sellerIds: string[] | null;
}

/** Whose figures an event touches: the order's seller, or the product's. Null when the payload cannot tell. */
export function sellerTouchedBy(envelope: OutboxEnvelope): string | null {
  if (envelope.topic === DomainTopic.PRODUCT_CHANGED) {
    const sellerId = (envelope.payload as { sellerId?: unknown }).sellerId;
    return typeof sellerId === 'string' ? sellerId.toLowerCase() : null;
  }
  try {
    return partiesOf(readOrderEvent(envelope)).sellerId;
  } catch {
    return null; // an unreadable event changed nothing
  }
}

/** Collects the sellers touched per transaction and publishes them once it commits. */
export class ReportsChangedSignal implements EventSubscriber {
  private readonly pending = new WeakMap<object, Set<string>>();

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Inside the event's transaction: remembers the seller for when it commits. */
  touched(tx: EntityManager, sellerId: string): void {
    const transaction = tx.getTransactionContext() as object | undefined;
    if (!transaction) {
      this.publish([sellerId]);
      return;
    }
    const sellers = this.pending.get(transaction) ?? new Set<string>();
    sellers.add(sellerId);
    this.pending.set(transaction, sellers);
  }

  async afterTransactionCommit({ transaction }: TransactionEventArgs): Promise<void> {
    const sellers = transaction ? this.pending.get(transaction as object) : undefined;
    if (!sellers) return;
    this.pending.delete(transaction as object);
    this.publish([...sellers]);
  }

  async afterTransactionRollback({ transaction }: TransactionEventArgs): Promise<void> {
    if (transaction) this.pending.delete(transaction as object);
  }

  publish(sellerIds: string[] | null): void {
    const payload: ReportsChangedPayload = { sellerIds };
    this.bus.publish(REPORTS_CHANGED, payload).catch((err: Error) => this.logger.warn({ cause: err.message }, 'reports.changed not published'));
  }
}

/** The read model's consumer, signalling the sellers each handled event touched once its transaction commits. */
export function signallingConsumer(spec: EventConsumerSpec, signal: ReportsChangedSignal): EventConsumerSpec {
  return {
    ...spec,
    async handle(envelope, tx) {
      await spec.handle(envelope, tx);
      const sellerId = sellerTouchedBy(envelope);
      if (sellerId) signal.touched(tx, sellerId);
    },
  };
}
