// The MCP server over Streamable HTTP, as the gateway mounts it: `/mcp` (stateless: the SDK's createMcpHandler builds
// a server for every request, from the caller's verified token) and its Protected Resource Metadata (RFC 9728) at
// `/.well-known/oauth-protected-resource/mcp`. Clients reach only the gateway; the tools call its /graphql over
// loopback with the caller's own token.
import cors from 'cors';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  OAuthError,
  OAuthErrorCode,
  bearerAuthChallengeResponse,
  createMcpHandler,
  localhostAllowedOrigins,
  validateOriginHeader,
  verifyBearerToken,
  type AuthInfo,
  type OAuthProtectedResourceMetadata,
} from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import type { AccessTokenVerifier } from '@espigon/kit/auth/access-token';
import type { Logger } from '@espigon/kit/logger';
import { GatewayClient } from '../tools/gateway-client';
import { MARKET_TOOLS, MarketToolbox } from '../tools/market-tools';
import { createMarketMcpServer } from './market-mcp-server';
import { MarketTokenVerifier, callerOf } from './mcp-token-verifier';

export const MCP_PATH = '/mcp';
export const MCP_METADATA_PATH = `/.well-known/oauth-protected-resource${MCP_PATH}`;

export interface McpHttpOptions {
  /** The gateway's verifier of access tokens (and of logouts). */
  verifier: AccessTokenVerifier;
  /** The gateway's own /graphql as reached over loopback; asked once the server listens (its port may be chosen then). */
  graphqlUrl: () => string;
  /** Longest a tool's call to the gateway may take. */
  timeoutMs: number;
  /** Browser origins allowed (the gateway's CORS_ORIGINS); empty: only pages on this machine (localhost). */
  allowedOrigins: readonly string[];
  logger: Logger;
}

/** Tool arguments are a few short strings: a body of more is no MCP request of this server's. */
const BODY_LIMIT_BYTES = 64 * 1024;

export function mcpHttpRouter(options: McpHttpOptions): Router {
  const tokens = new MarketTokenVerifier(options.verifier);
  // made at the first request: the gateway's port may be known only once it listens
  let toolbox: MarketToolbox | undefined;
  const marketToolbox = () =>
    (toolbox ??= new MarketToolbox(new GatewayClient({ url: options.graphqlUrl(), timeoutMs: options.timeoutMs, clientName: 'espigon-mcp' })));
  const handler = createMcpHandler(({ authInfo }) => createMarketMcpServer(marketToolbox(), callerOf(authInfo)), {
    onerror: (err) => options.logger.warn({ cause: err.message }, 'MCP request refused or failed'),
    maxRequestBodySize: BODY_LIMIT_BYTES,
  });
  const serve = toNodeHandler(handler, { onerror: (err) => options.logger.error({ err }, 'MCP request failed') });

  const router = Router();
  router.get(MCP_METADATA_PATH, cors(), (req, res) => {
    res.json(protectedResourceMetadata(baseUrl(req)));
  });
  router.all(
    MCP_PATH,
    originGuard(options.allowedOrigins),
    cors({
      origin: true,
      methods: ['GET', 'POST', 'DELETE'],
      exposedHeaders: ['www-authenticate', 'mcp-session-id', 'mcp-protocol-version', 'x-request-id'],
      maxAge: 600,
    }),
    authenticate(tokens),
    express.json({ limit: BODY_LIMIT_BYTES }),
    roleGuard,
    async (req, res) => {
      await serve(Object.assign(req, { auth: res.locals.mcpAuth }), res, req.body);
    },
  );
  return router;
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** The verified token of an MCP request. */
    mcpAuth?: AuthInfo;
  }
}

/**
 * DNS rebinding and cross-site requests (the MCP transport spec: servers MUST validate Origin): a request a browser
 * sends carries an Origin, which must be one of CORS_ORIGINS, or, when that is empty, a page on this machine
 * (localhost, 127.0.0.1, [::1]: a local MCP inspector). Requests without one (MCP clients outside browsers) pass.
 */
function originGuard(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const ok = allowed.size > 0 ? !origin || allowed.has(origin) : validateOriginHeader(origin, localhostAllowedOrigins()).ok;
    if (ok) return next();
    res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Origin not allowed' }, id: null });
  };
}

