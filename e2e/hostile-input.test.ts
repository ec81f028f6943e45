// The hostile-input suite: a few hundred generated requests (floods, bombs, junk bodies, odd unicode, forged cursors,
// wrong types, oversized strings, introspection tricks) against a development and a production market of their own.
// Every answer is a 4xx or a GraphQL error with a code; none is a 5xx; nothing internal leaks; the process stays
// healthy and its memory bounded.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CategoriesQuery, ProductsQuery } from './operations/catalog.operations';
import { LoginMutation } from './operations/users.operations';
import { demo, ok, randomAddress } from './support/client';
import { hostileRequests, type HostileRequest } from './support/hostile-requests';
import { startOwnMarket, type OwnMarket } from './support/own-market';
import type { ChildService } from './support/processes';
import { describeWithRedis } from '@espigon/kit/testing/test-services';

/** What a client must never see: stacks, internal names and addresses, SQL, source paths. */
const leaks = [
  /stacktrace/i,
  /serviceName/,
  /node_modules/,
  /\.ts:\d+/,
  /\/work\//,
  /\b(select|insert|update|delete)\s.+\b(from|into|set)\b/i,
  /127\.0\.0\.1|localhost:\d+/,
  /ECONN|ETIMEDOUT|ioredis|knex|MikroORM|pg-protocol/i,
  /at [\w.<>]+ \(/,
];
const publicCodes = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'OUT_OF_STOCK',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

interface Verdict {
  name: string;
  status: number;
  problem?: string;
}

interface Tokens {
  seller: string;
  admin: string;
}

const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

async function send(gatewayUrl: string, request: HostileRequest, tokens: Tokens, address: string): Promise<Verdict> {
  const url = new URL(gatewayUrl);
  if (request.search) url.search = request.search;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': address, ...request.headers };
  if (request.asSeller) headers.authorization = `Bearer ${tokens.seller}`;
  if (request.asAdmin) headers.authorization = `Bearer ${tokens.admin}`;
  const body =
    request.method === 'GET'
      ? undefined
      : (request.body ?? JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }));
  let response: Response;
  try {
    response = await fetch(url, { method: request.method ?? 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    return { name: request.name, status: 0, problem: `no answer: ${(err as Error).message}` };
  }
  const text = await response.text();
  const verdict: Verdict = { name: request.name, status: response.status };
  if (response.status >= 500) return { ...verdict, problem: `HTTP ${response.status}: ${text.slice(0, 300)}` };
  let parsed: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ...verdict, problem: `not JSON: ${text.slice(0, 200)}` };
  }
  // data may legitimately hold URLs and names; what an error or a refusal says may not leak anything
  const said = JSON.stringify({ errors: parsed.errors, extensions: (parsed as { extensions?: unknown }).extensions });
  const leak = leaks.find((pattern) => pattern.test(said));
  if (leak) return { ...verdict, problem: `leaks ${leak}: ${said.slice(0, 300)}` };
  if (response.status >= 400 && !parsed.errors?.length) return { ...verdict, problem: `4xx without errors: ${text.slice(0, 200)}` };
  for (const error of parsed.errors ?? []) {
    const code = error.extensions?.code;
    if (!code || !publicCodes.has(code)) return { ...verdict, problem: `error without a public code: ${JSON.stringify(error).slice(0, 300)}` };
  }
  return verdict;
}

/** Runs every request, a few at a time, and returns what went wrong. */
async function attack(gatewayUrl: string, tokens: Tokens, requests: HostileRequest[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const queue = [...requests];
  const address = randomAddress();
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let request = queue.shift(); request; request = queue.shift()) verdicts.push(await send(gatewayUrl, request, tokens, address));
    }),
  );
  return verdicts;
}

const modes = ['development', 'production'] as const;

