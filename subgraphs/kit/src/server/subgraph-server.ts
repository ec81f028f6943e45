// Starts one subgraph: Express with /health and /ready, Apollo Server on /graphql, graceful shutdown.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { ServiceConfig } from '../config';
import type { Logger } from '../logger';
import type { Orm } from '../database/orm';
import type { AccessTokenVerifier } from '../auth/access-token';
import type { RequestContext } from './request-context';
import { ErrorCode, maskError, publicErrorCodes } from '../errors';
import { describeDatabaseError, isDependencyUnavailable } from '../dependency-errors';
import { GATEWAY_CREDENTIAL_HEADER, internalTokenMatches } from '../auth/internal-credential';
import { hardenedServerSettings, subgraphLimits } from '../graphql/operation-limits';
import { createHttpApp, createHttpServer, finishHttpApp, mountProbes, type ReadinessCheck } from './http-app';
import { requestLogPlugin } from './request-log.plugin';
import { attachSubscriptionServer } from './subscription-server';

export type { ReadinessCheck };

export interface SubgraphServerOptions<Ctx extends RequestContext> {
  name: string;
  config: ServiceConfig;
  logger: Logger;
  schema: GraphQLSchema;
  orm: Orm;
  verifier: AccessTokenVerifier;
  readiness: ReadinessCheck[];
  /** The services' shared secret: in production /graphql answers only requests that carry it (the gateway's). */
  internalToken: string;
  /** Adds the subgraph's own members (loaders, services) to the base context. */
  extendContext(base: RequestContext): Ctx;
  /** REST routes mounted before /graphql (webhooks, internal APIs). */
  routes?(app: Express): void;
  plugins?: ApolloServerPlugin<Ctx>[];
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSubgraphServer<Ctx extends RequestContext>(
  options: SubgraphServerOptions<Ctx>,
): Promise<{ app: Express; httpServer: http.Server; port: number; url: string; stopHttp(): Promise<void> }> {
  const { config, logger } = options;
  const production = config.NODE_ENV === 'production';
  const app = createHttpApp({ logger, trustProxy: config.TRUST_PROXY });
  const httpServer = createHttpServer(app);
  httpServer.keepAliveTimeout = 65_000; // longer than the gateway's idle socket timeout

  const hardened = hardenedServerSettings({ production, limits: subgraphLimits });
  const apollo = new ApolloServer<Ctx>({
    schema: options.schema,
    ...hardened.settings,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(), // no usage reporting: traces would only cost time
      // no cache hints are served (no CDN caches GraphQL here), and its willResolveField wraps every field's resolver
      ApolloServerPluginCacheControlDisabled(),
      ...(hardened.plugins as ApolloServerPlugin<Ctx>[]),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      requestLogPlugin<Ctx>((ctx) => ctx?.requestLog),
      ...(options.plugins ?? []),
    ],
    formatError: (formatted, error) => {
      if (isDependencyUnavailable(error)) {
        logger.warn({ path: formatted.path, database: describeDatabaseError(error), cause: causeMessage(error) }, 'dependency unavailable');
        return {
          message: 'A service the market depends on is not answering; try again shortly',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
        };
      }
      const database = describeDatabaseError(error);
      if (database) {
        // never the driver's message: it holds the SQL and its values
        logger.error({ path: formatted.path, database }, 'database error');
        return maskError({ ...formatted, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
      }
      const code = formatted.extensions?.code;
      if (typeof code !== 'string' || !publicErrorCodes.has(code) || code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, path: formatted.path }, 'unexpected error in resolver');
      }
      return production ? maskError(formatted) : formatted;
    },
  });
  await apollo.start();

  mountProbes(
    app,
    options.name,
    () => [{ name: 'database', check: () => options.orm.em.getConnection().execute('select 1') }, ...options.readiness],
    logger,
  );

  options.routes?.(app);

  app.use(
    '/graphql',
    ...(production ? [requireGatewayCredential(options.internalToken)] : []),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestLog = res.locals.requestLog;
        const requestId = requestLog.requestId;
        const auth = await options.verifier.verifyAuthorizationHeader(headerValue(req.headers.authorization));
        const base: RequestContext = {
          requestId,
          requestLog,
          logger: logger.child({ requestId }),
          em: options.orm.em.fork(),
          viewer: auth.viewer,
          authError: auth.error,
          authUnavailable: auth.unavailable,
          clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          idempotencyKey: headerValue(req.headers['idempotency-key']),
          accessToken: auth.viewer ? bearerToken(headerValue(req.headers.authorization)) : undefined,
        };
        return options.extendContext(base);
      },
    }),
  );
  finishHttpApp(app, logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  // the gateway's subscription legs: graphql-ws on the same port and path, when the subgraph has subscriptions
  const subscriptions = options.schema.getSubscriptionType()
    ? attachSubscriptionServer<Ctx>({
        httpServer,
        schema: options.schema,
        verifier: options.verifier,
        orm: options.orm,
        logger,
        production,
        internalToken: options.internalToken,
        extendContext: options.extendContext,
      })
    : null;
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
  logger.info({ url, subscriptions: Boolean(subscriptions) }, `${options.name} subgraph ready`);
  return {
    app,
    httpServer,
    port,
    url,
    stopHttp: async () => {
      // sockets first (1001: reconnect elsewhere), or the HTTP server would wait on them
      await subscriptions?.close();
      await apollo.stop();
    },
  };
}

function bearerToken(header: string | undefined): string | undefined {
  return header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function causeMessage(error: unknown): string | undefined {
  // a dependency error's own message (timeouts, refused connections) names no data; a driver's would
  return describeDatabaseError(error) ? undefined : (error as Error | undefined)?.message;
}

/** In production a subgraph answers only the gateway: `_service` and `_entities` are never public. */
function requireGatewayCredential(expected: string): RequestHandler {
  return (req, res, next) => {
    if (internalTokenMatches(headerValue(req.headers[GATEWAY_CREDENTIAL_HEADER]), expected)) return next();
    res.status(403).json({ errors: [{ message: 'This service answers only the gateway', extensions: { code: ErrorCode.FORBIDDEN } }] });
  };
}
