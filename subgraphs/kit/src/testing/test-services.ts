// Which PostgreSQL and Redis a test run uses. The preflight (jest's global setup) decides once, in a few seconds, and
// records the choice in the environment every test worker inherits; test files read it to create their databases and
// Redis connections, and to skip (with the reason) what cannot run without a real Redis or PostgreSQL.
//
// An explicit DATABASE_URL or REDIS_URL must answer: CI sets both, and must fail loudly when its services are down,
// never pass on the embedded default (ESPIGON_TEST_EMBEDDED_FALLBACK=1 allows the fallback anyway). An unset one is
// looked for at its default address (127.0.0.1:5432/test, 127.0.0.1:6379); when nothing usable answers there, the run
// uses the embedded default: an embedded PGlite server for each test database, and no Redis (in-process bus and stores).
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { withTimeout } from '../timeout';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TestServices {
  /** The real PostgreSQL test databases are created on (its admin URL); null: each is an embedded PGlite server. */
  postgres: string | null;
  /** The real Redis; null: none at all (in-process bus and stores), and tests that need one are skipped. */
  redis: string | null;
}

const RECORD = 'ESPIGON_TEST_SERVICES';
/** Each probe's bound: the whole preflight answers within a few seconds, whatever the network does. */
const PROBE_TIMEOUT_MS = 2000;

/** The run's choice. Outside a run that went through the preflight (a bench, a script): the environment or the defaults. */
export function testServices(): TestServices {
  const recorded = process.env[RECORD];
  if (recorded) return JSON.parse(recorded) as TestServices;
  return { postgres: process.env.DATABASE_URL || DEFAULT_DATABASE_URL, redis: process.env.REDIS_URL || DEFAULT_REDIS_URL };
}

export const hasRedis = () => testServices().redis !== null;
export const hasPostgres = () => testServices().postgres !== null;

/** Why something is not there, in one short line (the driver's code when it has one). */
function why(err: unknown): string {
  const error = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = error.code ?? error.errors?.find((e) => e.code)?.code;
  return code && !/^\d/.test(code) ? code : (error.message ?? String(err)).split('\n')[0];
}

/** Hides a password in a URL that is printed. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

async function probePostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await withTimeout(
      client.connect().then(() => client.query('select 1')),
      PROBE_TIMEOUT_MS,
      'connecting',
    );
  } finally {
    void client.end().catch(() => undefined); // not awaited: a server that never answered may never say goodbye either
  }
}

async function probeRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let refusal: Error | undefined;
  redis.on('error', (err: Error) => (refusal ??= err));
  try {
    await withTimeout(
      redis.connect().then(() => redis.ping()),
      PROBE_TIMEOUT_MS,
      'connecting',
    );
  } catch (err) {
    throw refusal ?? err; // the socket's own error (ECONNREFUSED …), not ioredis's "Connection is closed"
  } finally {
    redis.disconnect();
  }
}

export interface Preflight {
  services: TestServices;
  /** What to tell the person running the tests, first. */
  report: string[];
}

/**
 * Looks for PostgreSQL and Redis (both at once, each bounded) and decides. Throws, naming the variable, when an
 * explicitly set one does not answer and the fallback was not asked for.
 */
export async function preflightTestServices(env: NodeJS.ProcessEnv = process.env): Promise<Preflight> {
  const fallbackAllowed = ['1', 'true', 'yes'].includes(env.ESPIGON_TEST_EMBEDDED_FALLBACK ?? '');
  const problems: string[] = [];
  const choose = async (variable: 'DATABASE_URL' | 'REDIS_URL', fallback: string, probe: (url: string) => Promise<void>) => {
    const explicit = env[variable] || undefined;
    const url = explicit ?? fallback;
    try {
      await probe(url);
      return { url, failure: null };
    } catch (err) {
      const failure = `${shown(url)} (${explicit ? variable : `${variable} unset, its default`}) does not answer: ${why(err)}`;
      if (explicit && !fallbackAllowed) problems.push(failure);
      return { url: null, failure };
    }
  };
  const [postgres, redis] = await Promise.all([
    choose('DATABASE_URL', DEFAULT_DATABASE_URL, probePostgres),
    choose('REDIS_URL', DEFAULT_REDIS_URL, probeRedis),
  ]);
  if (problems.length) {
    throw new Error(
      [
        'The tests cannot reach the services they were given:',
        ...problems.map((p) => `  - ${p}`),
        'Start them, or unset the variable to let the tests look for one and otherwise run on the embedded default',
        '(or set ESPIGON_TEST_EMBEDDED_FALLBACK=1 to fall back even when it is set).',
      ].join('\n'),
    );
  }
  const report = [
    postgres.url
      ? `PostgreSQL: ${shown(postgres.url)} (each test database created there, dropped after)`
      : `PostgreSQL: ${postgres.failure}; running on the embedded PGlite (one server per test database); tests that need a real PostgreSQL are skipped`,
    redis.url
      ? `Redis: ${shown(redis.url)} (each test run under a key prefix of its own, deleted after)`
      : `Redis: ${redis.failure}; in-process bus and stores (no REDIS_URL); tests that need Redis are skipped`,
  ];
  return { services: { postgres: postgres.url, redis: redis.url }, report };
}

/** Makes the choice the run's: this process's environment, which jest's workers and every spawned market inherit. */
export function recordTestServices(services: TestServices): void {
  process.env[RECORD] = JSON.stringify(services);
}

// Tests that cannot run without a service are skipped, not failed: jest reports them as skipped, and the title says
// why ("[skipped: needs Redis]", or "[skipped: needs Redis: <why>]"), which the summary reporter
// (e2e/support/skip-summary-reporter.js) counts at the end. A skipped describe's body still runs (jest collects its
// tests): it must connect to nothing itself, only in hooks and tests.
const skippedTitle = (name: string, reason: string, detail?: string) => `${name} [skipped: ${reason}${detail ? `: ${detail}` : ''}]`;

function guard(available: () => boolean, reason: string) {
  return {
    describe: (name: string, fn: () => void, detail?: string) =>
      available() ? describe(name, fn) : describe.skip(skippedTitle(name, reason, detail), fn),
    test: (name: string, fn: jest.ProvidesCallback, timeout?: number, detail?: string) =>
      available() ? test(name, fn, timeout) : test.skip(skippedTitle(name, reason, detail), fn, timeout),
  };
}

const withRedis = guard(hasRedis, 'needs Redis');
const withPostgres = guard(hasPostgres, 'needs a real PostgreSQL');

/** A block that needs a real Redis (outages, Redis keys, instances sharing Redis pub/sub or streams). */
export const describeWithRedis = withRedis.describe;
export const testWithRedis = withRedis.test;
/** A block that needs a real PostgreSQL server (what PGlite cannot stand in for). */
export const describeWithPostgres = withPostgres.describe;
export const testWithPostgres = withPostgres.test;
