// The keyset cursor of newest-first connections (accounts, notifications, orders, partner deliveries): (createdAt, id).
import type { FilterQuery } from '@mikro-orm/core';
import { BadUserInputError } from '../errors';
import { isUuid } from '../database/uuid';
import { decodeCursor, encodeCursor } from './connection';

interface NewestFirstRow {
  id: string;
  createdAt: Date;
}

export const newestFirstOrder = { createdAt: 'desc', id: 'desc' } as const;

export function newestFirstCursor(row: NewestFirstRow): string {
  return encodeCursor([row.createdAt.toISOString(), row.id]);
}

/** The rows after a cursor; equal timestamps are told apart by id, so a page never skips or repeats a row. */
export function afterNewestFirst<T extends NewestFirstRow>(after: string): FilterQuery<T> {
  const [createdAt, id] = decodeCursor(after, 2);
  const at = typeof createdAt === 'string' ? cursorInstant(createdAt) : null;
  if (!at || !isUuid(id)) throw new BadUserInputError('Invalid cursor', 'after');
  return { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] } as FilterQuery<T>;
}

/**
 * The instant a cursor of ours holds (an ISO timestamp, as toISOString writes it, of a year a row could have been
 * created in), or null for anything else: `9999-99-99`, 30 February or year 0 never reach PostgreSQL.
 */
function cursorInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== value) return null;
  return at.getUTCFullYear() >= 2000 && at.getUTCFullYear() <= 9999 ? at : null;
}
