// Starts the catalog subgraph in-process on a fresh database and Redis prefix, for the tests that need its insides
// (the SQL statement counter, the ORM, the outbox relay): tokens signed by the development key pair, small clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, deleteRedisKeys, dropDatabase, redisUrl, uniqueName } from '../../../../e2e/support/test-resources';
import type { Role } from '@espigon/kit/auth/access-token';
import { loadOrCreateDevelopmentInternalToken } from '@espigon/kit/auth/internal-credential';
import { demoAccounts } from '@espigon/kit/demo/demo-accounts';
import { startSubgraph } from '@espigon/kit/server/start-subgraph';
import { testTokenSigner } from '@espigon/kit/testing/test-tokens';
import { RedisTokenDenylist } from '@espigon/kit/auth/token-denylist';
import { catalogSubgraph } from '../../src/catalog.subgraph';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

export interface CatalogHarness {
  url: string;
  baseUrl: string;
  service: Awaited<ReturnType<typeof startCatalogService>>;
  /** SQL statements sent since the last reset (the outbox relay's own polling left out). */
  statements: string[];
  resetStatements(): void;
  token(role: Role, id: string): string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  internal(method: 'GET' | 'POST', path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: any }>;
  internalToken: string;
  redisPrefix: string;
  stop(): Promise<void>;
}

/** A seeded seller's id, for the tokens the harness signs. */
export const ROSA = demoAccounts.find((a) => a.email === 'rosa@espigon.ec')!.id;

/** Seeded subcategory "Camarón" (fixed id). */
export const CAMARON_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000008';

function startCatalogService(env: NodeJS.ProcessEnv, onQuery: (sql: string) => void) {
  return startSubgraph({ ...catalogSubgraph, onQuery }, env);
}

export async function startCatalogHarness(options: { env?: NodeJS.ProcessEnv } = {}): Promise<CatalogHarness> {
  const database = uniqueName('espigon_catalog_test');
  const redisPrefix = `${database}:`;
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-catalog-test-'));
  const databaseUrl = await createDatabase(database);
  const statements: string[] = [];
  let service: Awaited<ReturnType<typeof startCatalogService>>;
  try {
    service = await startCatalogService(
      {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl(),
        REDIS_KEY_PREFIX: redisPrefix,
        DATA_DIR: dataDir,
        SEED_DEMO_DATA: 'true',
        ...options.env,
      },
      (sql) => {
        if (!sql.includes('"outbox_event"')) statements.push(sql);
      },
    );
    // alone, the catalog has no users subgraph to load the token denylist: mark it loaded (nobody logged out yet)
    await (service.runtime.denylist as RedisTokenDenylist).restore([]);
  } catch (err) {
    await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  const signToken = testTokenSigner(dataDir);
  const internalToken = loadOrCreateDevelopmentInternalToken(dataDir);
  const baseUrl = service.url.replace(/\/graphql$/, '');

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
    async gql(query, variables, token) {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<any>;
    },
    async internal(method, path, body, token = internalToken) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // left as text: the assertion will show it
      }
      return { status: response.status, body: parsed };
    },
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

export const CREATE_PRODUCT = `
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id name priceCents unit listed available inventory { quantityOnHand quantityReserved quantityAvailable lowStockThreshold } }
  }
`;

export function productInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Corvina de roca',
    description: 'Fresca del día',
    priceCents: 450,
    unit: 'LB',
    subcategoryId: CAMARON_SUBCATEGORY,
    quantityOnHand: 10,
    ...overrides,
  };
}
