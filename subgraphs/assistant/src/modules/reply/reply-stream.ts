// The reply's text as it is written, pushed live to `assistantReplyStream(conversationId)` over pub/sub (Redis with
// REDIS_URL), so any replica's subscribers get it. A missed chunk is acceptable: the mutation returns the whole reply.
import type { EventBus } from '@espigon/kit/events/pubsub';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { liveEvents } from '@espigon/kit/events/live-events';

export const ASSISTANT_REPLY_TOPIC = 'assistant.reply';

export interface ReplyChunkPayload {
  conversationId: string;
  userId: string;
  delta: string;
  done: boolean;
}

export function publishReplyChunk(bus: EventBus, chunk: ReplyChunkPayload): Promise<void> {
  const envelope: OutboxEnvelope<ReplyChunkPayload> = {
    eventId: '',
    topic: ASSISTANT_REPLY_TOPIC,
    occurredAt: new Date().toISOString(),
    payload: chunk,
    audience: { userIds: [chunk.userId] },
  };
  return bus.publish(ASSISTANT_REPLY_TOPIC, envelope);
}

/** The chunks of one conversation's replies, for its owner only. */
export function replyChunks(bus: EventBus, conversationId: string, userId: string): AsyncIterableIterator<OutboxEnvelope<ReplyChunkPayload>> {
  return liveEvents<ReplyChunkPayload>(
    bus,
    [ASSISTANT_REPLY_TOPIC],
    (envelope) => envelope.payload.conversationId === conversationId && envelope.payload.userId === userId,
  );
}
