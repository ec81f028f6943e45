// `npm run reports:rebuild`: rebuilds the reports read model from scratch out of the producers' durable streams, with
// the same consumers as the running service (modules/rebuild/rebuild-read-model.ts says how and what it cannot do).
// Needs the market's DATABASE_URL, REDIS_URL and REDIS_KEY_PREFIX; refuses (exit 1, the reason on stderr) without them,
// or when a stream has dropped events. Afterwards every dashboardUpdated subscriber of the rebuilt sellers is signalled.
import 'reflect-metadata';
import { loadConfig } from '@espigon/kit/config';
import { initORM, type Orm } from '@espigon/kit/database/orm';
import { createEventBus } from '@espigon/kit/events/pubsub';
import { InboxEvent } from '@espigon/kit/events/inbox';
import { createLogger } from '@espigon/kit/logger';
import { createRedis } from '@espigon/kit/redis';
import { loadDotEnv } from '@espigon/kit/dotenv';
import { migrateSubgraph, type SubgraphRuntime } from '@espigon/kit/server/start-subgraph';
import type { InitOrmOptions } from '@espigon/kit/database/orm';
import { reportsConfigSchema, type ReportsConfig } from './config';
import { RebuildRefusedError, rebuildReadModel } from './modules/rebuild/rebuild-read-model';
import { reportsSubgraph } from './reports.subgraph';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(reportsConfigSchema, process.env) as ReportsConfig;
  const logger = createLogger('reports-rebuild', config.LOG_LEVEL);
  if (!config.REDIS_URL) {
    throw new RebuildRefusedError(
      'REDIS_URL is not set: without Redis the durable event streams live in the memory of the process that runs the market ' +
        '(npm start), where nothing outside it can read them; rebuild against the market’s DATABASE_URL and REDIS_URL',
    );
  }
  if (!config.DATABASE_URL) {
    throw new RebuildRefusedError('DATABASE_URL is not set: the read model to rebuild is in the market’s PostgreSQL database');
  }
  await migrateSubgraph(reportsSubgraph, config.DATABASE_URL, logger);
  const orm: Orm = await initORM({
    clientUrl: config.DATABASE_URL,
    schema: reportsSubgraph.name,
    entities: [...(reportsSubgraph.entities as unknown[]), InboxEvent] as InitOrmOptions['entities'],
    migrations: [],
    logger,
    queryTimeoutMs: 30 * 60_000,
    poolMax: 2,
  });
  const redis = createRedis(config.REDIS_URL, 'reports-rebuild', { logger });
  const events = createEventBus({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, name: 'reports-rebuild', logger });
  try {
    // the running service's own consumers (and live signal), made as startSubgraph makes them
    const runtime = { config, logger, orm, redis, events } as unknown as SubgraphRuntime<ReportsConfig>;
    const services = await reportsSubgraph.createServices(runtime);
    const started = Date.now();
    const result = await rebuildReadModel({
      em: orm.em,
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
      schema: reportsSubgraph.name,
      subgraph: reportsSubgraph.name,
      consumers: reportsSubgraph.consumers!(services, runtime),
      logger,
    });
    logger.info({ ...result, ms: Date.now() - started }, 'read model rebuilt');
    process.stdout.write(
      `read model rebuilt: ${result.applied} events applied (${JSON.stringify(result.events)}), tables ${result.tables.join(', ')}\n`,
    );
  } finally {
    // the live signal is published after commit: give it a moment to leave before the connections close
    await new Promise((resolve) => setTimeout(resolve, 200));
    await events.close();
    redis.disconnect();
    await orm.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const refused = err instanceof RebuildRefusedError;
    process.stderr.write(`reports:rebuild ${refused ? 'refused' : 'failed'}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
