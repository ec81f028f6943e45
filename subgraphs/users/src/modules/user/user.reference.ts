import type { UsersContext } from '../../users.context';
import type { User } from './user.entity';

export async function resolveUserReference(reference: Pick<User, 'id'>, ctx: UsersContext): Promise<User | null> {
  return ctx.loaders.user.load(reference.id);
}
