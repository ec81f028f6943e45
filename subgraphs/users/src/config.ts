import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';

export const usersConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  /** ES256 private key (PEM) that signs tokens; generated into DATA_DIR outside production. */
  JWT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  JWT_REFRESH_AUDIENCE: z.string().min(1).default('espigon-refresh'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(3600)
    .default(30 * 24 * 3600),
  /** Failed logins of one account allowed in a minute (short window) and in an hour. */
  LOGIN_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_HOUR: z.coerce.number().int().min(1).max(100).default(100),
  /** Login attempts (failed or not) allowed from one client address in a minute. */
  LOGIN_MAX_ATTEMPTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Sign-up attempts (whatever their outcome) allowed from one client address in an hour. */
  REGISTER_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** How often the token denylist's "loaded" marker is checked in Redis (and the denylist restored when missing). */
  DENYLIST_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
});

export type UsersConfig = z.infer<typeof usersConfigSchema>;
export const usersProductionRequired = ['JWT_PRIVATE_KEY'];
