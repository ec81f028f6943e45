// A PostgreSQL or Redis that hangs (stopped, not refusing) never hangs the API: every call has a timeout, the answer
// is SERVICE_UNAVAILABLE (retry), and the market recovers by itself when the dependency does. On a run without Redis
// the market has none (in-process stores) and only PostgreSQL (the embedded PGlite server, over TCP) is stalled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CategoriesQuery } from './operations/catalog.operations';
import { LoginMutation, MeQuery, RegisterMutation } from './operations/users.operations';
import { errorCode, execute, ok, uniqueEmail, type GraphQLResponse } from './support/client';
import { spawnMarket, type ChildService } from './support/processes';
import { startStallProxy, type StallProxy } from './support/stall-proxy';
import { createDatabase, deleteRedisKeys, dropDatabase, optionalRedisUrl, uniqueName } from './support/test-resources';
import { testWithRedis } from '@espigon/kit/testing/test-services';

/** Fails the test instead of waiting for jest's timeout when the API hangs. */
const HANG_GUARD_MS = 15_000;

async function answered<T>(request: Promise<GraphQLResponse<T>>): Promise<GraphQLResponse<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_GUARD_MS} ms: the request hangs`)), HANG_GUARD_MS);
  });
  try {
    return await Promise.race([request, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('PostgreSQL and Redis that stop answering', () => {
  const database = uniqueName('espigon_stall');
  const prefix = `${database}:`;
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-stall-'));
  let market: ChildService;
  let postgres: StallProxy;
  let redis: StallProxy | undefined;
  let url: string;
  const password = 'Atasco-2026-pass';
  const email = uniqueEmail('stall');
  let token: string;

  beforeAll(async () => {
    const databaseUrl = new URL(await createDatabase(database));
    postgres = await startStallProxy(databaseUrl.hostname, Number(databaseUrl.port || 5432));
    const realRedis = optionalRedisUrl();
    if (realRedis) {
      const redisTarget = new URL(realRedis);
      redis = await startStallProxy(redisTarget.hostname, Number(redisTarget.port || 6379));
    }
    databaseUrl.host = `127.0.0.1:${postgres.port}`;
    market = await spawnMarket(
      {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: redis ? `redis://127.0.0.1:${redis.port}` : undefined,
        REDIS_KEY_PREFIX: prefix,
        DATA_DIR: dataDir,
        GATEWAY_PORT: '0',
        SUBGRAPH_PORTS: 'auto',
        SEED_DEMO_DATA: 'true',
        DATABASE_QUERY_TIMEOUT_MS: '1000',
      },
      join(dataDir, 'market.log'),
    );
    url = market.gatewayUrl;
    await ok(RegisterMutation, { input: { email, password, name: 'Cliente Atasco', role: 'CLIENT' } }, { url });
    token = (await ok(LoginMutation, { email, password }, { url })).login.accessToken;
  });

  afterAll(async () => {
    redis?.thaw();
    postgres?.thaw();
    await market?.stop();
    await redis?.close();
    await postgres?.close();
    await dropDatabase(database);
    await deleteRedisKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  testWithRedis('Redis hanging: signed-in requests get SERVICE_UNAVAILABLE, logins still work, readiness says so', async () => {
    const redisProxy = redis!;
    redisProxy.freeze();
    try {
      const me = await answered(execute(MeQuery, {}, { url, token }));
      expect(me.status).toBe(200);
      expect(errorCode(me)).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(me)).not.toMatch(/timed out|ioredis|ECONN/i);

      // the login brakes fall back to per-process counters while Redis cannot answer
      const login = await answered(execute(LoginMutation, { email, password }, { url }));
      expect(login.errors ?? []).toEqual([]);

      const ready = await fetch(new URL('/ready', market.subgraphUrls.users), { signal: AbortSignal.timeout(HANG_GUARD_MS) });
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { redis: 'unavailable' } });
    } finally {
      redisProxy.thaw();
    }
    let me = await execute(MeQuery, {}, { url, token });
    for (let attempt = 0; attempt < 50 && me.errors; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      me = await execute(MeQuery, {}, { url, token });
    }
    expect(me.data?.me?.name).toBe('Cliente Atasco');
  });

  it('PostgreSQL hanging: reads answer SERVICE_UNAVAILABLE, not a hang, and recover after', async () => {
    postgres.freeze();
    try {
      const categories = await answered(execute(CategoriesQuery, {}, { url }));
      expect(categories.status).toBe(200);
      expect(errorCode(categories)).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(categories)).not.toMatch(/timeout|select|catalog\.|knex/i);
    } finally {
      postgres.thaw();
    }
    let categories = await execute(CategoriesQuery, {}, { url });
    for (let attempt = 0; attempt < 50 && categories.errors; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      categories = await execute(CategoriesQuery, {}, { url });
    }
    expect(categories.data?.categories.length).toBeGreaterThan(0);
  });
});
