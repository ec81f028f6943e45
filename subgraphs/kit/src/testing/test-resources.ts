// Per-run test resources: a database and a Redis key prefix of its own, created and dropped by the test run. On real
// PostgreSQL a database is created on the server; on the embedded default it is an embedded PGlite server of its own
// (PGlite holds one database per instance), started in a child process and stopped when it is dropped.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { startPgliteProcess, type PgliteProcess } from './pglite-process';
import { testServices } from './test-services';

/** The real PostgreSQL's admin URL; null on the embedded default. */
export const adminDatabaseUrl = (): string | null => testServices().postgres;

/** The run's Redis, for a test that needs one (describeWithRedis / testWithRedis): throws when the run has none. */
export function redisUrl(): string {
  const url = testServices().redis;
  if (!url) throw new Error('This test needs Redis, and the run has none: wrap it in describeWithRedis or testWithRedis');
  return url;
}

/** The run's Redis, or undefined on the embedded default (what REDIS_URL of a market or subgraph the tests start is). */
export const optionalRedisUrl = (): string | undefined => testServices().redis ?? undefined;

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Embedded databases this process created, by name (dropped by the process that created them). */
const embedded = new Map<string, PgliteProcess>();

export async function createDatabase(name: string): Promise<string> {
  const admin = adminDatabaseUrl();
  if (!admin) {
    const server = await startPgliteProcess();
    embedded.set(name, server);
    return server.url;
  }
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const server = embedded.get(name);
  if (server) {
    embedded.delete(name);
    await server.stop();
    return;
  }
  const admin = adminDatabaseUrl();
  if (!admin) return;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** Deletes the keys under a prefix; on a run without Redis there are none. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const url = optionalRedisUrl();
  if (!url) return 0;
  const redis = new Redis(url);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
