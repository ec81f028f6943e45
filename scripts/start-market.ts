// `npm start`: the whole market in one process — every subgraph of supergraph.yaml, then the gateway.
// With no DATABASE_URL it serves an embedded PGlite (kept in DATA_DIR) to all of them; with no REDIS_URL
// they share in-process pub/sub and stores. Set both to run the same code on PostgreSQL and Redis.
//
// Three threads, so the market uses more than one core: the subgraphs on the main thread (they share the
// in-process event bus), the gateway on a worker thread of its own, and the embedded PGlite (whose SQL runs on
// the thread that holds it) on another. They talk to each other only over HTTP, WebSocket and TCP, as in production.
import 'reflect-metadata';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createLogger } from '@espigon/kit/logger';
import { startServiceWorker, type StartedService } from '@espigon/kit/server/service-worker';
import { loadOrCreateDevelopmentKeys } from '@espigon/kit/auth/signing-keys';
import { migrateSubgraph, startSubgraph, stopOnSignals } from '@espigon/kit/server/start-subgraph';
import type { RunningService } from '@espigon/kit/server/subgraph-server';
import { subgraphDefinitions } from './subgraph-registry';
import { loadDotEnv } from '@espigon/kit/dotenv';
import { readSupergraphConfig } from './supergraph-config';
import { placeDemoOrders } from './demo-orders';

/** Connections per subgraph on the embedded server (see the comment where it is used). */
const EMBEDDED_POOL_PER_SUBGRAPH = 4;

export interface RunningMarket {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  stop(): Promise<void>;
}

