import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';
import { internalCredentialConfig } from '@espigon/kit/auth/internal-credential';

export const catalogConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  ...internalCredentialConfig,
});

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;
export const catalogProductionRequired = ['INTERNAL_SERVICE_TOKEN'];
