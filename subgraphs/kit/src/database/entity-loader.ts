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
  const sql = `${selectColumnsSql(em, entity)} where "${columnOf(em, entity, key)}" in (?)`;
  const toEntity = readOnlyRowMapper(em, entity);
  return new DataLoader(async (values) => {
    const valid = [...new Set(values.filter(isUuid).map((v) => v.toLowerCase()))];
    const rows = valid.length ? (await em.execute<Record<string, unknown>[]>(sql, [valid])).map(toEntity) : [];
    const byKey = new Map(rows.map((row) => [String(row[key]), row]));
    return values.map((v) => (isUuid(v) ? (byKey.get(v.toLowerCase()) ?? null) : null));
  });
}
