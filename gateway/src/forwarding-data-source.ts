// Calls a subgraph over HTTP (keep-alive), forwarding the caller's token, request id and address; each subgraph
// verifies the token itself. A subgraph's GraphQL errors keep their code whatever its HTTP status; a subgraph that
// is down, too slow or failing (5xx) becomes SERVICE_UNAVAILABLE on its own fields, never a 500 for the request.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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
}

export class ForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly options: ForwardingDataSourceOptions) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { name, url, timeoutMs, logger } = this.options;
    const headers: Record<string, string> = { 'content-type': 'application/json', [GATEWAY_CREDENTIAL_HEADER]: this.options.credential };
    if (context?.authorization) headers.authorization = context.authorization;
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    // the subgraph trusts this from the gateway only (its TRUST_PROXY), for per-address rate limits
    if (context?.clientIp) headers['x-forwarded-for'] = context.clientIp;
    if (context?.idempotencyKey) headers['idempotency-key'] = context.idempotencyKey;
    const { query, variables, operationName } = request;
    let response: Response;
    try {
      // Node's fetch (undici) keeps connections to each subgraph alive and reuses them
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables, operationName }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      logger.warn({ subgraph: name, requestId: context?.requestId, cause: timedOut ? `no answer in ${timeoutMs} ms` : causeOf(err) }, 'subgraph unavailable');
      return unavailable(name);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    const graphql = isGraphQLResponse(parsed) ? parsed : null;
    if (response.status >= 500 || !graphql) {
      logger.warn(
        { subgraph: name, requestId: context?.requestId, status: response.status, codes: graphql?.errors?.map((e) => e.extensions?.code) },
        'subgraph failed',
      );
      return unavailable(name);
    }
    // a 4xx with a GraphQL body is the subgraph refusing the request: its errors (code, field) reach the client as they are
    return { data: graphql.data, errors: graphql.errors, extensions: graphql.extensions };
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
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
