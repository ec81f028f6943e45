// Calls a subgraph over HTTP (keep-alive), forwarding the caller's token, request id and address; each subgraph verifies the token itself.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

export interface GatewayContext {
  authorization?: string;
  requestId: string;
  clientIp: string;
}

export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.requestId) headers.set('x-request-id', context.requestId);
    // the subgraph trusts this from the gateway only (its TRUST_PROXY), for per-address rate limits
    if (context.clientIp) headers.set('x-forwarded-for', context.clientIp);
  }
}
