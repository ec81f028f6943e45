// Tells a dependency that is down or stalled (PostgreSQL, Redis) from a bug, and describes database errors for the
// log without the SQL or its values (a failed INSERT's SQL holds emails and password hashes).
import { ConnectionException, DriverException, LockWaitTimeoutException } from '@mikro-orm/core';

/** Connection refused, reset or timed out; statement or lock timeout; server shutting down. */
const unavailableMessage =
  /Command timed out|Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Query read timeout|timeout exceeded when trying to connect|Connection terminated|Timeout acquiring a connection|canceling statement due to (statement|lock) timeout/i;
/** SQLSTATE classes 08 (connection), 57 (operator intervention: query canceled, shutdown), 53 (insufficient resources). */
const unavailableSqlState = /^(08|57|53)/;

export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (current as { originalError?: unknown } | null)?.originalError;
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

export function isDependencyUnavailable(error: unknown): boolean {
  const cause = rootCause(error);
  if (cause instanceof ConnectionException || cause instanceof LockWaitTimeoutException) return true;
  const sqlState = (cause as { code?: unknown } | null)?.code;
  if (cause instanceof DriverException && typeof sqlState === 'string' && unavailableSqlState.test(sqlState)) return true;
  return cause instanceof Error && unavailableMessage.test(cause.message);
}

/** What may be logged of a database error: its kind and SQLSTATE, never its message (the SQL with its values). */
export function describeDatabaseError(error: unknown): { type: string; sqlState?: string; routine?: string } | null {
  const cause = rootCause(error);
  if (!(cause instanceof DriverException)) return null;
  const { code, routine } = cause as DriverException & { routine?: string };
  return { type: cause.name, sqlState: typeof code === 'string' ? code : undefined, routine };
}
