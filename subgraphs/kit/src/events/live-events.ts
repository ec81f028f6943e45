// What a subgraph's subscription resolvers iterate: the live envelopes of some topics (pushed by the outbox relay
// through pub/sub: Redis with REDIS_URL, in-process otherwise), filtered by who may see each one. Ending the
// iteration (the client left) unsubscribes from pub/sub, so nothing stays listening.
import type { EventBus } from './pubsub';
import type { OutboxEnvelope } from './outbox.entity';

export async function* liveEvents<P = Record<string, unknown>>(
  bus: EventBus,
  topics: readonly string[],
  accept: (envelope: OutboxEnvelope<P>) => boolean | Promise<boolean>,
): AsyncGenerator<OutboxEnvelope<P>> {
  const iterator = bus.engine.asyncIterableIterator<OutboxEnvelope<P>>(topics.map((topic) => bus.channel(topic)));
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (await accept(next.value)) yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** The audience rule written once: the event names the viewer, or a role the viewer has. */
export function inAudience(envelope: Pick<OutboxEnvelope<unknown>, 'audience'>, viewer: { id: string; role: string }): boolean {
  const audience = envelope.audience;
  if (!audience) return false;
  return Boolean(audience.userIds?.includes(viewer.id) || audience.roles?.includes(viewer.role));
}
