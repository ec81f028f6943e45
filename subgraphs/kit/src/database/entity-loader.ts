// Request-scoped batching of lookups by a UUID key: every row a request touches comes in one query.
import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from './orm';
import { isUuid } from './uuid';

/** `key` defaults to the primary key `id`; a value that is not a UUID resolves to null without a query. */
export function createEntityLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string = 'id' as keyof T & string,
): DataLoader<string, T | null> {
  return new DataLoader(async (values) => {
    const valid = [...new Set(values.filter(isUuid).map((v) => v.toLowerCase()))];
    const rows = valid.length ? await em.find(entity, { [key]: { $in: valid } } as FilterQuery<T>) : [];
    const byKey = new Map(rows.map((row) => [String(row[key]), row]));
    return values.map((v) => (isUuid(v) ? (byKey.get(v.toLowerCase()) ?? null) : null));
  });
}
