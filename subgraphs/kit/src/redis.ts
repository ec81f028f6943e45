// Redis connections: each caller gets its own (a subscriber connection cannot issue commands).
import { Redis } from 'ioredis';
import type { Logger } from './logger';

export interface RedisOptions {
  /**
   * Commands fail at once while disconnected instead of queueing: for request paths (token denylist,
   * rate limits), where a quick, typed refusal beats a request hanging until Redis returns.
   */
  failFast?: boolean;
  /**
   * A command without a reply by then fails ("Command timed out"): a Redis that hangs (stopped, not refusing)
   * must not hang the requests that need it.
   */
  commandTimeoutMs?: number;
  logger?: Logger;
}

export function createRedis(url: string, name: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectionName: `espigon:${name}`,
    maxRetriesPerRequest: options.failFast ? 0 : 2,
    enableOfflineQueue: !options.failFast,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 5000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  // one line per outage, not one per reconnection attempt
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    options.logger?.warn({ err: { message: err.message }, connection: name }, 'Redis unreachable; reconnecting');
  });
  client.on('ready', () => {
    if (down) options.logger?.info({ connection: name }, 'Redis reachable again');
    down = false;
  });
  return client;
}
