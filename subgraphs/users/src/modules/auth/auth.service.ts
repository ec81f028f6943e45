// Registration, login, refresh-token rotation with reuse detection, logout.
import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { REVOCATION_GRACE_MS, type TokenDenylist } from '@espigon/kit/auth/token-denylist';
import { BadUserInputError, ConflictError, ForbiddenError, ServiceUnavailableError, UnauthenticatedError } from '@espigon/kit/errors';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';
import { AuthPayload, type RegisterInput } from './auth-payload.type';
import type { AuthRateLimiter } from './auth-rate-limiter';
import type { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { RevokedAccessToken } from './revoked-access-token.entity';
import {
  EMAIL_MAX,
  NAME_MAX,
  PASSWORD_MAX,
  PIER_SECTION_MAX,
  REFRESH_TOKEN_MAX,
  STALL_NAME_MAX,
  assertStrongPassword,
  normaliseEmail,
  optionalPhone,
  requireText,
} from './registration-rules';
import type { TokenIssuer } from './token-issuer';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export class AuthService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly limiter: AuthRateLimiter,
    private readonly denylist: TokenDenylist,
    /** Told when a logout is recorded in PostgreSQL but Redis could not take it, so Redis gets it when it answers. */
    private readonly onDenylistMissed: () => void = () => undefined,
  ) {}

  /**
   * Clients and sellers sign themselves up; only an admin may create another admin. Every attempt counts against the
   * address; the input is checked and the email looked up before the password is hashed, so a refused attempt costs
   * no argon2 work. An existing email is a CONFLICT: a uniqueness error cannot help saying so (see README).
   */
  async register(ctx: ServiceContext, input: RegisterInput): Promise<AuthPayload> {
    const { em } = ctx;
    await this.limiter.beforeRegistration(ctx.clientIp);
    if (input.role === Role.ADMIN && ctx.viewer?.role !== Role.ADMIN) {
      throw new ForbiddenError('Administrators cannot register themselves');
    }
    const email = normaliseEmail(input.email);
    assertStrongPassword(input.password, email);
    const fields = {
      email,
      name: requireText(input.name, 'name', NAME_MAX),
      role: input.role,
      phone: optionalPhone(input.phone),
      stallName: input.role === Role.SELLER ? requireText(input.stallName, 'stallName', STALL_NAME_MAX) : null,
      pierSection: input.role === Role.SELLER && input.pierSection ? requireText(input.pierSection, 'pierSection', PIER_SECTION_MAX) : null,
    };
    if ((await em.count(User, { email })) > 0) throw new ConflictError('This email is already registered');
    const user = em.create(User, { ...fields, passwordHash: await this.hasher.hash(input.password) } as User);
    try {
      await em.flush();
    } catch (err) {
      // two sign-ups with one email at once: the unique index decides
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError('This email is already registered');
      throw err;
    }
    return this.startSession(em, user, randomUUID());
  }

  async login(ctx: ServiceContext, emailInput: string, password: string): Promise<AuthPayload> {
    const { em } = ctx;
    // an over-long email or password can match no account: refused before it becomes a rate-limiter key or argon2 input
    if (emailInput.length > EMAIL_MAX + 10 || password.length > PASSWORD_MAX) throw new UnauthenticatedError('Invalid email or password');
    const email = emailInput.trim().toLowerCase();
    if (!email || email.length > EMAIL_MAX) throw new UnauthenticatedError('Invalid email or password');
    await this.limiter.beforeLogin(email, ctx.clientIp);
    const user = await em.findOne(User, { email });
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
    await this.limiter.recordSuccess(email);
    return this.startSession(em, user, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. The old one is marked used in a conditional update,
   * so of two concurrent uses only one wins; a used or revoked token revokes its whole family.
   */
  async refresh(ctx: ServiceContext, token: string): Promise<AuthPayload> {
    const { em } = ctx;
    if (token.length > REFRESH_TOKEN_MAX) throw new UnauthenticatedError('Invalid refresh token');
    const claims = this.tokens.verifyRefreshToken(token);
    if (!claims) throw new UnauthenticatedError('Invalid refresh token');
    const stored = await em.findOne(RefreshToken, { id: claims.tokenId });
    if (!stored || stored.tokenHash !== sha256(token) || stored.familyId !== claims.familyId) {
      throw new UnauthenticatedError('Invalid refresh token');
    }
    const now = new Date();
    const claimed = await em.nativeUpdate(RefreshToken, { id: stored.id, usedAt: null, revokedAt: null, expiresAt: { $gt: now } }, { usedAt: now });
    if (claimed !== 1) {
      // revoked: its session ended (logout, or a reuse already detected), the whole family with it
      if (stored.revokedAt) throw new UnauthenticatedError('Refresh token revoked; log in again');
      if (stored.usedAt) {
        await this.revokeFamily(em, stored.familyId);
        throw new UnauthenticatedError('Refresh token already used; every session of this login was revoked');
      }
      throw new UnauthenticatedError('Refresh token expired');
    }
    const user = await em.findOne(User, { id: stored.userId });
    if (!user) throw new UnauthenticatedError('Invalid refresh token');
    return this.startSession(em, user, stored.familyId);
  }

  /**
   * Ends the session at once: the access token is recorded as revoked (PostgreSQL, the durable record) together with
   * its session's refresh-token family and, when given, the refresh token's family; then it goes on the denylist every
   * subgraph checks. If Redis cannot take it, the logout is refused (retryable), and the denylist is topped up from
   * PostgreSQL as soon as Redis answers, so the token stops working even if the client never retries.
   */
  async logout(ctx: ServiceContext, refreshToken: string | null | undefined): Promise<boolean> {
    const { em, viewer } = ctx;
    if (!viewer) throw new UnauthenticatedError('Authentication required');
    if (refreshToken && refreshToken.length > REFRESH_TOKEN_MAX) throw new BadUserInputError('Invalid refresh token', 'refreshToken');
    const families = new Set<string>();
    if (viewer.sessionId) families.add(viewer.sessionId);
    const claims = refreshToken ? this.tokens.verifyRefreshToken(refreshToken) : null;
    if (claims && claims.userId === viewer.id) families.add(claims.familyId);
    const expiresAt = new Date(viewer.exp * 1000);
    await em.transactional(async (tx) => {
      await tx.upsert(RevokedAccessToken, { jti: viewer.jti, userId: viewer.id, expiresAt });
      for (const familyId of families) await this.revokeFamily(tx, familyId);
      await tx.nativeDelete(RevokedAccessToken, { expiresAt: { $lt: new Date(Date.now() - REVOCATION_GRACE_MS) } });
    });
    try {
      await this.denylist.add(viewer.jti, viewer.exp - Math.floor(Date.now() / 1000));
    } catch {
      this.onDenylistMissed();
      throw new ServiceUnavailableError('Logout could not be completed right now; try again shortly');
    }
    return true;
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  private async startSession(em: EntityManager, user: User, familyId: string): Promise<AuthPayload> {
    const tokenId = randomUUID();
    const refreshToken = this.tokens.signRefreshToken({ userId: user.id, tokenId, familyId });
    em.create(RefreshToken, {
      id: tokenId,
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.tokens.settings.refreshTtlSeconds * 1000),
    } as RefreshToken);
    await em.flush();
    return Object.assign(new AuthPayload(), {
      accessToken: this.tokens.signAccessToken(user.id, user.role, familyId),
      refreshToken,
      expiresIn: this.tokens.settings.accessTtlSeconds,
      user,
    });
  }
}
