// An event's writes to the read model, sent to PostgreSQL as ONE statement (each write a data-modifying CTE): the
// projector works out every row an event moves, then pays one round trip for all of them rather than one each.
import type { EntityManager } from '@espigon/kit/database/orm';

export class BatchedWrites {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];

  /** A write (an insert, update or upsert, without `returning`) with its `?` parameters. */
  add(sql: string, params: readonly unknown[]): void {
    this.parts.push(`w${this.parts.length} as (${sql})`);
    this.params.push(...params);
  }

  /** Rows of `columns` as a `values (?, …), (?, …)` list and its parameters, for an insert. */
  static values(rows: readonly (readonly unknown[])[]): { sql: string; params: unknown[] } {
    return { sql: `values ${rows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')}`, params: rows.flat() };
  }

  get size(): number {
    return this.parts.length;
  }

  /** Runs every write in one statement (data-modifying CTEs run exactly once whether or not they are referenced). */
  async run(tx: EntityManager): Promise<void> {
    if (!this.parts.length) return;
    await tx.execute(`with ${this.parts.join(', ')} select 1`, this.params);
  }
}