const hostileInputAgainst = (mode: (typeof modes)[number]) => () => {
  let own: OwnMarket;
  let market: ChildService;
  let tokens: Tokens;
  let requests: HostileRequest[];

  beforeAll(async () => {
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    own = await startOwnMarket(`hostile_${mode.slice(0, 4)}`, {
      NODE_ENV: mode,
      ...(mode === 'production'
        ? {
            JWT_PRIVATE_KEY: keys.privateKey,
            JWT_PUBLIC_KEY: keys.publicKey,
            INTERNAL_SERVICE_TOKEN: randomBytes(32).toString('base64url'),
            // payments in production talks to Stripe (the run's local fake) and encrypts partner secrets
            STRIPE_SECRET_KEY: 'sk_test_espigon_fake',
            STRIPE_WEBHOOK_SECRET: 'whsec_test_hostile',
            STRIPE_API_HOST: '127.0.0.1',
            STRIPE_API_PORT: new URL(process.env.ESPIGON_FAKE_STRIPE_URL!).port,
            STRIPE_API_PROTOCOL: 'http',
            PARTNER_SECRETS_KEY: randomBytes(32).toString('base64'),
          }
        : {}),
    });
    market = own.market;
    const url = market.gatewayUrl;
    const login = async (email: string) => (await ok(LoginMutation, { email, password: demo(email).password }, { url })).login.accessToken;
    tokens = { seller: await login('rosa@espigon.ec'), admin: await login('admin@espigon.ec') };
    const categories = (await ok(CategoriesQuery, {}, { url })).categories;
    const productId = (await ok(ProductsQuery, { first: 1 }, { url })).products.edges[0].node.id;
    requests = hostileRequests({ productId, categoryId: categories[0].id, subcategoryId: categories[0].subcategories[0].id });
  });

  afterAll(() => own?.stop());

  it('answers every request with a 4xx or a coded GraphQL error, never a 5xx or a leak, and stays healthy', async () => {
    expect(new Set(requests.map((r) => r.name)).size).toBe(requests.length);
    expect(requests.length).toBeGreaterThanOrEqual(200);
    const pid = market.child.pid!;
    // warm up (lazy initialisation is not growth), then measure
    await attack(market.gatewayUrl, tokens, requests.slice(0, 20));
    const before = rssBytes(pid);
    const started = performance.now();
    const verdicts = await attack(market.gatewayUrl, tokens, requests);
    const seconds = (performance.now() - started) / 1000;
    const after = rssBytes(pid);
    const statuses = verdicts.reduce<Record<number, number>>((count, v) => ({ ...count, [v.status]: (count[v.status] ?? 0) + 1 }), {});
    console.log(
      `${mode}: ${verdicts.length} hostile requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(statuses)}; ` +
        `RSS ${(before / 2 ** 20).toFixed(0)} -> ${(after / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(verdicts.filter((v) => v.problem)).toEqual([]);
    expect(verdicts.filter((v) => v.status >= 500)).toEqual([]);

    const health = await fetch(new URL('/health', market.gatewayUrl), { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    expect(after - before).toBeLessThan(250 * 2 ** 20);
    // the seller's listing still works: nothing was half-written or wedged
    const still = await ok(ProductsQuery, { first: 5 }, { url: market.gatewayUrl });
    expect(still.products.totalCount).toBeGreaterThan(0);
  });

  if (mode === 'production') {
    it('keeps the subgraphs closed to everyone but the gateway, on loopback only', async () => {
      for (const [name, url] of Object.entries(market.subgraphUrls)) {
        expect(new URL(url).hostname).toBe('127.0.0.1');
        for (const query of [
          '{ _service { sdl } }',
          '{ _entities(representations: [{ __typename: "User", id: "6f1c7a1e-0000-4000-8000-000000000021" }]) { __typename } }',
        ]) {
          for (const headers of [{}, { 'x-gateway-credential': 'guess-guess-guess-guess-guess-guess' }] as Record<string, string>[]) {
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: JSON.stringify({ query }),
            });
            expect([name, response.status]).toEqual([name, 403]);
            expect(await response.json()).toEqual({
              errors: [{ message: 'This service answers only the gateway', extensions: { code: 'FORBIDDEN' } }],
            });
          }
        }
        expect((await fetch(new URL('/health', url))).status).toBe(200);
      }
    });
  }
};

describe('hostile input against a development market', hostileInputAgainst('development'));
// the production market's token denylist and brakes are in Redis, shared by every replica: REDIS_URL is required there
describeWithRedis('hostile input against a production market', hostileInputAgainst('production'), 'production requires REDIS_URL');
