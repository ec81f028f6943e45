// What writes the assistant's replies: Claude through the Messages API (claude/) or, without an API key, the offline
// Spanish templates (offline/). Both use the same tools, run as the asker through the gateway, and stream their text.
import type { Viewer } from '@espigon/kit/auth/access-token';
import type { Logger } from '@espigon/kit/logger';
import type { MarketToolbox } from '../tools/market-tools';

export interface ReplyTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ReplyRequest {
  /** Who asks: their role decides the tools offered. */
  viewer: Viewer;
  /** Their own access token: every tool call goes to the gateway with it. */
  token: string;
  /** The conversation so far, oldest first, without the new question. */
  history: ReplyTurn[];
  /** The new question. */
  message: string;
  tools: MarketToolbox;
  /** Each piece of the reply's text as it is written, in order; their concatenation is the reply's text. */
  onDelta(text: string): void;
  /** Aborted when the reply takes too long or the service stops: stop at once. */
  signal: AbortSignal;
  logger: Logger;
}

export interface ReplyResult {
  /** The whole reply (what the deltas added up to). */
  text: string;
  /** Model tokens spent (input + output, every round); 0 offline. */
  tokens: number;
  /** The tools called, in order, for the logs. */
  toolCalls: string[];
}

/** The model's service failed (after its retries) or did not answer in time: the asker gets SERVICE_UNAVAILABLE. */
export class ReplyUnavailableError extends Error {
  /** Model tokens the failed reply had spent already: they still count against the asker's day. */
  tokensSpent = 0;

  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ReplyUnavailableError';
  }
}

export interface ReplyEngine {
  /** "claude" or "offline": stored with each reply. */
  readonly mode: string;
  reply(request: ReplyRequest): Promise<ReplyResult>;
}
