// Request-scoped batching of lookups by a UUID key: every row a request touches comes in one query.
import DataLoader from 'dataloader';
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from './orm';
import { columnOf, readOnlyRowMapper, selectColumnsSql } from './read-only-rows';
import { isUuid } from './uuid';

/**
 * `key` defaults to the primary key `id`; a value that is not a UUID resolves to null without a query. What it loads is
 * read-only (see read-only-rows.ts): for resolvers and federation references, which show rows and never change them.
 */
export function createEntityLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string = 'id' as keyof T & string,
): DataLoader<string, T | null> {
  const sql = loaderSql(em, entity, key);
  const toEntity = readOnlyRowMapper(em, entity);
  return new DataLoader(async (values) => {
    const valid = [...new Set(values.filter(isUuid).map((v) => v.toLowerCase()))];
    const rows = valid.length ? (await em.execute<Record<string, unknown>[]>(sql, [valid])).map(toEntity) : [];
    const byKey = new Map(rows.map((row) => [String(row[key]), row]));
    return values.map((v) => (isUuid(v) ? (byKey.get(v.toLowerCase()) ?? null) : null));
  });
}

/** A loader's statement, built once per entity and key (loaders are created for every request). */
const loaderStatements = new WeakMap<object, Map<string, string>>();

function loaderSql<T extends object>(em: EntityManager, entity: EntityName<T>, key: keyof T & string): string {
  const meta = em.getMetadata().get<T>(entity);
  let byKey = loaderStatements.get(meta);
  if (!byKey) loaderStatements.set(meta, (byKey = new Map()));
  let sql = byKey.get(key);
  if (sql === undefined) byKey.set(key, (sql = `${selectColumnsSql(em, entity)} where "${columnOf(em, entity, key)}" in (?)`));
  return sql;
}
