// Signs access tokens (at+jwt, 15 min at most) and refresh tokens (rt+jwt, another audience) with ES256.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { REFRESH_TOKEN_TYPE, TOKEN_ALGORITHM, signAccessToken, type Role } from '@espigon/kit/auth/access-token';

export interface TokenSettings {
  privateKey: string;
  publicKey: string;
  issuer: string;
  audience: string;
  refreshAudience: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export interface RefreshClaims {
  userId: string;
  tokenId: string;
  familyId: string;
}

export class TokenIssuer {
  /** Parsed once: parsing the PEM on every call cost more than signing. */
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(readonly settings: TokenSettings) {
    this.privateKey = createPrivateKey(settings.privateKey);
    this.publicKey = createPublicKey(settings.publicKey);
  }

  /** `sid` names the session (the refresh-token family), so logging out with the access token alone ends it. */
  signAccessToken(userId: string, role: Role, sessionId: string): string {
    return signAccessToken(
      this.privateKey,
      { userId, role, sessionId },
      {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        ttlSeconds: this.settings.accessTtlSeconds,
      },
    );
  }

  signRefreshToken(claims: RefreshClaims): string {
    return jwt.sign({ fam: claims.familyId }, this.privateKey, {
      algorithm: TOKEN_ALGORITHM,
      header: { alg: TOKEN_ALGORITHM, typ: REFRESH_TOKEN_TYPE },
      subject: claims.userId,
      issuer: this.settings.issuer,
      audience: this.settings.refreshAudience,
      expiresIn: this.settings.refreshTtlSeconds,
      jwtid: claims.tokenId,
    });
  }

  /** The claims of a well-formed, unexpired refresh token signed by us; null otherwise. */
  verifyRefreshToken(token: string): RefreshClaims | null {
    try {
      const decoded = jwt.verify(token, this.publicKey, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.refreshAudience,
        complete: true,
      });
      const payload = decoded.payload as jwt.JwtPayload;
      if (decoded.header.typ !== REFRESH_TOKEN_TYPE || !payload.sub || !payload.jti || typeof payload.fam !== 'string') {
        return null;
      }
      return { userId: payload.sub, tokenId: payload.jti, familyId: payload.fam };
    } catch {
      return null;
    }
  }
}
