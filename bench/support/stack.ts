// What the gateway benchmarks share: the users and catalog subgraphs as processes of their own on a fresh PostgreSQL
// database and Redis prefix, a supergraph pointing at them, a catalog of at least 50 products, load runs with
// autocannon and CPU time read from /proc.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateProductMutation } from '../../e2e/operations/catalog.operations';
import { LoginMutation } from '../../e2e/operations/users.operations';
import { ok } from '../../e2e/support/client';
import { spawnMarket, spawnService, type ChildService } from '../../e2e/support/processes';
import { createDatabase, deleteRedisKeys, dropDatabase, uniqueName } from '../../e2e/support/test-resources';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';

export const root = resolve(__dirname, '..', '..');
const benchDir = resolve(__dirname, '..');

/** The benchmark-only packages (Hive Gateway, autocannon) live in bench/'s own package: installed on first use. */
export function benchRequire<T>(name: string): T {
  const paths = [benchDir];
  try {
    require.resolve(name, { paths });
  } catch {
    console.log(`installing the benchmark-only packages (bench/package.json) …`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', benchDir], { stdio: 'inherit' });
  }
  return require(require.resolve(name, { paths })) as T;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface Stack {
  dataDir: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Subgraph name → its GraphQL URL. */
  subgraphs: Record<string, ChildService & { url: string }>;
  /** supergraph.graphql with its routing URLs pointed at the running subgraphs (Hive Gateway reads them from it). */
  supergraphPath: string;
  /** Environment of a gateway of ours in front of these subgraphs. */
  gatewayEnv(port: number): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Starts `names` (e.g. users, catalog) each in its own process, in development mode like `npm run start:<name>`. */
export async function startStack(names: string[], nodeArgs: Record<string, string[]> = {}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-bench-'));
  const database = uniqueName('espigon_bench');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `${database}:`;
  const databaseUrl = await createDatabase(database);
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const subgraphs: Stack['subgraphs'] = {};
  const stop = async () => {
    for (const service of Object.values(subgraphs)) await service.stop();
    await dropDatabase(database).catch(() => undefined);
    await deleteRedisKeys(redisPrefix).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // one at a time: the first creates the development keys every other process reads from DATA_DIR
    for (const name of names) {
      const port = await freePort();
      const service = await spawnService(
        `subgraphs/${name}/src/index.ts`,
        { ...base, PORT: String(port) },
        `${name} subgraph ready`,
        join(dataDir, `${name}.log`),
        { nodeArgs: nodeArgs[name] },
      );
      subgraphs[name] = { ...service, url: `http://127.0.0.1:${port}/graphql` };
    }
    let sdl = readFileSync(join(root, 'supergraph.graphql'), 'utf8');
    for (const [name, service] of Object.entries(subgraphs)) {
      sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${service.url}$2`);
    }
    const supergraphPath = join(dataDir, 'supergraph.graphql');
    writeFileSync(supergraphPath, sdl);
    return {
      dataDir,
      databaseUrl,
      redisUrl,
      redisPrefix,
      subgraphs,
      supergraphPath,
      gatewayEnv: (port) => ({
        ...base,
        PORT: String(port),
        HOST: '127.0.0.1',
        SUPERGRAPH_PATH: supergraphPath,
        ...Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, s.url])),
      }),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Tops the demo catalog up to `count` listed products (three sellers' listings), through a gateway. */
export async function fillCatalog(url: string, count: number): Promise<void> {
  const sellers = demoAccounts.filter((a) => a.role === 'SELLER');
  const tokens: string[] = [];
  for (const seller of sellers) tokens.push((await ok(LoginMutation, { email: seller.email, password: seller.password }, { url })).login.accessToken);
  const { products } = await ok<{ products: { totalCount: number } }, Record<string, never>>('{ products(first: 1) { totalCount } }', {}, { url });
  for (let i = products.totalCount; i < count; i++) {
    const input = {
      name: `Corvina de roca ${i}`,
      priceCents: 650 + i,
      unit: 'KG' as const,
      subcategoryId: '6f1c7a1e-0002-4000-8000-000000000008',
      quantityOnHand: 100 + i,
    };
    await ok(CreateProductMutation, { input }, { url, token: tokens[i % tokens.length] });
  }
}

export async function loginToken(url: string, role: 'CLIENT' | 'SELLER' | 'ADMIN'): Promise<string> {
  const account = demoAccounts.find((a) => a.role === role)!;
  return (await ok(LoginMutation, { email: account.email, password: account.password }, { url })).login.accessToken;
}

/** CPU seconds (user + system) of a process and its descendants, from /proc. */
export function cpuSeconds(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop()!;
    total += stats.get(current)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === current) queue.push(child);
  }
  return total;
}

export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers and socket errors: a run with any is not a valid measurement. */
  failures: number;
  /** Milliseconds of CPU per request, per watched process. */
  cpuMsPerRequest: Record<string, number>;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

/** `connections` clients sending `body` to `url` for `seconds`, with the CPU the watched processes spent meanwhile. */
export async function load(
  url: string,
  body: string,
  options: { connections: number; seconds: number; token?: string; headers?: Record<string, string>; watch: Record<string, number> },
): Promise<LoadResult> {
  const autocannon = benchRequire<Autocannon>('autocannon');
  const before = Object.fromEntries(Object.entries(options.watch).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const result = await autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body,
  });
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: Object.fromEntries(
      Object.entries(options.watch).map(([name, pid]) => [name, ((cpuSeconds(pid) - before[name]) * 1000) / Math.max(1, requests)]),
    ),
  };
}

/** Sends `body` once and fails unless the answer has data and no errors (a benchmark of errors measures nothing). */
export async function expectData(url: string, body: string, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || json.errors?.length || !json.data) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json.data;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const { createWriteStream } = require('node:fs') as typeof import('node:fs');
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

export async function waitForData(url: string, body: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await expectData(url, body);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export interface RunTarget {
  name: string;
  url: string;
}

/**
 * A short warm-up of each target (JIT, plan caches, pools; not counted), then `rounds` rounds of one run each, in an
 * order that rotates so no target always runs first or right after the same one. Fails on any failed request.
 */
export async function alternatingRuns<T extends RunTarget>(
  targets: T[],
  body: string,
  options: { rounds: number; seconds: number; connections: number; token?: string; watch: (target: T) => Record<string, number> },
): Promise<Map<string, LoadResult[]>> {
  const results = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  for (const t of targets) await load(t.url, body, { connections: options.connections, seconds: 3, token: options.token, watch: {} });
  for (let round = 0; round < options.rounds; round++) {
    for (const t of targets.map((_, i) => targets[(i + round) % targets.length])) {
      const r = await load(t.url, body, {
        connections: options.connections,
        seconds: options.seconds,
        token: options.token,
        watch: options.watch(t),
      });
      if (r.failures) throw new Error(`${t.name}: ${r.failures} failed requests`);
      results.get(t.name)!.push(r);
    }
  }
  return results;
}

/** Runs a benchmark script's main and exits with its outcome (the services it started are stopped by then). */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/**
 * `npm start`'s market on a fresh data folder, handed to `use`, then stopped: on PostgreSQL and Redis when
 * DATABASE_URL and REDIS_URL are set (a database and key prefix of its own, dropped afterwards), else embedded.
 */
export async function withMarket<T>(env: NodeJS.ProcessEnv, use: (market: ChildService, real: boolean) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-bench-market-'));
  const real = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  const database = real ? uniqueName('espigon_bench') : undefined;
  const marketEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, GATEWAY_PORT: '0', SUBGRAPH_PORTS: 'auto', ...env };
  try {
    if (real) {
      Object.assign(marketEnv, { DATABASE_URL: await createDatabase(database!), REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `${database}:` });
    }
    const market = await spawnMarket(marketEnv, join(dataDir, 'market.log'));
    try {
      return await use(market, real);
    } finally {
      await market.stop();
    }
  } finally {
    if (database) {
      await dropDatabase(database).catch(() => undefined);
      await deleteRedisKeys(`${database}:`).catch(() => undefined);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
