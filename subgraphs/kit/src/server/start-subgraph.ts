// Brings a subgraph up from its definition: config, logger, database (real or embedded), Redis, auth, schema, server.
/* eslint-disable @typescript-eslint/no-explicit-any */
import 'reflect-metadata';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { loadConfig, type ServiceConfig } from '../config';
import { createLogger, type Logger } from '../logger';
import { initORM, migrate, type EntityManager, type InitOrmOptions, type Orm } from '../database/orm';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { createRedis } from '../redis';
import { createEventBus, type EventBus } from '../events/pubsub';
import { createEventStream, type EventConsumer, type EventStream } from '../events/event-stream';
import { Migration20261124000001_kit_outbox, Migration20261124000002_kit_inbox } from '../events/event-migrations';
import { handleBatchOnce, handleOnce, InboxEvent } from '../events/inbox';
import { OutboxEvent, type OutboxEnvelope } from '../events/outbox.entity';
import { OutboxRelay } from '../events/outbox-relay';
import { OutboxWakeup } from '../events/outbox-wakeup';
import { Job, JobWorker, Migration20261124000003_kit_jobs, type JobHandler, type RecurringJob } from '../jobs/job-queue';
import { AccessTokenVerifier } from '../auth/access-token';
import { MemoryTokenDenylist, RedisTokenDenylist, type TokenDenylist } from '../auth/token-denylist';
import { resolvePublicKey } from '../auth/signing-keys';
import { resolveInternalServiceToken } from '../auth/internal-credential';
import type { RequestContext } from './request-context';
import { startSubgraphServer, type ReadinessCheck, type RunningService } from './subgraph-server';
import { once } from 'node:events';
import { join } from 'node:path';
import { withTimeout } from '../timeout';
import { loadDotEnv } from '../dotenv';

/** What a subgraph's own code receives once the common parts are up. */
export interface SubgraphRuntime<Cfg extends ServiceConfig> {
  config: Cfg;
  logger: Logger;
  orm: Orm;
  /** Command connection when REDIS_URL is set (keys must use config.REDIS_KEY_PREFIX). */
  redis?: Redis;
  /** Live pub/sub, for pushes to subscribers (a missed one is acceptable). */
  events: EventBus;
  /** Durable service-to-service events (Redis Streams, or in-process without Redis). */
  stream: EventStream;
  /** When the definition has `outbox: true`: relays the outbox to the stream and pub/sub. */
  outboxRelay: OutboxRelay | null;
  /** When the definition has `jobs`: runs them (wake() after enqueueing work due now). */
  jobWorker: JobWorker | null;
  denylist: TokenDenylist;
  verifier: AccessTokenVerifier;
  /** The services' shared secret (INTERNAL_SERVICE_TOKEN; generated into DATA_DIR outside production). */
  internalToken: string;
}

