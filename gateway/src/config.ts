import { z } from 'zod';
import { internalCredentialConfig } from '@espigon/kit/auth/internal-credential';
import { ConfigError } from '@espigon/kit/config';

export const gatewayConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Local folder for development secrets (the generated internal service token). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** The composed supergraph to serve (written by `npm run compose`). */
  SUPERGRAPH_PATH: z.string().min(1).default('supergraph.graphql'),
  /** Express "trust proxy": who may set X-Forwarded-For (the load balancer in front of the gateway). */
  TRUST_PROXY: z.string().default('loopback'),
  /** Allowed browser origins, comma-separated; empty means any origin (tokens travel in headers, not cookies). */
  CORS_ORIGINS: z.string().default(''),
  /** A subgraph that has not answered by then is reported SERVICE_UNAVAILABLE for its fields. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Identical in-flight fetches of query operations to a subgraph are sent once ("false" turns it off, e.g. to measure). */
  SUBGRAPH_DEDUPLICATION: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Keep-alive connections the gateway may open to each subgraph. */
  SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(1024).default(64),
  /** ES256 public key (PEM) that verifies the tokens of WebSocket connections; generated into DATA_DIR outside production. */
  JWT_PUBLIC_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
  JWT_ISSUER: z.string().min(1).default('espigon-users'),
  JWT_AUDIENCE: z.string().min(1).default('espigon-api'),
  /** Redis (the token denylist, checked as subscription events arrive); absent: the in-process denylist. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/, 'letters, digits, _ : . - only')
    .default('espigon:'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Events queued per subscription for a client that reads slowly, before the oldest are dropped. */
  SUBSCRIPTION_QUEUE_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Keep-alive ping interval on both legs of a subscription (client ↔ gateway ↔ subgraph). */
  WS_KEEPALIVE_MS: z.coerce.number().int().min(1000).max(120_000).default(12_000),
  /** Presented to every subgraph (they answer only the gateway in production). */
  ...internalCredentialConfig,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/**
 * Subgraphs whose answers take longer by nature, and how long the gateway waits for them unless
 * SUBGRAPH_TIMEOUT_MS_<NAME> says otherwise: the assistant's reply calls a model and tools (its own limit,
 * ASSISTANT_REPLY_TIMEOUT_MS, is 90 s by default).
 */
const SLOW_SUBGRAPH_TIMEOUTS_MS: Record<string, number> = { assistant: 120_000 };

/** How long the gateway waits for each subgraph: SUBGRAPH_TIMEOUT_MS, or SUBGRAPH_TIMEOUT_MS_ASSISTANT=… for one. */
export function subgraphTimeouts(env: NodeJS.ProcessEnv, fallbackMs: number): (name: string) => number {
  const timeouts: Record<string, number> = { ...SLOW_SUBGRAPH_TIMEOUTS_MS };
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_TIMEOUT_MS_([A-Z0-9_]+)$/.exec(key);
    if (!match || !value) continue;
    const ms = Number(value);
    if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) throw new ConfigError([`${key}: invalid (a whole number of milliseconds, 100 to 600000)`]);
    timeouts[match[1].toLowerCase()] = ms;
  }
  return (name) => timeouts[name] ?? fallbackMs;
}

/** SUBGRAPH_URL_USERS=http://users:4001/graphql overrides the routing_url composed into the supergraph. */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (match && value) overrides[match[1].toLowerCase()] = value;
  }
  return overrides;
}
