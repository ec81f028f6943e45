import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ForbiddenError } from '../../../../kit/src/errors';
import { optionalViewer, requireViewer } from '../../../../kit/src/server/request-context';
import type { UsersContext } from '../../users.context';
import { Role } from './role.enum';
import { SellerProfile } from './seller-profile.type';
import { UserConnection } from './user-connection.type';
import { User } from './user.entity';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The logged-in user; null when anonymous' })
  async me(@Ctx() ctx: UsersContext): Promise<User | null> {
    const viewer = optionalViewer(ctx);
    return viewer ? ctx.loaders.user.load(viewer.id) : null;
  }

  @Query(() => UserConnection, { description: 'Every account, newest first (ADMIN only)' })
  users(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('role', () => Role, { nullable: true }) role: Role | null,
    @Ctx() ctx: UsersContext,
  ): Promise<UserConnection> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.users.list(ctx.em, { first, after, role });
  }

  @Query(() => User, { nullable: true, description: 'A user by id: sellers are public; other accounts to themselves and admins' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<User | null> {
    const user = await ctx.loaders.user.load(id);
    if (!user) return null;
    const viewer = optionalViewer(ctx);
    if (user.role !== Role.SELLER && viewer?.id !== user.id && viewer?.role !== Role.ADMIN) throw new ForbiddenError();
    return user;
  }

  /** Sellers' emails are their public business contact; anyone else's is seen by themselves and admins. */
  @FieldResolver(() => String)
  email(@Root() user: User, @Ctx() ctx: UsersContext): string {
    const viewer = ctx.viewer;
    const own = viewer?.id === user.id || ctx.sessionUserIds.has(user.id);
    if (user.role === Role.SELLER || own || viewer?.role === Role.ADMIN) return user.email;
    throw new ForbiddenError("Only the account's owner and administrators see this email");
  }

  @FieldResolver(() => SellerProfile, { nullable: true, description: 'Only for sellers' })
  sellerProfile(@Root() user: User): SellerProfile | null {
    if (user.role !== Role.SELLER || !user.stallName) return null;
    return Object.assign(new SellerProfile(), { stallName: user.stallName, pierSection: user.pierSection });
  }
}
