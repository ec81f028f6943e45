// Verifies the bearer access token that the gateway forwards: signature (ES256 only), issuer, audience, type, revocation.
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { TokenDenylist } from './token-denylist';

import { isRole, type Role } from './role';

export type { Role };
export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const REFRESH_TOKEN_TYPE = 'rt+jwt';
export const TOKEN_ALGORITHM = 'ES256';

export interface Viewer {
  id: string;
  role: Role;
  /** Token id, so logout can revoke this very token. */
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** The session (refresh-token family) the token was issued for: logout ends it. */
  sessionId?: string;
}

export type AuthResult =
  | { viewer: Viewer; error?: undefined; unavailable?: undefined }
  /** unavailable: the token could not be checked (revocation store down); the client should retry, not log out. */
  | { viewer: null; error?: string; unavailable?: boolean };

export interface AccessTokenClaims {
  userId: string;
  role: Role;
  /** The session (refresh-token family) the token belongs to. */
  sessionId: string;
}

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** The one shape of an access token: the users subgraph signs it for logins, test support for test users. */
export function signAccessToken(privateKey: KeyObject, claims: AccessTokenClaims, settings: AccessTokenSettings): string {
  return jwt.sign({ role: claims.role, sid: claims.sessionId }, privateKey, {
    algorithm: TOKEN_ALGORITHM,
    header: { alg: TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE },
    subject: claims.userId,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: settings.ttlSeconds,
    jwtid: randomUUID(),
  });
}

export class AccessTokenVerifier {
  /** Parsed once: parsing the PEM on every request cost more than the signature check itself. */
  private readonly publicKey: KeyObject;

  constructor(
    publicKeyPem: string,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly denylist: TokenDenylist,
  ) {
    this.publicKey = createPublicKey(publicKeyPem);
  }

  /** No header is an anonymous request; a header with a bad token is an error the resolvers report. */
  async verifyAuthorizationHeader(header: string | undefined): Promise<AuthResult> {
    if (!header) return { viewer: null };
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return { viewer: null, error: 'Authorization header must be "Bearer <token>"' };
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<AuthResult> {
    let decoded: jwt.Jwt;
    try {
      decoded = jwt.verify(token, this.publicKey, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.issuer,
        audience: this.audience,
        complete: true,
      });
    } catch (err) {
      const expired = err instanceof jwt.TokenExpiredError;
      return { viewer: null, error: expired ? 'Access token expired' : 'Invalid access token' };
    }
    const payload = decoded.payload as jwt.JwtPayload;
    if (decoded.header.typ !== ACCESS_TOKEN_TYPE) return { viewer: null, error: 'Invalid access token' };
    if (!payload.sub || !payload.jti || !payload.exp || !isRole(payload.role)) {
      return { viewer: null, error: 'Invalid access token' };
    }
    let revoked: boolean;
    try {
      revoked = await this.denylist.has(payload.jti);
    } catch {
      // fail closed: a token that cannot be checked against logouts is not accepted
      return { viewer: null, error: 'Sign-in cannot be checked right now; try again shortly', unavailable: true };
    }
    if (revoked) return { viewer: null, error: 'Access token revoked' };
    const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
    return { viewer: { id: payload.sub, role: payload.role, jti: payload.jti, exp: payload.exp, sessionId } };
  }
}
