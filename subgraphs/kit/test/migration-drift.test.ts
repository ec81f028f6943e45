// Hand-written migrations and the entities that map their tables must agree: for every subgraph, MikroORM's schema
// comparison of the migrated database against the entities finds no table or column missing, extra, retyped or with
// another nullability. (Indexes, checks, foreign keys inside a schema and defaults live in the migrations only.)
import { SchemaComparator } from '@mikro-orm/knex';
import { subgraphDefinitions } from '../../../scripts/subgraph-registry';
import { initORM, type Orm } from '../src/database/orm';
import { createLogger } from '../src/logger';

/** Columns PostgreSQL computes (generated, identity) that no entity maps on purpose. */
const databaseOnlyColumns: Record<string, string[]> = { 'catalog.product': ['name_key', 'search'], 'catalog.outbox_event': ['seq'] };

describe.each(Object.keys(subgraphDefinitions))('the %s migrations and entities', (name) => {
  let orm: Orm;

  beforeAll(async () => {
    const definition = subgraphDefinitions[name];
    orm = await initORM({
      clientUrl: process.env.ESPIGON_TEST_DATABASE_URL!,
      schema: name,
      entities: definition.entities,
      migrations: definition.migrations,
      logger: createLogger(`${name}-drift`, 'error'),
    });
  });

  afterAll(() => orm?.close());

  it('describe the same tables and columns', async () => {
    const generator = orm.getSchemaGenerator();
    const { fromSchema, toSchema } = await (
      generator as unknown as { prepareSchemaForComparison(o: object): Promise<{ fromSchema: never; toSchema: never }> }
    ).prepareSchemaForComparison({ schema: name });
    const diff = new SchemaComparator(orm.em.getPlatform()).compare(fromSchema, toSchema);
    const drift: string[] = Object.keys(diff.newTables).map((table) => `table ${table} has no migration`);
    for (const [table, changes] of Object.entries(diff.changedTables)) {
      const ignored = databaseOnlyColumns[table] ?? [];
      for (const column of Object.keys(changes.addedColumns)) drift.push(`${table}.${column}: in an entity, not in the migrations`);
      for (const column of Object.keys(changes.removedColumns)) {
        if (!ignored.includes(column)) drift.push(`${table}.${column}: in the migrations, in no entity`);
      }
      for (const [column, change] of Object.entries(changes.changedColumns)) {
        const differs = [...change.changedProperties].filter((p) => p === 'type' || p === 'nullable');
        if (differs.length) drift.push(`${table}.${column}: ${differs.join(', ')} differ (${change.fromColumn.type} -> ${change.column.type})`);
      }
    }
    expect(drift).toEqual([]);
  });
});
