import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { UsersContext } from '../../users.context';
import { AuthPayload, RegisterInput } from './auth-payload.type';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description:
      'Sign up as CLIENT or SELLER and start a session (an ADMIN may also create an ADMIN). At most 10 attempts an hour per client ' +
      'address, whatever their outcome (TOO_MANY_REQUESTS with retryAfterSeconds)',
  })
  register(
    @Arg('input', () => RegisterInput, { description: 'The new account' }) input: RegisterInput,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    return this.session(ctx, ctx.services.auth.register(ctx, input));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Start a session. A wrong email and a wrong password get the same UNAUTHENTICATED "Invalid email or password". By default at most ' +
      '5 failures a minute and 100 an hour per account, and 30 attempts a minute per client address (TOO_MANY_REQUESTS with retryAfterSeconds)',
  })
  login(
    @Arg('email', () => String, { description: "The account's email (case and surrounding spaces ignored)" }) email: string,
    @Arg('password', () => String, { description: "The account's password" }) password: string,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    return this.session(ctx, ctx.services.auth.login(ctx, email, password));
  }

  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token; reusing an old one revokes the whole session family' })
  refreshToken(
    @Arg('refreshToken', () => String, { description: 'The refreshToken of the last AuthPayload of the session (at most 4096 characters)' })
    refreshToken: string,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    return this.session(ctx, ctx.services.auth.refresh(ctx, refreshToken));
  }

  private async session(ctx: UsersContext, started: Promise<AuthPayload>): Promise<AuthPayload> {
    const payload = await started;
    ctx.sessionUserIds.add(payload.user.id);
    return payload;
  }

  @Mutation(() => Boolean, {
    description: "Ends the viewer's session: its access token and its refresh tokens stop working at once; true when done",
  })
  logout(
    @Arg('refreshToken', () => String, {
      nullable: true,
      description: "A refresh token of the viewer's to revoke with it (its session, when it is another one)",
    })
    refreshToken: string | null,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    requireViewer(ctx);
    return ctx.services.auth.logout(ctx, refreshToken);
  }
}
