// Starts the whole market once per test run, on a fresh database and Redis prefix, against real PostgreSQL and Redis.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnMarket, type ChildService } from './processes';
import { createDatabase, redisUrl, uniqueName } from './test-resources';
import { startFakeStripe, type FakeStripe } from './fake-stripe';

declare global {
  // eslint-disable-next-line no-var
  var __ESPIGON_MARKET__: ChildService | undefined;
  // eslint-disable-next-line no-var
  var __ESPIGON_FAKE_STRIPE__: FakeStripe | undefined;
}

/** The unit project needs no market: run alone (`npm run test:unit`), nothing is started. */
export default async function globalSetup(globalConfig: { selectProjects?: string[] }): Promise<void> {
  const selected = globalConfig.selectProjects;
  if (selected && selected.length > 0 && selected.every((name) => name === 'unit')) return;
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
      REDIS_URL: redisUrl(),
      REDIS_KEY_PREFIX: redisPrefix,
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'true',
      GATEWAY_PORT: '0',
      SUBGRAPH_PORTS: 'auto',
      // test files sign up many accounts from one address; the limit itself is tested on a market of its own
      REGISTER_MAX_PER_IP_PER_HOUR: '1000',
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
