// The market's access tokens as the MCP SDK's bearer authentication sees them: verified by the gateway's own verifier
// (ES256 signature, issuer, audience, type, the logout denylist), the account's role carried as the token's one scope.
import { OAuthError, OAuthErrorCode, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import type { AccessTokenVerifier } from '@espigon/kit/auth/access-token';
import { isRole } from '@espigon/kit/auth/role';
import type { ToolCaller } from '../tools/market-tools';

/**
 * Scopes are the roles (CLIENT, SELLER, ADMIN): a token has exactly its account's, and a tool of another role is
 * refused as `insufficient_scope` naming the roles it is for (any one of them would do).
 */
export class MarketTokenVerifier implements OAuthTokenVerifier {
  constructor(private readonly tokens: AccessTokenVerifier) {}

  /**
   * Throws `invalid_token` (401) for a bad, expired or logged-out token, and `temporarily_unavailable` when the token
   * cannot be checked against logouts right now (503: the client should retry, not sign in again).
   */
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const result = await this.tokens.verify(token);
    if (result.unavailable) throw new OAuthError(OAuthErrorCode.TemporarilyUnavailable, result.error ?? 'Sign-in cannot be checked right now');
    if (!result.viewer) throw new OAuthError(OAuthErrorCode.InvalidToken, result.error ?? 'Invalid access token');
    const { viewer } = result;
    return { token, clientId: viewer.id, scopes: [viewer.role], expiresAt: viewer.exp, extra: { role: viewer.role } };
  }
}

/** Who a verified token is, as the market tools take it. */
export function callerOf(authInfo: AuthInfo | undefined): ToolCaller {
  const role = authInfo?.extra?.role;
  if (!authInfo || !isRole(role)) throw new Error('MCP request without a verified access token');
  return { token: authInfo.token, role };
}
