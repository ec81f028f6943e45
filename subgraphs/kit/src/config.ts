// Typed configuration read from the environment once at start-up; a bad or missing variable stops the service with its name.
import { z } from 'zod';
import { internalCredentialConfig } from './auth/internal-credential';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const booleanString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Variables every subgraph reads. A service extends this with its own. */
export const serviceConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Subgraphs answer only the gateway: loopback unless they run in containers of their own (docker-compose sets 0.0.0.0). */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL URL; absent means the embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Redis URL; absent means in-process pub/sub and in-memory stores. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and channel, so several deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/, 'letters, digits, _ : . - only')
    .default('espigon:'),
  /** Local folder for the embedded database and development keys. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** ES256 public key (PEM) that verifies access tokens; generated into DATA_DIR outside production. */
  JWT_PUBLIC_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
  JWT_ISSUER: z.string().min(1).default('espigon-users'),
  JWT_AUDIENCE: z.string().min(1).default('espigon-api'),
  /** Seed demo data (idempotent) at start-up. */
  SEED_DEMO_DATA: booleanString.default(false),
  /** Express "trust proxy": who may set X-Forwarded-For (a hop count, or addresses/subnets such as "loopback"). */
  TRUST_PROXY: z.string().default('loopback'),
  /** Longest a request's SQL statement may run, and a reply from PostgreSQL may take (migrations have their own). */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  /** Connections each subgraph may hold to PostgreSQL (the embedded server serves 32 in all: see README). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** How often the outbox relay looks for events to publish when no commit woke it (subgraphs with an outbox). */
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Longest a Redis command may wait for its reply. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Shared secret of the services: the gateway presents it on every subgraph fetch, services on /internal routes. */
  ...internalCredentialConfig,
});

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

/** Variables that must be set in production (secrets never fall back to a default there). */
const requiredInProduction = ['DATABASE_URL', 'REDIS_URL', 'JWT_PUBLIC_KEY', 'INTERNAL_SERVICE_TOKEN'] as const;

export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  productionRequired: readonly string[] = [],
): z.infer<S> {
  // An empty variable means "not set", as in docker-compose files with `VAR=`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join('.') || '(environment)';
      const given = cleaned[name] === undefined ? 'missing' : 'invalid';
      problems.push(`${name}: ${given} (${issue.message})`);
    }
  }
  if (cleaned.NODE_ENV === 'production') {
    for (const name of [...requiredInProduction, ...productionRequired]) {
      if (!(name in schema.shape)) continue;
      if (cleaned[name] === undefined) problems.push(`${name}: missing (required when NODE_ENV=production)`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return result.data as z.infer<S>;
}
