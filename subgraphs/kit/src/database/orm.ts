// MikroORM bound to the subgraph's own PostgreSQL schema, with its own migrations table there.
import { MikroORM, type Options, type MigrationObject, type Constructor } from '@mikro-orm/core';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import type { Logger } from '../logger';

export type { EntityManager };
export type Orm = MikroORM<PostgreSqlDriver>;

export interface InitOrmOptions {
  clientUrl: string;
  /** PostgreSQL schema owned by the subgraph; no other service reads or writes it. */
  schema: string;
  entities: Options['entities'];
  migrations: (MigrationObject | Constructor<Migration>)[];
  logger: Logger;
  /** Called with every SQL statement sent (after parameters are bound); used to count queries. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Longest a statement may run (server side) and a reply may take (client side: covers a stalled server). */
  queryTimeoutMs?: number;
  overrides?: Partial<Options<PostgreSqlDriver>>;
}

export async function initORM(options: InitOrmOptions): Promise<Orm> {
  const queryTimeoutMs = options.queryTimeoutMs ?? 2000;
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // every call has a bound: a stalled PostgreSQL gives SERVICE_UNAVAILABLE, not a request that hangs
    driverOptions: {
      acquireConnectionTimeout: queryTimeoutMs,
      connection: { statement_timeout: queryTimeoutMs, query_timeout: queryTimeoutMs + 500, connectionTimeoutMillis: Math.min(queryTimeoutMs, 3000) },
    },
    onQuery: (sql: string) => {
      options.onQuery?.(sql);
      return sql;
    },
    logger: (message: string) => options.logger.debug({ orm: message }),
    ...options.overrides,
  });
  return orm;
}

/** Applies pending migrations; each runs in its own transaction, all or nothing. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
