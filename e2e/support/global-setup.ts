// Decides which PostgreSQL and Redis the run uses (the preflight: a few seconds, said in the first lines), then starts
// the whole market once per test run, on a fresh database and Redis prefix: real PostgreSQL and Redis when they answer,
// otherwise the embedded default (an embedded PGlite server, in-process bus and stores).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnMarket, type ChildService } from './processes';
import { createDatabase, optionalRedisUrl, uniqueName } from './test-resources';
import { preflightTestServices, recordTestServices } from '@espigon/kit/testing/test-services';
import { startFakeStripe, type FakeStripe } from './fake-stripe';

declare global {
  // eslint-disable-next-line no-var
  var __ESPIGON_MARKET__: ChildService | undefined;
  // eslint-disable-next-line no-var
  var __ESPIGON_FAKE_STRIPE__: FakeStripe | undefined;
}

/** The shared market's waits on the embedded default: for its database, for catalog and orders, at the gateway. */
const embeddedPatience = {
  DATABASE_QUERY_TIMEOUT_MS: '10000',
  CATALOG_TIMEOUT_MS: '10000',
  ORDERS_TIMEOUT_MS: '10000',
  SUBGRAPH_TIMEOUT_MS: '30000',
};

/** The unit project needs no market: run alone (`npm run test:unit`), nothing is started. */
export default async function globalSetup(globalConfig: { selectProjects?: string[] }): Promise<void> {
  const selected = globalConfig.selectProjects;
  if (selected && selected.length > 0 && selected.every((name) => name === 'unit')) return;
  const { services, report } = await preflightTestServices();
  recordTestServices(services);
  process.stderr.write(`\n${report.map((line) => `  ${line}`).join('\n')}\n\n`);
  const database = uniqueName('espigon_test');
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-test-'));
  const redisPrefix = `${database}:`;
  // recorded first, so teardown cleans up even when start-up fails
  Object.assign(process.env, { ESPIGON_TEST_DATABASE: database, ESPIGON_TEST_DATA_DIR: dataDir, ESPIGON_TEST_REDIS_PREFIX: redisPrefix });
  const databaseUrl = await createDatabase(database);
  // Stripe is a local fake that speaks its HTTP API: the market's payments subgraph is pointed at it
  const stripe = await startFakeStripe();
  globalThis.__ESPIGON_FAKE_STRIPE__ = stripe;
  Object.assign(process.env, { ESPIGON_FAKE_STRIPE_URL: stripe.url, ESPIGON_STRIPE_WEBHOOK_SECRET: 'whsec_test_espigon_market' });
  const market = await spawnMarket(
    {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: optionalRedisUrl(),
      REDIS_KEY_PREFIX: redisPrefix,
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'true',
      GATEWAY_PORT: '0',
      SUBGRAPH_PORTS: 'auto',
      // test files sign up many accounts from one address; the limit itself is tested on a market of its own
      REGISTER_MAX_PER_IP_PER_HOUR: '1000',
      // the demo accounts ask the assistant from several test files; the per-minute limit is tested on a market of its own
      ASSISTANT_MESSAGES_PER_MINUTE: '1000',
      // PGlite runs one statement at a time, so on the embedded default the test files running side by side (two
      // concurrency tests among them) queue on this market's database: it waits longer for it than a request waits
      // for PostgreSQL (2 s), and so do the callers up the chain (stalls and timeouts are tested on markets of their own)
      ...(services.postgres ? {} : embeddedPatience),
      STRIPE_SECRET_KEY: 'sk_test_espigon_fake',
      STRIPE_WEBHOOK_SECRET: 'whsec_test_espigon_market',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(stripe.port),
      STRIPE_API_PROTOCOL: 'http',
    },
    join(dataDir, 'market.log'),
  );
  globalThis.__ESPIGON_MARKET__ = market;
  Object.assign(process.env, {
    ESPIGON_GATEWAY_URL: market.gatewayUrl,
    ESPIGON_SUBGRAPH_URLS: JSON.stringify(market.subgraphUrls),
    ESPIGON_TEST_DATABASE_URL: databaseUrl,
  });
}
