// Registration, login, refresh-token rotation with reuse detection, logout.
import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '../../../../kit/src/database/orm';
import type { Viewer } from '../../../../kit/src/auth/access-token';
import type { TokenDenylist } from '../../../../kit/src/auth/token-denylist';
import { ConflictError, ForbiddenError, UnauthenticatedError } from '../../../../kit/src/errors';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';
import { AuthPayload, type RegisterInput } from './auth-payload.type';
import type { LoginRateLimiter } from './login-rate-limiter';
import type { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { assertStrongPassword, normaliseEmail, optionalPhone, requireText } from './registration-rules';
import type { TokenIssuer } from './token-issuer';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export class AuthService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly limiter: LoginRateLimiter,
    private readonly denylist: TokenDenylist,
  ) {}

  /** Clients and sellers sign themselves up; only an admin may create another admin. */
  async register(em: EntityManager, input: RegisterInput, viewer: Viewer | null): Promise<AuthPayload> {
    if (input.role === Role.ADMIN && viewer?.role !== Role.ADMIN) {
      throw new ForbiddenError('Administrators cannot register themselves');
    }
    const email = normaliseEmail(input.email);
    assertStrongPassword(input.password, email);
    const user = em.create(User, {
      email,
      name: requireText(input.name, 'name', 100),
      role: input.role,
      phone: optionalPhone(input.phone),
      stallName: input.role === Role.SELLER ? requireText(input.stallName, 'stallName', 100) : null,
      pierSection: input.role === Role.SELLER && input.pierSection ? requireText(input.pierSection, 'pierSection', 50) : null,
      passwordHash: await this.hasher.hash(input.password),
    } as User);
    try {
      await em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError('This email is already registered');
      throw err;
    }
    return this.startSession(em, user, randomUUID());
  }

  async login(em: EntityManager, emailInput: string, password: string, clientAddress: string): Promise<AuthPayload> {
    const email = emailInput.trim().toLowerCase();
    await this.limiter.beforeAttempt(email, clientAddress);
    const user = await em.findOne(User, { email });
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.limiter.recordFailure(email);
      throw new UnauthenticatedError('Invalid email or password');
    }
    await this.limiter.recordSuccess(email);
    return this.startSession(em, user, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. The old one is marked used in a conditional update,
   * so of two concurrent uses only one wins; a used or revoked token revokes its whole family.
   */
  async refresh(em: EntityManager, token: string): Promise<AuthPayload> {
    const claims = this.tokens.verifyRefreshToken(token);
    if (!claims) throw new UnauthenticatedError('Invalid refresh token');
    const stored = await em.findOne(RefreshToken, { id: claims.tokenId });
    if (!stored || stored.tokenHash !== sha256(token) || stored.familyId !== claims.familyId) {
      throw new UnauthenticatedError('Invalid refresh token');
    }
    const now = new Date();
    const claimed = await em.nativeUpdate(
      RefreshToken,
      { id: stored.id, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { usedAt: now },
    );
    if (claimed !== 1) {
      if (stored.usedAt || stored.revokedAt) {
        await this.revokeFamily(em, stored.familyId);
        throw new UnauthenticatedError('Refresh token already used; every session of this login was revoked');
      }
      throw new UnauthenticatedError('Refresh token expired');
    }
    const user = await em.findOne(User, { id: stored.userId });
    if (!user) throw new UnauthenticatedError('Invalid refresh token');
    return this.startSession(em, user, stored.familyId);
  }

  /** Revokes the current access token at once and, when given, the refresh token's family. */
  async logout(em: EntityManager, viewer: Viewer, refreshToken: string | null | undefined): Promise<boolean> {
    await this.denylist.add(viewer.jti, viewer.exp - Math.floor(Date.now() / 1000));
    if (refreshToken) {
      const claims = this.tokens.verifyRefreshToken(refreshToken);
      if (claims && claims.userId === viewer.id) await this.revokeFamily(em, claims.familyId);
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
      accessToken: this.tokens.signAccessToken(user.id, user.role),
      refreshToken,
      expiresIn: this.tokens.settings.accessTtlSeconds,
      user,
    });
  }
}
