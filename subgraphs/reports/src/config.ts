import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';

/** Reports needs only the common variables (its database, Redis for the event streams, the token's public key). */
export const reportsConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4005),
});

export type ReportsConfig = z.infer<typeof reportsConfigSchema>;
