// Rows read to be shown, not changed: mapped by MikroORM's own compiled result mapper (column names to properties,
// types converted) into objects of the entity's class that are never hydrated into the identity map or change-tracked.
//
// They are instances of the class (`instanceof` holds, getters such as Inventory.quantityAvailable work, and
// type-graphql hands them to `@Root()` as they are instead of copying each into a `new Product()` per field), but
// their prototype is a layer over the class's that holds a plain data property for every mapped property: assigning
// them then creates ordinary own properties, where the class's own prototype has MikroORM's change-tracking setters
// (each of which would build the entity's wrapper and an accessor per property: as costly as hydration itself).
// On a page of 50 products that skips most of the ORM's per-entity work (create, merge, propagation) and its garbage.
// Never modify or flush what these return; load the entity with the entity manager to change it.
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from './orm';

export type RowMapper<T> = (row: Record<string, unknown>) => T;

const readOnlyPrototypes = new WeakMap<object, object>();

/** Maps raw rows of `entity`'s table (column names as keys) to read-only objects of its class. */
export function readOnlyRowMapper<T extends object>(em: EntityManager, entity: EntityName<T>): RowMapper<T> {
  const meta = em.getMetadata().get<T>(entity);
  const driver = em.getDriver();
  let prototype = readOnlyPrototypes.get(meta.prototype);
  if (!prototype) {
    const plain = Object.fromEntries(meta.props.map((p) => [p.name, { value: undefined, writable: true, enumerable: false, configurable: true }]));
    prototype = Object.create(meta.prototype, plain) as object;
    readOnlyPrototypes.set(meta.prototype, prototype);
  }
  const layer = prototype;
  return (row) => Object.assign(Object.create(layer) as T, driver.mapResult(row as never, meta));
}

/** `select <every mapped column> from <table>` of `entity`, in the subgraph's schema (generated columns left out). */
export function selectColumnsSql<T extends object>(em: EntityManager, entity: EntityName<T>): string {
  const meta = em.getMetadata().get<T>(entity);
  const schema = meta.schema ?? em.config.get('schema');
  const columns = meta.props
    .filter((p) => p.persist !== false && !p.lazy && p.fieldNames?.length && !p.formula)
    .flatMap((p) => p.fieldNames)
    .map((c) => `"${c}"`);
  return `select ${columns.join(', ')} from ${schema ? `"${schema}".` : ''}"${meta.tableName}"`;
}

/** The column a property is stored in. */
export function columnOf<T extends object>(em: EntityManager, entity: EntityName<T>, property: keyof T & string): string {
  const prop = (em.getMetadata().get<T>(entity).properties as Record<string, { fieldNames?: string[] }>)[property];
  if (!prop?.fieldNames?.length) throw new Error(`${String(entity)} has no column for ${property}`);
  return prop.fieldNames[0];
}
