// graphql-ws on a subgraph's own /graphql (HTTP and WebSocket side by side), for the gateway's subscription legs. The
// client's token comes in connectionParams.authorization and is verified here as on HTTP; in production the gateway
// credential must come too (connectionParams.gatewayCredential), so no client subscribes to a subgraph directly. A
// token that expires closes the socket with 4403 (the client re-authenticates); SIGTERM closes with 1001 (reconnect).
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AccessTokenVerifier, Viewer } from '../auth/access-token';
import { internalTokenMatches } from '../auth/internal-credential';
import type { Orm } from '../database/orm';
import type { Logger } from '../logger';
import type { RequestContext } from './request-context';

export interface SubscriptionServerOptions<Ctx extends RequestContext> {
  httpServer: http.Server;
  schema: GraphQLSchema;
  verifier: AccessTokenVerifier;
  orm: Orm;
  logger: Logger;
  production: boolean;
  internalToken: string;
  extendContext(base: RequestContext): Ctx;
  /** Keep-alive ping interval. */
  keepAliveMs?: number;
}

interface ConnectionState extends Record<PropertyKey, unknown> {
  viewer?: Viewer;
  expiry?: NodeJS.Timeout;
}

export interface SubscriptionServer {
  /** Open WebSocket connections. */
  connections(): number;
  /** Closes every socket with 1001 (going away: reconnect elsewhere) and stops accepting. */
  close(): Promise<void>;
}

// require() rather than import: tsconfig's moduleResolution "node" ignores package "exports" (graphql-ws/use/ws)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

export function attachSubscriptionServer<Ctx extends RequestContext>(options: SubscriptionServerOptions<Ctx>): SubscriptionServer {
  const { logger } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const disposable = useServer<Record<string, unknown>, ConnectionState>(
    {
      schema: options.schema,
      isProd: options.production,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        if (options.production && !internalTokenMatches(stringParam(params.gatewayCredential), options.internalToken)) {
          return false; // 4403: this service answers only the gateway
        }
        const auth = await options.verifier.verifyAuthorizationHeader(stringParam(params.authorization));
        if (auth.unavailable) {
          ctx.extra.socket.close(1013, 'Sign-in cannot be checked right now; try again shortly');
          return false;
        }
        if (!auth.viewer) {
          ctx.extra.socket.close(CloseCode.Unauthorized, auth.error ?? 'Authentication required');
          return false;
        }
        ctx.extra.viewer = auth.viewer;
        const untilExpiry = auth.viewer.exp * 1000 - Date.now();
        ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'), Math.max(untilExpiry, 0));
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
      },
      context: (ctx): Ctx => {
        const requestId = randomUUID();
        return options.extendContext({
          requestId,
          logger: logger.child({ requestId, transport: 'ws' }),
          em: options.orm.em.fork(),
          viewer: ctx.extra.viewer ?? null,
          clientIp: ctx.extra.request.socket.remoteAddress ?? 'unknown',
        });
      },
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn({ errors: errors.map((e) => e.message) }, 'subscription refused');
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  return {
    connections: () => wss.clients.size,
    close: async () => {
      for (const socket of wss.clients as Set<WebSocket>) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
    },
  };
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
