// Starts one subgraph in-process on a database and Redis prefix of its own, for tests that need its insides (its ORM,
// a SQL statement counter, its relay): tokens signed by the development key pair, a GraphQL client and an internal one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../auth/role';
import { loadOrCreateDevelopmentInternalToken } from '../auth/internal-credential';
import { RedisTokenDenylist } from '../auth/token-denylist';
import { startSubgraph, type SubgraphDefinition } from '../server/start-subgraph';
import { createDatabase, deleteRedisKeys, dropDatabase, optionalRedisUrl, uniqueName } from './test-resources';
import { testTokenSigner } from './test-tokens';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface SubgraphHarness<Services = any> {
  url: string;
  baseUrl: string;
  service: Awaited<ReturnType<typeof startSubgraph<any, any, Services>>>;
  /** SQL statements sent since the last reset (the outbox relay's and the job worker's own polling left out). */
  statements: string[];
  resetStatements(): void;
  token(role: Role, id: string): string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  internal(method: 'GET' | 'POST', path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: any }>;
  internalToken: string;
  redisPrefix: string;
  stop(): Promise<void>;
}

export async function startSubgraphHarness<Services>(
  definition: SubgraphDefinition<any, any, Services>,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<SubgraphHarness<Services>> {
  const database = uniqueName(`espigon_${definition.name}_test`);
  const redisPrefix = `${database}:`;
  const dataDir = mkdtempSync(join(tmpdir(), `espigon-${definition.name}-test-`));
  const databaseUrl = await createDatabase(database);
  const statements: string[] = [];
  let service: SubgraphHarness<Services>['service'];
  try {
    service = await startSubgraph(
      {
        ...definition,
        onQuery: (sql) => {
          // the outbox relay and the job worker poll on their own: not the request's statements
          if (!sql.includes('"outbox_event"') && !sql.includes('"job"')) statements.push(sql);
        },
      },
      {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl,
        REDIS_URL: optionalRedisUrl(),
        REDIS_KEY_PREFIX: redisPrefix,
        DATA_DIR: dataDir,
        SEED_DEMO_DATA: 'true',
        ...options.env,
      },
    );
    // alone, the subgraph has no users subgraph to load the token denylist: mark it loaded (nobody logged out yet)
    if (service.runtime.denylist instanceof RedisTokenDenylist) await service.runtime.denylist.restore([]);
  } catch (err) {
    await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  const signToken = testTokenSigner(dataDir);
  const internalToken = loadOrCreateDevelopmentInternalToken(dataDir);
  const baseUrl = service.url.replace(/\/graphql$/, '');
  const send = async (url: string, method: string, body: string | undefined, token?: string | null) => {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text: the assertion will show it
    }
    return { status: response.status, body: parsed as any };
  };

  return {
    url: service.url,
    baseUrl,
    service,
    statements,
    resetStatements: () => {
      statements.length = 0;
    },
    token: (role, id) => signToken(role, id),
    internalToken,
    redisPrefix,
    gql: async (query, variables, token) => (await send(service.url, 'POST', JSON.stringify({ query, variables }), token)).body,
    internal: (method, path, body, token = internalToken) =>
      send(`${baseUrl}${path}`, method, body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), token),
    async stop() {
      try {
        await service.stop();
      } finally {
        await dropDatabase(database);
        await deleteRedisKeys(redisPrefix);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