export interface SubgraphDefinition<Cfg extends ServiceConfig, Ctx extends RequestContext, Services> {
  name: string;
  /**
   * Subgraphs whose internal API this one calls (e.g. orders → catalog): `npm start` starts them first and passes
   * each one's base URL as `<NAME>_URL` (CATALOG_URL).
   */
  needs?: string[];
  /** serviceConfigSchema extended with the subgraph's own variables. */
  configSchema: z.ZodObject;
  /** Variables this subgraph requires in production, beyond the common ones. */
  productionRequired?: string[];
  entities: InitOrmOptions['entities'];
  migrations: InitOrmOptions['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  createServices(runtime: SubgraphRuntime<Cfg>): Promise<Services> | Services;
  extendContext(base: RequestContext, services: Services, runtime: SubgraphRuntime<Cfg>): Ctx;
  /** Idempotent demo data, run when SEED_DEMO_DATA is on. */
  seed?(em: EntityManager, services: Services, runtime: SubgraphRuntime<Cfg>): Promise<void>;
  routes?(app: Express, services: Services, runtime: SubgraphRuntime<Cfg>): void;
  /** Background work (schedulers, relays) started after the server; returns its stopper. */
  background?(services: Services, runtime: SubgraphRuntime<Cfg>): () => Promise<void>;
  onQuery?: (sql: string) => void;
  /**
   * Emits events with `recordOutboxEvent(em, topic, payload, audience)` inside its transactions: the kit adds the
   * outbox table and entity, and relays committed events to the stream (durable) and pub/sub (live).
   */
  outbox?: boolean;
  /** Consumes other services' events: each delivered at least once, its effect committed once (inbox). */
  consumers?(services: Services, runtime: SubgraphRuntime<Cfg>): EventConsumerSpec[];
  /** Durable scheduled and retried work (`enqueueJob(em, name, payload)` in the transaction that causes it). */
  jobs?(services: Services, runtime: SubgraphRuntime<Cfg>): { handlers: JobHandler[]; recurring?: RecurringJob[] };
}

export interface EventConsumerSpec {
  /** Unique within the subgraph; with it, the consumer group (`<subgraph>.<name>`) and the inbox's consumer name. */
  name: string;
  topics: string[];
  /** Runs in the transaction that records the event as handled; throwing rolls both back and retries later. */
  handle(envelope: OutboxEnvelope, tx: EntityManager): Promise<void>;
  /**
   * Opt in: the events of one read from the stream (up to 50) are claimed and handled in ONE transaction (one commit
   * for all, far more events per second); their inbox claims commit with their effects, so each still takes effect
   * once. When that transaction fails, the events are handled one per transaction, and a failing one stops only itself.
   */
  batched?: boolean;
}

export async function startSubgraph<Cfg extends ServiceConfig, Ctx extends RequestContext, Services>(
  definition: SubgraphDefinition<Cfg, Ctx, Services>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService & { runtime: SubgraphRuntime<Cfg>; services: Services }> {
  const config = loadConfig(definition.configSchema, env, definition.productionRequired) as Cfg;
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const stoppers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.warn({ err }, 'error while stopping');
      }
    }
  };

  try {
    let clientUrl = config.DATABASE_URL;
    if (!clientUrl) {
      const embedded = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'pglite', definition.name) });
      stoppers.push(() => embedded.stop());
      clientUrl = embedded.url;
      logger.info({ port: embedded.port }, 'no DATABASE_URL: using the embedded PGlite database');
    }
    const ormOptions = ormOptionsFor(definition, clientUrl, logger);
    const applied = await migrateSubgraph(definition, clientUrl, logger);
    const orm = await initORM({ ...ormOptions, queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS, poolMax: config.DATABASE_POOL_MAX });
    stoppers.push(() => orm.close());
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

    let redis: Redis | undefined;
    const readiness: ReadinessCheck[] = [];
    if (config.REDIS_URL) {
      const client = createRedis(config.REDIS_URL, definition.name, {
        failFast: true,
        commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
        logger,
      });
      redis = client;
      stoppers.push(() => client.quit());
      readiness.push({ name: 'redis', check: () => client.ping() });
      // fail-fast commands refuse until connected: give the first connection a moment, but start regardless
      await withTimeout(once(client, 'ready'), 3000, 'first Redis connection').catch(() =>
        logger.warn('Redis not reachable at start-up; requests that need it are refused until it is'),
      );
    }
    const events = createEventBus({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, name: definition.name, logger });
    stoppers.push(() => events.close());
    const stream = createEventStream({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, name: definition.name, logger });
    stoppers.push(() => stream.close());
    let outboxRelay: OutboxRelay | null = null;
    if (definition.outbox) {
      const relay = new OutboxRelay({
        orm,
        schema: definition.name,
        events,
        stream,
        logger: logger.child({ component: 'outbox-relay' }),
        pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      });
      orm.em.getEventManager().registerSubscriber(new OutboxWakeup(() => relay.wake()));
      outboxRelay = relay;
    }
    const denylist: TokenDenylist = redis ? new RedisTokenDenylist(redis, config.REDIS_KEY_PREFIX) : new MemoryTokenDenylist();
    const publicKey = resolvePublicKey(config.JWT_PUBLIC_KEY, config.NODE_ENV, config.DATA_DIR);
    const verifier = new AccessTokenVerifier(publicKey, config.JWT_ISSUER, config.JWT_AUDIENCE, denylist);
    const internalToken = resolveInternalServiceToken(config.INTERNAL_SERVICE_TOKEN, config.NODE_ENV, config.DATA_DIR);
    const runtime: SubgraphRuntime<Cfg> = {
      config,
      logger,
      orm,
      redis,
      events,
      stream,
      outboxRelay,
      jobWorker: null,
      denylist,
      verifier,
      internalToken,
    };

    const services = await definition.createServices(runtime);
    if (definition.jobs) {
      const { handlers, recurring } = definition.jobs(services, runtime);
      runtime.jobWorker = new JobWorker({ orm, schema: definition.name, handlers, recurring, logger: logger.child({ component: 'jobs' }) });
    }
    if (config.SEED_DEMO_DATA && definition.seed) {
      await definition.seed(orm.em.fork(), services, runtime);
    }
    const schema = await definition.buildSchema();
    const server = await startSubgraphServer<Ctx>({
      name: definition.name,
      config,
      logger,
      schema,
      orm,
      verifier,
      readiness,
      internalToken,
      extendContext: (base) => definition.extendContext(base, services, runtime),
      routes: definition.routes ? (app) => definition.routes!(app, services, runtime) : undefined,
    });
    stoppers.push(() => server.stopHttp());
    if (outboxRelay) {
      const relay = outboxRelay;
      relay.start();
      stoppers.push(() => relay.stop());
    }
    const consumers: EventConsumer[] = (definition.consumers?.(services, runtime) ?? []).map((spec) => {
      const group = `${definition.name}.${spec.name}`;
      return stream.consume({
        group,
        topics: spec.topics,
        logger: logger.child({ consumer: group }),
        handle: async (envelope) => {
          await handleOnce(orm.em, group, envelope, (tx) => spec.handle(envelope, tx));
        },
        handleBatch: spec.batched
          ? async (envelopes) => {
              await handleBatchOnce(orm.em, group, envelopes, (envelope, tx) => spec.handle(envelope, tx));
            }
          : undefined,
      });
    });
    stoppers.push(() => Promise.all(consumers.map((c) => c.stop())));
    if (runtime.jobWorker) {
      const worker = runtime.jobWorker;
      worker.start();
      stoppers.push(() => worker.stop());
    }
    if (definition.background) stoppers.push(definition.background(services, runtime));

    return {
      name: definition.name,
      url: server.url,
      port: server.port,
      runtime,
      services,
      stop: async () => {
        logger.info('shutting down');
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The subgraph's entities and migrations, the kit's included as its definition asks (outbox, inbox, jobs). */
function ormOptionsFor(definition: SubgraphDefinition<any, any, any>, clientUrl: string, logger: Logger): InitOrmOptions {
  const consumes = Boolean(definition.consumers);
  return {
    clientUrl,
    schema: definition.name,
    entities: [
      ...(definition.entities as unknown[]),
      ...(definition.outbox ? [OutboxEvent] : []),
      ...(consumes ? [InboxEvent] : []),
      ...(definition.jobs ? [Job] : []),
    ] as InitOrmOptions['entities'],
    migrations: [
      ...definition.migrations,
      ...(definition.outbox ? [Migration20261124000001_kit_outbox] : []),
      ...(consumes ? [Migration20261124000002_kit_inbox] : []),
      ...(definition.jobs ? [Migration20261124000003_kit_jobs] : []),
    ],
    logger,
    onQuery: definition.onQuery,
  };
}

/**
 * Applies a subgraph's pending migrations on a connection of its own: they may legitimately run long (an index on a
 * large table) where requests may not, and they need no entity metadata (raw SQL), so this connection starts fast.
 * `npm start` runs it for every subgraph before starting any, so no seed waits behind another's migration.
 */
export async function migrateSubgraph(definition: SubgraphDefinition<any, any, any>, clientUrl: string, logger: Logger): Promise<string[]> {
  const migrator = await initORM({
    ...ormOptionsFor(definition, clientUrl, logger),
    entities: [],
    queryTimeoutMs: 30 * 60_000,
    poolMax: 1,
    overrides: { discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true, warnWhenNoEntities: false } },
  });
  try {
    return await migrate(migrator);
  } finally {
    await migrator.close();
  }
}

/** A subgraph's whole `index.ts`: `runSubgraph(usersSubgraph)`. Starts it, drains it on SIGTERM, exits 1 if it cannot start. */
export function runSubgraph<Cfg extends ServiceConfig, Ctx extends RequestContext, Services>(
  definition: SubgraphDefinition<Cfg, Ctx, Services>,
): void {
  loadDotEnv();
  startSubgraph(definition).then(
    (service) => stopOnSignals(service.stop, service.runtime.logger),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

/** Stops the service cleanly on SIGTERM/SIGINT; a second signal forces the exit. */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'signal received, draining');
    stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
