// graphql-ws at the gateway's own /graphql (HTTP and WebSocket side by side). A client connects with its token in
// connectionParams; each subscription is planned over the supergraph, its primary part subscribed on the owning
// subgraph (one upstream graphql-ws connection per client connection and subgraph, carrying the client's token and the
// gateway credential), and every event completed from the other subgraphs over HTTP before it is sent. The same
// operation limits as HTTP apply; a token that expires or is revoked ends the connection with 4403 (re-authenticate);
// shutting down closes with 1001 (reconnect).
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ServiceMap } from '@apollo/gateway';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { CloseCode, createClient, type Client } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import type { AccessTokenVerifier } from '@espigon/kit/auth/access-token';
import { maskError, stripInternalExtensions } from '@espigon/kit/errors';
import { guardOperation } from '@espigon/kit/graphql/operation-guard.plugin';
import { limitValidationRules, type OperationLimits } from '@espigon/kit/graphql/operation-limits';
import type { Logger } from '@espigon/kit/logger';
import type { GraphQLScalarType } from 'graphql';
import { BoundedQueue } from './bounded-queue';
import type { SubscriptionPlanner } from './subscription-planner';

// require() rather than import: tsconfig's moduleResolution "node" ignores package "exports" (graphql-ws/use/ws)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

export interface FederatedSubscriptionOptions {
  httpServer: http.Server;
  planner: SubscriptionPlanner;
  /** Subgraph name → its /graphql URL (http://…), whose WebSocket twin carries the primary subscriptions. */
  subgraphUrls: Map<string, string>;
  /** Data sources of the other subgraphs (HTTP), for each event's entity fetches. */
  dataSources: () => ServiceMap;
  verifier: AccessTokenVerifier;
  credential: string;
  limits: OperationLimits;
  scalars: Record<string, GraphQLScalarType>;
  production: boolean;
  logger: Logger;
  /** Events queued per subscription for a slow client before the oldest are dropped. */
  queueSize: number;
  keepAliveMs: number;
}

interface SubscriptionContext {
  connection: Connection;
  socket: WebSocket;
  query: string;
  clientIp: string;
}

interface Connection extends Record<PropertyKey, unknown> {
  authorization?: string;
  requestId?: string;
  expiry?: NodeJS.Timeout;
  upstream?: Map<string, Client>;
}

export interface SubscriptionStats {
  connections: number;
  upstreamConnections: number;
  activeSubscriptions: number;
  eventsSent: number;
  eventsDropped: number;
}

export interface FederatedSubscriptions {
  stats(): SubscriptionStats;
  close(): Promise<void>;
}

