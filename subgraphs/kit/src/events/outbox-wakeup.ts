// Wakes the outbox relay as soon as a transaction that wrote events commits, so no service has to remember to.
import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { OutboxEvent } from './outbox.entity';

export class OutboxWakeup implements EventSubscriber {
  /** Transactions (by their entity manager) that flushed events and have not committed yet. */
  private readonly pending = new WeakSet<object>();

  constructor(private readonly wake: () => void) {}

  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    if (!uow.getChangeSets().some((change) => change.entity instanceof OutboxEvent)) return;
    if (em.isInTransaction()) this.pending.add(em.getTransactionContext() as object);
    else this.wake();
  }

  async afterTransactionCommit({ transaction }: TransactionEventArgs): Promise<void> {
    if (transaction && this.pending.has(transaction as object)) {
      this.pending.delete(transaction as object);
      this.wake();
    }
  }
}
