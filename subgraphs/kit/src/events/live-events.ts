// What a subgraph's subscription resolvers iterate: the live envelopes of some topics (pushed by the outbox relay
// through pub/sub: Redis with REDIS_URL, in-process otherwise), filtered by who may see each one. Ending the
// iteration (the client left) unsubscribes from pub/sub at once, even while it waits for an event, so nothing stays
// listening. (An async generator would not: its return() waits for the pending next(), which may never come.)
import type { EventBus } from './pubsub';
import type { OutboxEnvelope } from './outbox.entity';

export function liveEvents<P = Record<string, unknown>>(
  bus: EventBus,
  topics: readonly string[],
  accept: (envelope: OutboxEnvelope<P>) => boolean | Promise<boolean>,
): AsyncIterableIterator<OutboxEnvelope<P>> {
  const inner = bus.engine.asyncIterableIterator<OutboxEnvelope<P>>(topics.map((topic) => bus.channel(topic)));
  const done = (): IteratorResult<OutboxEnvelope<P>> => ({ value: undefined, done: true });
  return {
    async next() {
      for (;;) {
        const result = await inner.next();
        if (result.done || (await accept(result.value))) return result;
      }
    },
    async return() {
      await inner.return?.();
      return done();
    },
    async throw(error?: unknown) {
      await inner.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The audience rule written once: the event names the viewer, or a role the viewer has. */
export function inAudience(envelope: Pick<OutboxEnvelope<unknown>, 'audience'>, viewer: { id: string; role: string }): boolean {
  const audience = envelope.audience;
  if (!audience) return false;
  return Boolean(audience.userIds?.includes(viewer.id) || audience.roles?.includes(viewer.role));
}
