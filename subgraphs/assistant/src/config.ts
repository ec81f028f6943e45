import { z } from 'zod';
import { serviceConfigSchema } from '@espigon/kit/config';

/**
 * The assistant's variables. Without ANTHROPIC_API_KEY it answers in offline mode (Spanish templates over the same
 * tools); with it, Claude answers through the Messages API (ANTHROPIC_BASE_URL points it at another host, e.g. a
 * proxy or the tests' fake).
 */
export const assistantConfigSchema = serviceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4006),
  /** The gateway's GraphQL endpoint: every tool runs a fixed operation there, with the asking user's own token. */
  GATEWAY_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4000/graphql'),
  /** Longest a tool's call to the gateway may take. */
  ASSISTANT_TOOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ANTHROPIC_MODEL: z.string().min(1).default('claude-sonnet-5-5'),
  /** Longest one call to the Messages API may take (each retry has its own). */
  ANTHROPIC_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Retries of a call answered 429 or 5xx (or not answered), with backoff that honours retry-after. */
  ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Most tokens Claude may write in one reply. */
  ANTHROPIC_MAX_TOKENS: z.coerce.number().int().min(16).max(64_000).default(1024),
  /** Model calls in one reply (each may ask for tools) before the assistant answers with what it has. */
  ASSISTANT_MAX_TOOL_ROUNDS: z.coerce.number().int().min(1).max(20).default(5),
  /** Longest a whole reply may take, tools included, before it is given up as SERVICE_UNAVAILABLE. */
  ASSISTANT_REPLY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(90_000),
  /** Questions one user may ask per minute. */
  ASSISTANT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Model tokens (input and output) one user may spend per day (UTC); the offline mode spends none. */
  ASSISTANT_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(1).max(100_000_000).default(200_000),
  /** Longest question, in characters. */
  ASSISTANT_MAX_MESSAGE_CHARS: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** Most messages (questions and replies) a conversation may hold; then a new one must be started. */
  ASSISTANT_MAX_CONVERSATION_MESSAGES: z.coerce.number().int().min(2).max(1000).default(40),
});

export type AssistantConfig = z.infer<typeof assistantConfigSchema>;
