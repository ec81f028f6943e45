// Fills inboxes from the market's domain events (orders, stock alerts): each event's notifications commit with the
// inbox record that marks it handled, so a redelivery writes nothing.
import type { EntityManager } from '@espigon/kit/database/orm';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import type { Logger } from '@espigon/kit/logger';
import type { EventConsumerSpec } from '@espigon/kit/server/start-subgraph';
import { systemContext } from '@espigon/kit/server/service-context';
import { notificationsFor, notifyingTopics, UnreadableEventError, type NotificationDraft } from './notification-rules';
import type { NotificationService } from './notification.service';

export function notificationConsumer(notifications: NotificationService, logger: Logger): EventConsumerSpec {
  return {
    name: 'notifications',
    topics: notifyingTopics,
    async handle(envelope: OutboxEnvelope, tx: EntityManager): Promise<void> {
      const ctx = systemContext(tx, logger, envelope.eventId);
      let drafts: NotificationDraft[];
      try {
        drafts = notificationsFor(envelope.topic, envelope.payload);
      } catch (err) {
        // a payload off the contract would fail the same way on every retry and hold up every event behind it
        if (!(err instanceof UnreadableEventError)) throw err;
        ctx.logger.warn({ eventId: envelope.eventId, topic: envelope.topic, cause: err.message }, 'event skipped: payload not as the contract says');
        return;
      }
      await notifications.deliver(ctx, envelope.eventId, drafts);
    },
  };
}
