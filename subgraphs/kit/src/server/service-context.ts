// What every service method takes first (as Vendure's services take ctx): the request's entity manager, who is asking,
// and how to log about it. Resolvers pass their request context; internal routes, jobs and consumers a system one.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/access-token';
import type { EntityManager } from '../database/orm';
import type { Logger } from '../logger';
import { UnauthenticatedError } from '../errors';

export interface ServiceContext {
  /** A fork for this request or unit of work, never the global one. */
  em: EntityManager;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  /** The client's address as the gateway saw it (rate limits); 'internal' for work the service does itself. */
  clientIp: string;
}

/** For work no user asked for: internal routes called by other services, jobs, event consumers. */
export function systemContext(em: EntityManager, logger: Logger, requestId: string = randomUUID()): ServiceContext {
  return { em, viewer: null, requestId, logger: logger.child({ requestId }), clientIp: 'internal' };
}

/** The user a service acts for; the resolver has checked the role already, this guards against a missing check. */
export function actor(ctx: ServiceContext): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError('Authentication required');
  return ctx.viewer;
}
