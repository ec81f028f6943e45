// Pub/sub for live updates: Redis when REDIS_URL is set (separate publisher and subscriber connections), else in-process.
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { createRedis } from '../redis';
import type { Logger } from '../logger';

export interface EventBus {
  /** The engine, for subscription resolvers (asyncIterableIterator). */
  engine: PubSubEngine;
  /** Channel name for a topic: prefixed, so deployments and test runs sharing a Redis stay apart. */
  channel(topic: string): string;
  publish(topic: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

// One in-process engine per process: in the embedded mode every service shares it.
const inProcessEngine = new PubSub();

export function createEventBus(options: { redisUrl?: string; keyPrefix: string; name: string; logger?: Logger }): EventBus {
  const channel = (topic: string) => `${options.keyPrefix}events:${topic}`;
  if (!options.redisUrl) {
    return {
      engine: inProcessEngine,
      channel,
      publish: (topic, payload) => inProcessEngine.publish(channel(topic), payload),
      close: async () => {},
    };
  }
  const publisher = createRedis(options.redisUrl, `${options.name}:publisher`, { logger: options.logger });
  const subscriber = createRedis(options.redisUrl, `${options.name}:subscriber`, { logger: options.logger });
  const engine = new RedisPubSub({ publisher, subscriber });
  return {
    engine,
    channel,
    publish: (topic, payload) => engine.publish(channel(topic), payload),
    close: async () => {
      await engine.close();
    },
  };
}
