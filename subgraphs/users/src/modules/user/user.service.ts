// Reading users: the viewer's own account, and the admin's paged list.
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../../../../kit/src/database/orm';
import { BadUserInputError } from '../../../../kit/src/errors';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../../../kit/src/graphql/connection';
import type { Role } from './role.enum';
import { UserConnection } from './user-connection.type';
import { User } from './user.entity';

export class UserService {
  /** Newest first; the cursor is (createdAt, id) so equal timestamps never skip or repeat a row. */
  async list(em: EntityManager, args: { first?: number | null; after?: string | null; role?: Role | null }): Promise<UserConnection> {
    const limit = pageSize(args.first);
    const where: FilterQuery<User> = args.role ? { role: args.role } : {};
    let pageWhere: FilterQuery<User> = where;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      const at = new Date(String(createdAt));
      if (Number.isNaN(at.getTime()) || typeof id !== 'string') throw new BadUserInputError('Invalid cursor', 'after');
      pageWhere = { $and: [where, { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] }] };
    }
    const [rows, totalCount] = await Promise.all([
      em.find(User, pageWhere, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      em.count(User, where),
    ]);
    return toConnection(UserConnection, rows, limit, totalCount, (u) => encodeCursor([u.createdAt.toISOString(), u.id]));
  }
}