export async function startMarket(baseEnv: NodeJS.ProcessEnv = process.env, onCrash: (err: Error) => void = crashed): Promise<RunningMarket> {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', SEED_DEMO_DATA: 'true', DATA_DIR: '.data', ...baseEnv };
  const logger = createLogger('market', env.LOG_LEVEL);
  const started: { stop(): Promise<void> }[] = [];
  // one market per data folder: a second one would open the same embedded database and fail half-way
  started.push(lockDataDir(env.DATA_DIR!));
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  try {
    const embedded = !env.DATABASE_URL;
    // MARKET_THREADS=off: everything on one thread (less memory, one core)
    const threads = env.MARKET_THREADS !== 'off';
    const dataDir = join(env.DATA_DIR!, 'pglite', 'market');
    let database: StartedService | undefined;
    const startDatabase = async (port: number) => {
      database = await startServiceWorker(
        'embedded-postgres',
        require.resolve('@espigon/kit/database/embedded-postgres'),
        'startEmbeddedPostgres',
        { dataDir, port },
        onCrash,
        { thread: threads },
      );
      return database.url;
    };
    started.push({ stop: async () => database?.stop() });
    if (embedded) {
      env.DATABASE_URL = await startDatabase(env.EMBEDDED_POSTGRES_PORT ? Number(env.EMBEDDED_POSTGRES_PORT) : 0);
      logger.info({ url: env.DATABASE_URL, dataDir }, 'embedded PostgreSQL (PGlite) started');
    }
    if (env.NODE_ENV !== 'production' && !env.JWT_PUBLIC_KEY) {
      const keys = loadOrCreateDevelopmentKeys(env.DATA_DIR!);
      env.JWT_PUBLIC_KEY = keys.publicKey;
      env.JWT_PRIVATE_KEY = keys.privateKey;
    }
    const ephemeral = env.SUBGRAPH_PORTS === 'auto';
    // the gateway's port is settled before the subgraphs start: the assistant's tools call the gateway (GATEWAY_URL)
    const gatewayPort = env.GATEWAY_PORT === '0' ? String(await freePort()) : (env.GATEWAY_PORT ?? '4000');
    env.GATEWAY_URL ??= `http://127.0.0.1:${gatewayPort}/graphql`;
    // PGlite runs one statement at a time however many connections it has: a few per subgraph is plenty, and keeps
    // six subgraphs (6 × 4, plus one short-lived migration connection each) under its 32
    const poolMax = embedded ? String(EMBEDDED_POOL_PER_SUBGRAPH) : env.DATABASE_POOL_MAX;
    const entries = readSupergraphConfig();
    // every schema migrated first (in parallel), so no subgraph's seed or first request waits behind another's migration
    const migrated = await Promise.all(
      entries.map(async (entry) => {
        const definition = subgraphDefinitions[entry.name];
        if (!definition) throw new Error(`no definition registered for subgraph "${entry.name}"`);
        const applied = await migrateSubgraph(definition, env.DATABASE_URL!, logger);
        if (applied.length) logger.info({ subgraph: entry.name, migrations: applied }, 'migrations applied');
        return applied.length;
      }),
    );
    if (embedded && threads && migrated.some(Boolean)) {
      // PGlite's WebAssembly memory grows while a fresh database is set up and never shrinks: a new thread on the same
      // data folder and port starts small again (nothing holds a connection yet)
      await database!.stop();
      await startDatabase(Number(new URL(env.DATABASE_URL!).port));
    }
    // then in parallel, in waves: a subgraph that calls another's internal API (its definition's `needs`) starts once
    // that one listens, and is told where (CATALOG_URL); the others seed and start at the same time
    const internalUrls: Record<string, string> = {};
    const results: PromiseSettledResult<readonly [string, string]>[] = [];
    let pending = entries;
    while (pending.length) {
      const wave = pending.filter((entry) => (subgraphDefinitions[entry.name].needs ?? []).every((name) => internalUrls[name]));
      if (!wave.length) throw new Error(`subgraphs that need ones never started: ${pending.map((e) => e.name).join(', ')}`);
      pending = pending.filter((entry) => !wave.includes(entry));
      const settled = await Promise.allSettled(
        wave.map(async (entry) => {
          const definition = subgraphDefinitions[entry.name];
          const port = ephemeral ? '0' : new URL(entry.routingUrl).port;
          const needed = Object.fromEntries((definition.needs ?? []).map((name) => [`${name.toUpperCase()}_URL`, internalUrls[name]]));
          // subgraphs answer only the gateway, which runs in this same process: loopback only
          const service: RunningService = await startSubgraph(definition, {
            ...env,
            ...needed,
            HOST: '127.0.0.1',
            PORT: port,
            DATABASE_POOL_MAX: poolMax,
          });
          started.push(service);
          internalUrls[entry.name] = service.url.replace(/\/graphql$/, '');
          return [entry.name, service.url] as const;
        }),
      );
      results.push(...settled);
      if (settled.some((r) => r.status === 'rejected')) break;
    }
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const subgraphUrls: Record<string, string> = Object.fromEntries(
      results.map((r) => (r as PromiseFulfilledResult<readonly [string, string]>).value),
    );
    const gatewayEnv: NodeJS.ProcessEnv = { ...env, PORT: gatewayPort };
    for (const [name, url] of Object.entries(subgraphUrls)) gatewayEnv[`SUBGRAPH_URL_${name.toUpperCase()}`] = url;
    const gateway: StartedService = await startServiceWorker(
      'gateway',
      require.resolve('@espigon/gateway/gateway-server'),
      'startGateway',
      gatewayEnv,
      onCrash,
      { thread: threads && env.MARKET_THREADS !== 'database' },
    );
    started.push(gateway);
    // the demo data's history (orders, payments, a refund) goes through the gateway once, the first time; a market
    // whose demo step fails still serves (the orders it did place stay, and it is not tried again)
    if (['true', '1', 'yes'].includes(env.SEED_DEMO_DATA ?? '')) {
      await placeDemoOrders(gateway.url, logger, { simulatedCards: !env.STRIPE_SECRET_KEY && env.NODE_ENV !== 'production' }).catch((err: Error) =>
        logger.warn({ err }, 'the demo orders could not all be placed'),
      );
    }
    logger.info({ gateway: gateway.url, subgraphs: subgraphUrls }, 'market ready');
    return { gatewayUrl: gateway.url, subgraphUrls, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A port free on this machine now (GATEWAY_PORT=0: tests that run markets side by side). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Takes DATA_DIR/market.pid, or refuses at once when a live process holds it. Its stop() lets it go. */
function lockDataDir(dataDir: string): { stop(): Promise<void> } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'market.pid');
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The market is already running on ${dataDir} (pid ${pid}): stop it, or set DATA_DIR to another folder`);
    }
    rmSync(path, { force: true }); // left by a market that did not stop cleanly
  }
  writeFileSync(path, String(process.pid), { flag: 'wx' });
  return {
    stop: async () => {
      if (existsSync(path) && readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A thread of the market died after start-up (see the logs above): half a market is not served. */
function crashed(err: Error): void {
  console.error(`The market stops: ${err.message}`);
  process.exit(1);
}

/** What to tell the operator when start-up fails: a taken port names the variable that moves it. */
function describeStartFailure(err: unknown): string {
  const error = err as NodeJS.ErrnoException & { port?: number };
  if (error?.code === 'EADDRINUSE') {
    return `Port ${error.port ?? ''} is already in use: stop what holds it, or move the market with GATEWAY_PORT (the gateway, default 4000) and SUBGRAPH_PORTS=auto (the subgraphs, default 4001-4006)`;
  }
  return err instanceof Error ? err.message : String(err);
}

if (require.main === module) {
  loadDotEnv();
  const startedAt = Date.now();
  startMarket().then(
    (market) => {
      const logger = createLogger('market');
      console.log(`\n  Espigón Marketplace is up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${market.gatewayUrl}\n`);
      stopOnSignals(market.stop, logger);
    },
    (err) => {
      console.error(describeStartFailure(err));
      process.exit(1);
    },
  );
}
