import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { UsersContext } from '../../users.context';
import { AuthPayload, RegisterInput } from './auth-payload.type';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Sign up as CLIENT or SELLER (ADMIN is refused)' })
  register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    return this.session(ctx, ctx.services.auth.register(ctx, input));
  }

  @Mutation(() => AuthPayload)
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: UsersContext,
  ): Promise<AuthPayload> {
    return this.session(ctx, ctx.services.auth.login(ctx, email, password));
  }

  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token; reusing an old one revokes the whole session family' })
  refreshToken(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    return this.session(ctx, ctx.services.auth.refresh(ctx, refreshToken));
  }

  private async session(ctx: UsersContext, started: Promise<AuthPayload>): Promise<AuthPayload> {
    const payload = await started;
    ctx.sessionUserIds.add(payload.user.id);
    return payload;
  }

  @Mutation(() => Boolean, { description: 'The current access token stops working at once' })
  logout(
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken: string | null,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    requireViewer(ctx);
    return ctx.services.auth.logout(ctx, refreshToken);
  }
}
