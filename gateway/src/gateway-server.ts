// The public endpoint: one GraphQL API composed from the subgraphs, with operation limits and error masking.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import { loadConfig } from '@espigon/kit/config';
import { maskError, stripInternalExtensions } from '@espigon/kit/errors';
import { createLogger, type Logger } from '@espigon/kit/logger';
import { resolveInternalServiceToken } from '@espigon/kit/auth/internal-credential';
import { DateTimeScalar } from '@espigon/kit/graphql/date-time.scalar';
import { gatewayLimits, hardenedServerSettings } from '@espigon/kit/graphql/operation-limits';
import { createHttpApp, createHttpServer, finishHttpApp, mountProbes } from '@espigon/kit/server/http-app';
import { requestLogPlugin } from '@espigon/kit/server/request-log.plugin';
import { AccessTokenVerifier } from '@espigon/kit/auth/access-token';
import { resolvePublicKey } from '@espigon/kit/auth/signing-keys';
import { MemoryTokenDenylist, RedisTokenDenylist } from '@espigon/kit/auth/token-denylist';
import { createRedis } from '@espigon/kit/redis';
import { withTimeout } from '@espigon/kit/timeout';
// the one exception to "the kit only" (eslint.config.mjs): the gateway serves the assistant's MCP server, since clients
// reach only the gateway
import { mcpHttpRouter } from '@espigon/assistant/mcp/mcp-http-router';
import { once } from 'node:events';
import { gatewayConfigSchema, subgraphTimeouts, subgraphUrlOverrides } from './config';
import { ForwardingDataSource, type GatewayContext } from './forwarding-data-source';
import { mountGraphqlIde } from './ide/graphql-ide';
import { serveFederatedSubscriptions, type FederatedSubscriptions } from './subscriptions/federated-subscriptions';
import { SubscriptionPlanner } from './subscriptions/subscription-planner';

export interface RunningGateway {
  url: string;
  port: number;
  logger: Logger;
  subscriptions: FederatedSubscriptions;
  stop(): Promise<void>;
}

