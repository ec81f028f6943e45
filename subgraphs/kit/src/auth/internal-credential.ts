// The shared secret services present to each other's internal routes (never reachable through the gateway).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { z } from 'zod';

export const INTERNAL_SERVICE_TOKEN_MIN_LENGTH = 32;

/** The header the gateway presents the token in on every subgraph fetch (Authorization carries the user's token). */
export const GATEWAY_CREDENTIAL_HEADER = 'x-gateway-credential';

/** Spread into a service's config schema: `serviceConfigSchema.extend({ ...internalCredentialConfig })`. */
export const internalCredentialConfig = {
  /** Shared by the services that call each other's /internal routes; generated into DATA_DIR outside production. */
  INTERNAL_SERVICE_TOKEN: z
    .string()
    .min(INTERNAL_SERVICE_TOKEN_MIN_LENGTH, `must have at least ${INTERNAL_SERVICE_TOKEN_MIN_LENGTH} characters`)
    .optional(),
};

/** Creates the development token if it does not exist yet; safe when several services race for it. */
export function loadOrCreateDevelopmentInternalToken(dataDir: string): string {
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'internal-service-token');
  mkdirSync(dir, { recursive: true });
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    const token = randomBytes(32).toString('base64url');
    try {
      writeFileSync(path, token, { flag: 'wx', mode: 0o600 });
      return token;
    } catch {
      return readFileSync(path, 'utf8').trim();
    }
  }
}

/** The configured token; outside production the generated development one; in production there is no fallback. */
export function resolveInternalServiceToken(configured: string | undefined, nodeEnv: string, dataDir: string): string {
  if (configured) return configured;
  if (nodeEnv === 'production') throw new Error('INTERNAL_SERVICE_TOKEN is required in production');
  return loadOrCreateDevelopmentInternalToken(dataDir);
}

/** Constant-time comparison: both sides are hashed first, so neither the content nor the length leaks through timing. */
export function internalTokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Express guard for internal routes: 401 with a JSON body unless `Authorization: Bearer <INTERNAL_SERVICE_TOKEN>`. */
export function requireInternalCredential(expected: string): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
    if (!internalTokenMatches(match?.[1], expected)) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Internal service credential required' });
      return;
    }
    next();
  };
}
