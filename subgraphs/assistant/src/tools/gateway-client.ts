// The assistant's and the MCP server's only way to the market's data: a fixed operation POSTed to the gateway with the
// asking user's own bearer token, so they can never read what that user could not query themselves.
import type { Logger } from '@espigon/kit/logger';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: { code?: string } }[];
}

/** The gateway could not be reached, or answered with something that is no GraphQL response. */
export class GatewayUnavailableError extends Error {
  constructor(reason: string) {
    super(`The market could not be reached: ${reason}`);
    this.name = 'GatewayUnavailableError';
  }
}

export interface GatewayClientOptions {
  url: string;
  timeoutMs: number;
  /** Names the caller to the gateway's logs and metrics (apollographql-client-name). */
  clientName: string;
  logger?: Logger;
}

export class GatewayClient {
  constructor(private readonly options: GatewayClientOptions) {}

  /** Runs one operation as the token's user (anonymous without one). Never throws a GraphQL error: it returns it. */
  async execute<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<GraphQLResponse<T>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'apollographql-client-name': this.options.clientName,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      const reason = timeout.aborted ? `no answer within ${this.options.timeoutMs} ms` : (err as Error).message;
      throw new GatewayUnavailableError(reason);
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new GatewayUnavailableError(`HTTP ${response.status} without a GraphQL answer`);
    }
    if (!body || typeof body !== 'object' || (!('data' in body) && !Array.isArray(body.errors))) {
      throw new GatewayUnavailableError(`HTTP ${response.status} without a GraphQL answer`);
    }
    return body;
  }
}
