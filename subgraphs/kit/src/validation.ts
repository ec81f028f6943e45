// Input that arrives as data (REST bodies, event payloads, JSON arguments) goes through a zod schema; a refusal is
// BAD_USER_INPUT naming the first offending field, as every GraphQL input refusal does.
import type { z } from 'zod';
import { BadUserInputError } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new BadUserInputError(path ? `${path}: ${issue.message}` : issue.message, path || undefined);
}
