import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ForbiddenError } from '@espigon/kit/errors';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import { optionalViewer, requireViewer } from '@espigon/kit/server/request-context';
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

  @Query(() => UserConnection, { description: 'ADMIN: every account, newest first' })
  users(
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Arg('role', () => Role, { nullable: true, description: 'Only the accounts of this role' }) role: Role | null,
    @Ctx() ctx: UsersContext,
  ): Promise<UserConnection> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.users.list(ctx, { first, after, role });
  }

  @Query(() => User, {
    nullable: true,
    description: 'A user by id: sellers are public; other accounts to themselves and admins (null otherwise, as for an unknown id)',
  })
  async user(@Arg('id', () => ID, { description: "The user's id" }) id: string, @Ctx() ctx: UsersContext): Promise<User | null> {
    const viewer = optionalViewer(ctx);
    const user = await ctx.loaders.user.load(id);
    return user && (user.role === Role.SELLER || viewer?.id === user.id || viewer?.role === Role.ADMIN) ? user : null;
  }

  /** Sellers' emails are their public business contact; anyone else's is seen by themselves and admins. */
  @FieldResolver(() => String)
  email(@Root() user: User, @Ctx() ctx: UsersContext): string {
    return this.privateField(user, ctx, user.email, "Only the account's owner and administrators see this email");
  }

  /** The same rule as email: a seller's phone is their stall's; a client's is theirs and the admins' to see. */
  @FieldResolver(() => String, { nullable: true })
  phone(@Root() user: User, @Ctx() ctx: UsersContext): string | null {
    return this.privateField(user, ctx, user.phone, "Only the account's owner and administrators see this phone number");
  }

  @FieldResolver(() => Role)
  role(@Root() user: User, @Ctx() ctx: UsersContext): Role {
    return this.privateField(user, ctx, user.role, "Only the account's owner and administrators see this role");
  }

  @FieldResolver(() => SellerProfile, { nullable: true, description: "A seller's stall; null for clients and admins" })
  sellerProfile(@Root() user: User): SellerProfile | null {
    if (user.role !== Role.SELLER || !user.stallName) return null;
    return Object.assign(new SellerProfile(), { stallName: user.stallName, pierSection: user.pierSection });
  }

  /** Field rules hold on every path, `_entities` included: a reference hands out no more than a query would. */
  private privateField<T>(user: User, ctx: UsersContext, value: T, refusal: string): T {
    const viewer = ctx.viewer;
    const own = viewer?.id === user.id || ctx.sessionUserIds.has(user.id);
    if (user.role === Role.SELLER || own || viewer?.role === Role.ADMIN) return value;
    throw new ForbiddenError(refusal);
  }
}
