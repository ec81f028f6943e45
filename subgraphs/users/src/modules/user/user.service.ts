// Reading users: the viewer's own account, and the admin's paged list.
import type { FilterQuery } from '@mikro-orm/core';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { BadUserInputError } from '@espigon/kit/errors';
import { isUuid } from '@espigon/kit/database/uuid';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '@espigon/kit/graphql/connection';
import type { Role } from './role.enum';
import { UserConnection } from './user-connection.type';
import { User } from './user.entity';

export class UserService {
  /** Newest first; the cursor is (createdAt, id) so equal timestamps never skip or repeat a row. */
  async list({ em }: ServiceContext, args: { first?: number | null; after?: string | null; role?: Role | null }): Promise<UserConnection> {
    const limit = pageSize(args.first);
    const where: FilterQuery<User> = args.role ? { role: args.role } : {};
    let pageWhere: FilterQuery<User> = where;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      const at = typeof createdAt === 'string' ? cursorInstant(createdAt) : null;
      if (!at || !isUuid(id)) throw new BadUserInputError('Invalid cursor', 'after');
      pageWhere = { $and: [where, { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] }] };
    }
    const [rows, totalCount] = await Promise.all([
      em.find(User, pageWhere, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      em.count(User, where),
    ]);
    return toConnection(UserConnection, rows, limit, totalCount, (u) => encodeCursor([u.createdAt.toISOString(), u.id]));
  }
}

/**
 * The instant a cursor of ours holds (an ISO timestamp, as toISOString writes it, of a year an account could have been
 * created in), or null for anything else: `9999-99-99`, 30 February or year 0 never reach PostgreSQL.
 */
function cursorInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== value) return null;
  return at.getUTCFullYear() >= 2000 && at.getUTCFullYear() <= 9999 ? at : null;
}