/**
 * The MCP authorization spec's resource server: no token is a 401 whose challenge points at the metadata document; a
 * refused token (bad, expired, logged out) a 401 `invalid_token`; a token that cannot be checked now a 503.
 */
function authenticate(tokens: MarketTokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const resourceMetadataUrl = `${baseUrl(req)}${MCP_METADATA_PATH}`;
    if (!req.headers.authorization) {
      res
        .status(401)
        .set('www-authenticate', `Bearer resource_metadata="${resourceMetadataUrl.replace(/[\\"]/g, '\\$&')}"`)
        .json({
          error: 'invalid_request',
          error_description: 'An access token is required: Authorization: Bearer <accessToken from the login mutation>',
        });
      return;
    }
    try {
      res.locals.mcpAuth = await verifyBearerToken(req.headers.authorization, { verifier: tokens, resourceMetadataUrl });
      next();
    } catch (err) {
      if (err instanceof OAuthError && err.code === OAuthErrorCode.TemporarilyUnavailable) {
        res.status(503).set('retry-after', '5').json(err.toResponseObject());
        return;
      }
      await sendWebResponse(res, bearerAuthChallengeResponse(err, { resourceMetadataUrl }));
    }
  };
}

/**
 * A `tools/call` of a tool the caller's role is not offered is refused at the HTTP layer, as the MCP authorization spec
 * has it: 403 `insufficient_scope` naming the roles it is for. (The per-caller server does not know the tool at all.)
 */
const roleGuard: RequestHandler = async (req, res, next) => {
  const caller = callerOf(res.locals.mcpAuth);
  const messages: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
  res.locals.requestLog.operationName = messages.map(methodOf).filter(Boolean).join(',').slice(0, 200) || null;
  for (const name of messages.map(toolCallName)) {
    const tool = MARKET_TOOLS.find((candidate) => candidate.name === name);
    if (!tool || tool.roles.includes(caller.role)) continue;
    const refusal = new OAuthError(OAuthErrorCode.InsufficientScope, `${tool.name} is for ${tool.roles.join(' and ')} accounts only`);
    await sendWebResponse(
      res,
      bearerAuthChallengeResponse(refusal, { requiredScopes: [...tool.roles], resourceMetadataUrl: res.locals.mcpAuth?.resourceMetadataUrl }),
    );
    return;
  }
  next();
};

function methodOf(message: unknown): string | undefined {
  const method = (message as { method?: unknown } | null)?.method;
  if (typeof method !== 'string') return undefined;
  const tool = toolCallName(message);
  return tool ? `${method} ${tool}` : method;
}

function toolCallName(message: unknown): string | undefined {
  const { method, params } = (message ?? {}) as { method?: unknown; params?: { name?: unknown } };
  return method === 'tools/call' && typeof params?.name === 'string' ? params.name : undefined;
}

/**
 * RFC 9728. There is no OAuth authorization server: access tokens come from the GraphQL API's `login` mutation (and
 * `refreshToken`), so `authorization_servers` is left out and `espigon_token_source` says where to get one instead.
 * The documentation is that API, whose development IDE opens with the login mutation ready.
 */
export function protectedResourceMetadata(base: string): OAuthProtectedResourceMetadata & Record<string, unknown> {
  return {
    resource: `${base}${MCP_PATH}`,
    resource_name: 'Espigón Marketplace MCP server',
    resource_documentation: `${base}/graphql`,
    bearer_methods_supported: ['header'],
    scopes_supported: ['CLIENT', 'SELLER', 'ADMIN'],
    espigon_token_source: {
      graphql: `${base}/graphql`,
      mutation: 'login(email, password) { accessToken refreshToken expiresIn }',
      note:
        'Access tokens are the ones the GraphQL API issues (ES256 JWTs, valid at most 15 minutes; renew them with refreshToken). ' +
        'There is no OAuth authorization server. The token decides which tools are offered: by role (the scopes).',
    },
  };
}

/** The gateway's public address as the client used it (behind a proxy trusted by TRUST_PROXY: as forwarded). */
function baseUrl(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/** Writes a web Response (the SDK's challenge answers) through Express. */
async function sendWebResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.send(Buffer.from(await response.arrayBuffer()));
}
