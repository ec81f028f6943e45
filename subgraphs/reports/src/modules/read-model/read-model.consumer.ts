// The reports read model's one durable consumer (group `reports.read-model`): order, payment and product events, each
// applied once (the kit's inbox commits with the effect; the events of one read share a transaction). A payload off the
// contract is skipped with a warning: it would fail the same way on every retry and hold up every event behind it.
import { DomainTopic } from '@espigon/kit/events/domain-events';
import type { Logger } from '@espigon/kit/logger';
import type { EventConsumerSpec } from '@espigon/kit/server/start-subgraph';
import { orderFactTopics, UnreadableEventError } from './order-fact-rules';
import { productTopics, type ReadModelProjector } from './read-model.projector';

export function readModelConsumer(projector: ReadModelProjector, logger: Logger): EventConsumerSpec {
  return {
    name: 'read-model',
    topics: [...orderFactTopics, ...productTopics],
    // each read's events in one transaction (one commit): the projector's writes are cheap, the commit is not
    batched: true,
    async handle(envelope, tx) {
      try {
        if (envelope.topic === DomainTopic.PRODUCT_CHANGED) await projector.applyProductChanged(tx, envelope);
        else await projector.applyOrderEvent(tx, envelope);
      } catch (err) {
        if (!(err instanceof UnreadableEventError)) throw err;
        logger.warn({ eventId: envelope.eventId, topic: envelope.topic, cause: err.message }, 'event skipped: payload not as the contract says');
      }
    },
  };
}