export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<RunningGateway> {
  const config = loadConfig(gatewayConfigSchema, env);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const overrides = subgraphUrlOverrides(env);
  const timeoutOf = subgraphTimeouts(env, config.SUBGRAPH_TIMEOUT_MS);
  const subgraphUrls = new Map<string, string>();
  const credential = resolveInternalServiceToken(config.INTERNAL_SERVICE_TOKEN, config.NODE_ENV, config.DATA_DIR);

  const dataSources: Record<string, ForwardingDataSource> = {};
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = overrides[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      subgraphUrls.set(name, target);
      const source = new ForwardingDataSource({
        name,
        url: target,
        credential,
        timeoutMs: timeoutOf(name),
        logger,
        deduplicate: config.SUBGRAPH_DEDUPLICATION,
        connections: config.SUBGRAPH_CONNECTIONS,
      });
      dataSources[name] = source;
      return source;
    },
  });
  // WebSocket connections are authenticated here (HTTP requests are, by each subgraph): the same keys and denylist
  const redis = config.REDIS_URL
    ? createRedis(config.REDIS_URL, 'gateway', { failFast: true, commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS, logger })
    : undefined;
  const verifier = new AccessTokenVerifier(
    resolvePublicKey(config.JWT_PUBLIC_KEY, config.NODE_ENV, config.DATA_DIR),
    config.JWT_ISSUER,
    config.JWT_AUDIENCE,
    redis ? new RedisTokenDenylist(redis, config.REDIS_KEY_PREFIX) : new MemoryTokenDenylist(),
  );
  if (redis) {
    // fail-fast commands refuse until connected: give the first connection a moment, but start regardless
    await withTimeout(once(redis, 'ready'), 3000, 'first Redis connection').catch(() =>
      logger.warn('Redis not reachable at start-up; WebSocket connections are refused (1013) until it is'),
    );
  }

  const app = createHttpApp({ logger, trustProxy: config.TRUST_PROXY });
  // gzip or brotli for clients that accept it (answers over 1 kB); WebSocket upgrades never pass through Express, and
  // MCP's event streams say `Cache-Control: no-transform`, which it honours (compressed, each event would wait in its buffer)
  app.use(compression());
  const httpServer = createHttpServer(app);
  // the supergraph names DateTime but parses nothing: its real parser checks every DateTime input up front
  const hardened = hardenedServerSettings({ production, limits: gatewayLimits, scalars: { DateTime: DateTimeScalar } });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...hardened.settings,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // no cache hints are served, and it would wrap the resolution of every field of every answer
      ApolloServerPluginCacheControlDisabled(),
      ...(hardened.plugins as ApolloServerPlugin<GatewayContext>[]),
      requestLogPlugin<GatewayContext>((ctx) => ctx?.requestLog),
      // development: the browser's GET /graphql is the offline IDE (ide/graphql-ide.ts); this landing page, Apollo
      // Sandbox from Apollo's CDN, answers only GET /graphql?sandbox (where /sandbox leads)
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
    formatError: (formatted, error) => {
      const masked = maskError(formatted);
      if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, error: formatted }, 'request failed');
      return production ? masked : stripInternalExtensions(formatted);
    },
  });
  await apollo.start();

  mountProbes(
    app,
    'gateway',
    () =>
      [...subgraphUrls].map(([name, url]) => ({
        name,
        check: async () => {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
          if (!response.ok) throw new Error(`${name} is not ready (${response.status})`);
        },
      })),
    logger,
  );

  // live-update gauges for operators and the leak test (Prometheus text format)
  let subscriptionStats: () => Record<string, number> = () => ({});
  app.get('/metrics', (_req, res) => {
    const lines = Object.entries(subscriptionStats()).map(
      ([name, value]) => `espigon_gateway_ws_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} ${value}`,
    );
    for (const [name, source] of Object.entries(dataSources)) {
      lines.push(`espigon_gateway_subgraph_fetches_total{subgraph="${name}"} ${source.sent}`);
      lines.push(`espigon_gateway_subgraph_fetches_deduplicated_total{subgraph="${name}"} ${source.deduplicated}`);
    }
    res.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });

  if (!production) mountGraphqlIde(app);
  const origins = allowedOrigins(config.CORS_ORIGINS);
  // the MCP server (Streamable HTTP) on its own path, its tools calling this gateway's /graphql with the caller's token;
  // they wait a little longer than the gateway waits for a subgraph, so its SERVICE_UNAVAILABLE arrives first
  app.use(
    mcpHttpRouter({
      verifier,
      graphqlUrl: () => loopbackGraphqlUrl(config.HOST, (httpServer.address() as AddressInfo).port),
      timeoutMs: config.SUBGRAPH_TIMEOUT_MS + 2000,
      allowedOrigins: origins,
      logger: logger.child({ component: 'mcp' }),
    }),
  );
  app.use('/graphql', corsPolicy(origins));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        authorization: req.headers.authorization,
        requestId: res.locals.requestLog.requestId,
        requestLog: res.locals.requestLog,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        // bounded here; the subgraph that honours it checks its characters
        idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 200) : undefined,
      }),
    }),
  );
  finishHttpApp(app, logger);

  const subscriptions: FederatedSubscriptions = serveFederatedSubscriptions({
    httpServer,
    planner: new SubscriptionPlanner(supergraphSdl),
    subgraphUrls,
    dataSources: () => dataSources,
    verifier,
    credential,
    limits: gatewayLimits,
    scalars: { DateTime: DateTimeScalar },
    production,
    logger: logger.child({ component: 'subscriptions' }),
    queueSize: config.SUBSCRIPTION_QUEUE_SIZE,
    keepAliveMs: config.WS_KEEPALIVE_MS,
  });
  subscriptionStats = () => ({ ...subscriptions.stats() });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
  logger.info({ url, subgraphs: Object.fromEntries(subgraphUrls) }, 'gateway ready');
  return {
    url,
    port,
    logger,
    subscriptions,
    stop: async () => {
      // WebSockets first (1001: reconnect), or the HTTP server would wait on them; then HTTP drains
      await subscriptions.close();
      await apollo.stop();
      await Promise.all(Object.values(dataSources).map((source) => source.close()));
      await redis?.quit().catch(() => undefined);
    },
  };
}

/**
 * Browsers may call from the origins in CORS_ORIGINS (any origin when it is empty: tokens travel in headers, never
 * cookies). A preflight from another origin is refused outright; a granted one is cached for 10 minutes.
 */
function corsPolicy(allowedOrigins: readonly string[]): RequestHandler[] {
  const origins = new Set(allowedOrigins);
  const allowed = (origin: string | undefined) => !origin || origins.size === 0 || origins.has(origin);
  return [
    (req, res, next) => {
      if (req.method !== 'OPTIONS' || allowed(req.headers.origin)) return next();
      res.status(403).json({ errors: [{ message: 'Origin not allowed', extensions: { code: 'FORBIDDEN' } }] });
    },
    cors({
      origin: (origin, callback) => callback(null, allowed(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'apollo-require-preflight',
        'x-request-id',
        'idempotency-key',
        // Apollo Client names itself on every request
        'apollographql-client-name',
        'apollographql-client-version',
      ],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    }),
  ];
}

/** CORS_ORIGINS as a list (empty: any origin for /graphql; pages on this machine only for /mcp). */
function allowedOrigins(setting: string): string[] {
  return setting
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** This gateway's /graphql as the MCP tools reach it: over loopback when it listens on every interface. */
function loopbackGraphqlUrl(host: string, port: number): string {
  const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${target}:${port}/graphql`;
}
