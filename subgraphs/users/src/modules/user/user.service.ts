// Reading users: the viewer's own account, and the admin's paged list.
import type { FilterQuery } from '@mikro-orm/core';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { pageSize, toConnection } from '@espigon/kit/graphql/connection';
import { afterNewestFirst, newestFirstCursor, newestFirstOrder } from '@espigon/kit/graphql/newest-first-cursor';
import type { Role } from './role.enum';
import { UserConnection } from './user-connection.type';
import { User } from './user.entity';

export class UserService {
  /** Newest first; the cursor is (createdAt, id) so equal timestamps never skip or repeat a row. */
  async list({ em }: ServiceContext, args: { first?: number | null; after?: string | null; role?: Role | null }): Promise<UserConnection> {
    const limit = pageSize(args.first);
    const where: FilterQuery<User> = args.role ? { role: args.role } : {};
    const pageWhere: FilterQuery<User> = args.after ? { $and: [where, afterNewestFirst<User>(args.after)] } : where;
    const rows = await em.find(User, pageWhere, { orderBy: newestFirstOrder, limit: limit + 1 });
    // counted only when the client asks for totalCount
    return toConnection(UserConnection, rows, limit, () => em.count(User, where), newestFirstCursor);
  }
}
