// Starts one subgraph: Express with /health and /ready, Apollo Server on /graphql, graceful shutdown.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { ServiceConfig } from '../config';
import type { Logger } from '../logger';
import type { Orm } from '../database/orm';
import type { AccessTokenVerifier } from '../auth/access-token';
import type { RequestContext } from './request-context';
import { maskError, publicErrorCodes } from '../errors';
import { hardenedServerSettings, subgraphLimits } from '../graphql/armor';
import { requestLogPlugin } from './request-log.plugin';
import { withTimeout } from '../timeout';

export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}

export interface SubgraphServerOptions<Ctx extends RequestContext> {
  name: string;
  config: ServiceConfig;
  logger: Logger;
  schema: GraphQLSchema;
  orm: Orm;
  verifier: AccessTokenVerifier;
  readiness: ReadinessCheck[];
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
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000; // longer than the gateway's idle socket timeout

  const hardened = hardenedServerSettings(production, subgraphLimits(production));
  const apollo = new ApolloServer<Ctx>({
    schema: options.schema,
    ...hardened.settings,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(), // no usage reporting: traces would only cost time
      ...(hardened.plugins as ApolloServerPlugin<Ctx>[]),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      requestLogPlugin<Ctx>(logger, (ctx) => ctx?.requestId),
      ...(options.plugins ?? []),
    ],
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code;
      if (typeof code !== 'string' || !publicErrorCodes.has(code) || code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, path: formatted.path }, 'unexpected error in resolver');
      }
      return production ? maskError(formatted) : formatted;
    },
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    const results = await Promise.all(
      [{ name: 'database', check: () => options.orm.em.getConnection().execute('select 1') }, ...options.readiness].map(
        async (r) => {
          try {
            await withTimeout(r.check(), 2000, r.name);
            return [r.name, 'ok'] as const;
          } catch (err) {
            logger.warn({ err, check: r.name }, 'readiness check failed');
            return [r.name, 'unavailable'] as const;
          }
        },
      ),
    );
    const ready = results.every(([, s]) => s === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });

  options.routes?.(app);

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = headerValue(req.headers['x-request-id']) ?? randomUUID();
        const auth = await options.verifier.verifyAuthorizationHeader(headerValue(req.headers.authorization));
        const base: RequestContext = {
          requestId,
          logger: logger.child({ requestId }),
          em: options.orm.em.fork(),
          viewer: auth.viewer,
          authError: auth.error,
          authUnavailable: auth.unavailable,
          clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        };
        return options.extendContext(base);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
  logger.info({ url }, `${options.name} subgraph ready`);
  return { app, httpServer, port, url, stopHttp: () => apollo.stop() };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
