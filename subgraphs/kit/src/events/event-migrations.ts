// The tables behind a subgraph's events, added to its migrations by the kit when its definition asks for them.
import { Migration } from '@mikro-orm/migrations';
import { inboxTableSql } from './inbox';
import { outboxTableSql } from './outbox.entity';

/** Idempotent: a subgraph that created its outbox in its own first migration (catalog) gets only what is new. */
export class Migration20261124000001_kit_outbox extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxTableSql(this.config.get('schema')!)) this.addSql(sql);
  }
}

export class Migration20261124000002_kit_inbox extends Migration {
  override async up(): Promise<void> {
    for (const sql of inboxTableSql(this.config.get('schema')!)) this.addSql(sql);
  }
}
