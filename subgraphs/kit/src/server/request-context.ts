// What every resolver receives: request id and logger, a fresh entity-manager fork, the verified viewer.
import type { Role, Viewer } from '../auth/access-token';
import { ForbiddenError, ServiceUnavailableError, UnauthenticatedError } from '../errors';
import type { RequestLogRecord } from './http-app';
import type { ServiceContext } from './service-context';

/** A service context for a request through the gateway, with what the token check said. */
export interface RequestContext extends ServiceContext {
  /** The request's log line, which the GraphQL layer completes. */
  requestLog?: RequestLogRecord;
  /** Why a token that was sent was refused; anonymous requests have none. */
  authError?: string;
  /** The token could not be checked (revocation store unreachable): SERVICE_UNAVAILABLE, not UNAUTHENTICATED. */
  authUnavailable?: boolean;
  /** The Idempotency-Key header the client sent through the gateway, for the mutations that honour one. */
  idempotencyKey?: string;
  /**
   * The viewer's own bearer token, verified (HTTP requests only): what the assistant sends back to the gateway to act
   * as the viewer, never more. A secret: never logged, never returned.
   */
  accessToken?: string;
}

/** The viewer, or UNAUTHENTICATED; with roles, FORBIDDEN unless the viewer has one of them. */
export function requireViewer(ctx: RequestContext, roles?: readonly Role[]): Viewer {
  if (ctx.authUnavailable) throw new ServiceUnavailableError(ctx.authError!);
  if (!ctx.viewer) throw new UnauthenticatedError(ctx.authError ?? 'Authentication required');
  if (roles && !roles.includes(ctx.viewer.role)) throw new ForbiddenError();
  return ctx.viewer;
}

/** The viewer if any; a refused token is still an error, so a client never mistakes it for being logged out. */
export function optionalViewer(ctx: RequestContext): Viewer | null {
  if (ctx.authUnavailable) throw new ServiceUnavailableError(ctx.authError!);
  if (ctx.authError) throw new UnauthenticatedError(ctx.authError);
  return ctx.viewer;
}
