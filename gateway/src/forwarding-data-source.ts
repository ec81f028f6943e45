// Calls a subgraph over HTTP (a pool of keep-alive connections), forwarding the caller's token, request id and address;
// each subgraph verifies the token itself. A subgraph's GraphQL errors keep their code whatever its HTTP status; a
// subgraph that is down, too slow or failing (5xx) becomes SERVICE_UNAVAILABLE on its own fields, never a 500.
//
// Identical fetches in flight at the same time are sent once (as Hive Gateway and Apollo Router's deduplicate_query
// do): same subgraph, document, variables and Authorization, and only for the fetches of a query operation — never a
// mutation's. Each caller parses the one answer itself, so no two requests share (and merge into) the same objects.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Pool } from 'undici';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Logger } from '@espigon/kit/logger';
import { ErrorCode } from '@espigon/kit/errors';
import { GATEWAY_CREDENTIAL_HEADER } from '@espigon/kit/auth/internal-credential';
import type { RequestLogRecord } from '@espigon/kit/server/http-app';

export interface GatewayContext {
  authorization?: string;
  requestId: string;
  requestLog?: RequestLogRecord;
  clientIp: string;
  /** The client's Idempotency-Key header, passed on for mutations that honour it (checkout). */
  idempotencyKey?: string;
}

export interface ForwardingDataSourceOptions {
  name: string;
  url: string;
  /** The services' shared secret, presented on every fetch. */
  credential: string;
  timeoutMs: number;
  logger: Logger;
  /** Send identical in-flight fetches of query operations once (default true). */
  deduplicate?: boolean;
  /** Keep-alive connections to the subgraph (default 64). */
  connections?: number;
}

/** A subgraph's answer as it came, or why there is none. */
type Fetched = { status: number; body: string } | { failure: string };

export class ForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;
  private readonly inflight = new Map<string, Promise<Fetched>>();
  /** Fetches sent to the subgraph, and fetches answered by another caller's identical one (in /metrics). */
  sent = 0;
  deduplicated = 0;

  constructor(private readonly options: ForwardingDataSourceOptions) {
    const url = new URL(options.url);
    this.path = `${url.pathname}${url.search}`;
    this.pool = new Pool(url.origin, { connections: options.connections ?? 64, keepAliveTimeout: 30_000 });
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as GatewayContext | undefined;
    const { name, logger } = this.options;
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const read = 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query';
    let fetched: Fetched;
    if (read && this.options.deduplicate !== false) {
      // the body holds the document and variables; the token is the whole authorization scope a subgraph sees
      const key = `${context?.authorization ?? ''}\n${body}`;
      let pending = this.inflight.get(key);
      if (pending) this.deduplicated++;
      else {
        pending = this.send(body, context).finally(() => this.inflight.delete(key));
        this.inflight.set(key, pending);
      }
      fetched = await pending;
    } else {
      fetched = await this.send(body, context);
    }
    if ('failure' in fetched) {
      logger.warn({ subgraph: name, requestId: context?.requestId, cause: fetched.failure }, 'subgraph unavailable');
      return unavailable(name);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(fetched.body);
    } catch {
      parsed = undefined;
    }
    const graphql = isGraphQLResponse(parsed) ? parsed : null;
    if (fetched.status >= 500 || !graphql) {
      logger.warn(
        { subgraph: name, requestId: context?.requestId, status: fetched.status, codes: graphql?.errors?.map((e) => e.extensions?.code) },
        'subgraph failed',
      );
      return unavailable(name);
    }
    // a 4xx with a GraphQL body is the subgraph refusing the request: its errors (code, field) reach the client as they are
    return { data: graphql.data, errors: graphql.errors, extensions: graphql.extensions };
  }

  /** Stops the keep-alive connections (the gateway is stopping). */
  async close(): Promise<void> {
    await this.pool.close().catch(() => undefined);
  }

  private async send(body: string, context: GatewayContext | undefined): Promise<Fetched> {
    const { timeoutMs } = this.options;
    this.sent++;
    const headers: Record<string, string> = { 'content-type': 'application/json', [GATEWAY_CREDENTIAL_HEADER]: this.options.credential };
    if (context?.authorization) headers.authorization = context.authorization;
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    // the subgraph trusts this from the gateway only (its TRUST_PROXY), for per-address rate limits
    if (context?.clientIp) headers['x-forwarded-for'] = context.clientIp;
    if (context?.idempotencyKey) headers['idempotency-key'] = context.idempotencyKey;
    try {
      const response = await this.pool.request({ path: this.path, method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.statusCode, body: await response.body.text() };
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || (err.cause as Error | undefined)?.name === 'TimeoutError');
      return { failure: timedOut ? `no answer in ${timeoutMs} ms` : causeOf(err) };
    }
  }
}

function unavailable(name: string): GatewayGraphQLResponse {
  return {
    errors: [
      {
        message: `The ${name} service is not answering; try again shortly`,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      },
    ],
  } as GatewayGraphQLResponse;
}

function isGraphQLResponse(value: unknown): value is GatewayGraphQLResponse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as { data?: unknown; errors?: unknown };
  return (data !== undefined || errors !== undefined) && (errors === undefined || Array.isArray(errors));
}

function causeOf(err: unknown): string {
  const { code, cause } = err as { code?: string; cause?: { code?: string; message?: string } };
  return code ?? cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