export function serveFederatedSubscriptions(options: FederatedSubscriptionOptions): FederatedSubscriptions {
  const { planner, logger } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const stats = { upstreamConnections: 0, activeSubscriptions: 0, eventsSent: 0, eventsDropped: 0 };
  // as on HTTP: internal extensions dropped, unexpected errors masked in production; graphql-ws sends GraphQLErrors
  const format = (error: GraphQLFormattedError): GraphQLError => {
    const shown = options.production ? maskError(error) : stripInternalExtensions(error);
    return new GraphQLError(shown.message, { path: shown.path, extensions: shown.extensions });
  };

  const upstreamFor = (connection: Connection, socket: WebSocket, subgraph: string): Client => {
    connection.upstream ??= new Map();
    const existing = connection.upstream.get(subgraph);
    if (existing) return existing;
    const httpUrl = options.subgraphUrls.get(subgraph);
    if (!httpUrl) throw new Error(`no URL for subgraph ${subgraph}`);
    let connected = false;
    const client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: connection.authorization, gatewayCredential: options.credential },
      lazy: true,
      lazyCloseTimeout: 0,
      retryAttempts: 0,
      // a subgraph that takes the socket but never acknowledges it must not leave the subscription hanging
      connectionAckWaitTimeout: 5000,
      keepAlive: options.keepAliveMs,
      on: {
        connected: () => {
          connected = true;
          stats.upstreamConnections += 1;
        },
        closed: (event) => {
          // a socket that never opened (the subgraph unreachable) was never counted
          if (connected) stats.upstreamConnections -= 1;
          connected = false;
          connection.upstream?.delete(subgraph);
          // the subgraph refused or ended the client's token: so does the gateway (the client re-authenticates)
          const code = (event as { code?: number } | undefined)?.code;
          if (code === CloseCode.Unauthorized || code === CloseCode.Forbidden) socket.close(code, 'Token refused or expired');
        },
      },
    });
    connection.upstream.set(subgraph, client);
    return client;
  };

  /**
   * One client subscription: the primary leg upstream, each event completed and sent in order, bounded for slow
   * readers. Its return() (the client unsubscribed or left) stops the upstream leg at once, even while waiting.
   */
  function federatedSubscription(
    context: SubscriptionContext,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ): AsyncIterableIterator<ExecutionResult> {
    const { connection, socket } = context;
    const plan = planner.plan(document, context.query, operationName);
    const upstream = upstreamFor(connection, socket, plan.primary.serviceName);
    const primaryVariables = Object.fromEntries(
      (plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]),
    );
    let unsubscribe = () => {};
    const events = new BoundedQueue<ExecutionResult>(
      options.queueSize,
      () => unsubscribe(),
      () => (stats.eventsDropped += 1),
    );
    unsubscribe = upstream.subscribe(
      { query: plan.primary.operation, variables: primaryVariables, operationName: plan.primary.operationName },
      {
        next: (event) => events.push(event as ExecutionResult),
        // refused upstream (an array of GraphQL errors: FORBIDDEN, NOT_FOUND) or the connection went away
        error: (err) =>
          events.push({
            errors: Array.isArray(err)
              ? err
              : [new GraphQLError('The live connection to a service was lost; subscribe again', { extensions: { code: 'SERVICE_UNAVAILABLE' } })],
          }),
        complete: () => events.end(),
      },
    );
    stats.activeSubscriptions += 1;
    let active = true;
    const release = () => {
      if (!active) return;
      active = false;
      stats.activeSubscriptions -= 1;
    };
    const gatewayContext = { authorization: connection.authorization, requestId: connection.requestId, clientIp: context.clientIp };

    async function* completed(): AsyncGenerator<ExecutionResult> {
      try {
        for await (const event of events) {
          if (!event.data) {
            // nothing to complete: the refusal or failure as it is, then the end of this subscription
            yield { errors: (event.errors ?? []).map((e) => format(e as GraphQLFormattedError)) };
            return;
          }
          // a token revoked meanwhile (logout) ends the stream: the client re-authenticates
          const auth = await options.verifier.verifyAuthorizationHeader(connection.authorization);
          if (auth.unavailable) {
            // cannot tell whether it was revoked: say so for this event rather than send it or end the stream
            yield {
              errors: [new GraphQLError(auth.error ?? 'Sign-in cannot be checked right now', { extensions: { code: 'SERVICE_UNAVAILABLE' } })],
            };
            continue;
          }
          if (!auth.viewer) {
            socket.close(CloseCode.Forbidden, auth.error ?? 'Token no longer valid');
            return;
          }
          const result = await planner.execute(
            plan,
            event,
            { document, query: context.query, operationName, variables },
            options.dataSources(),
            gatewayContext,
          );
          stats.eventsSent += 1;
          yield { data: result.data, ...(result.errors?.length ? { errors: result.errors.map((e) => format(e as GraphQLFormattedError)) } : {}) };
        }
      } finally {
        release();
        await events.return();
      }
    }
    const results = completed();
    return {
      next: () => results.next(),
      return: async () => {
        release();
        await events.return(); // ends a pending wait, so the generator can finish
        return results.return(undefined);
      },
      throw: async (error?: unknown) => {
        release();
        await events.return();
        return results.throw(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  const disposable = useServer<Record<string, unknown>, Connection>(
    {
      schema: planner.schema,
      isProd: options.production,
      onConnect: async (ctx) => {
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        const auth = await options.verifier.verifyAuthorizationHeader(authorization);
        // the denylist cannot be read (Redis down): not the client's fault; 1013 tells it to try again later
        if (auth.unavailable) {
          ctx.extra.socket.close(1013, auth.error ?? 'Sign-in cannot be checked right now; try again shortly');
          return false;
        }
        // every subscription is someone's: no token, or a refused one, is refused at connect
        if (!auth.viewer) {
          ctx.extra.socket.close(CloseCode.Unauthorized, auth.error ?? 'Authentication required: connectionParams.authorization');
          return false;
        }
        ctx.extra.authorization = authorization;
        ctx.extra.requestId = randomUUID();
        ctx.extra.expiry = setTimeout(
          () => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired: reconnect with a fresh one'),
          Math.max(auth.viewer.exp * 1000 - Date.now(), 0),
        );
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        for (const client of ctx.extra.upstream?.values() ?? []) void client.dispose();
        ctx.extra.upstream?.clear();
      },
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.limits.maxTokens });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('The document cannot be parsed')];
        }
        const errors = validate(planner.schema, document, [...specifiedRules, ...limitValidationRules(options.limits)], { maxErrors: 10 });
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (!operation) return [new GraphQLError('Say which operation to run with operationName')];
        if (operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket: send queries and mutations over HTTP POST')];
        }
        try {
          guardOperation({
            schema: planner.schema,
            document,
            operation,
            variables: payload.variables,
            limits: options.limits,
            scalars: options.scalars,
          });
        } catch (err) {
          return [err as GraphQLError];
        }
        const context: SubscriptionContext = {
          connection: ctx.extra,
          socket: ctx.extra.socket,
          query: payload.query,
          clientIp: ctx.extra.request.socket.remoteAddress ?? 'unknown',
        };
        return {
          schema: planner.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? {},
          contextValue: context,
        };
      },
      subscribe: (args) =>
        federatedSubscription(args.contextValue as SubscriptionContext, args.document, args.operationName, args.variableValues ?? {}),
      onError: (_ctx, _id, _payload, errors) => {
        logger.info({ errors: errors.map((e) => e.message) }, 'subscription refused');
      },
    },
    wss,
    options.keepAliveMs,
  );
  return {
    stats: () => ({ connections: wss.clients.size, ...stats }),
    close: async () => {
      for (const socket of wss.clients) socket.close(1001, 'Gateway shutting down: reconnect');
      await disposable.dispose();
    },
  };
}
