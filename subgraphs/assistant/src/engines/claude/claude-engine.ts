// Claude through the Messages API (@anthropic-ai/sdk): being built (issue 13).
import { ReplyUnavailableError, type ReplyEngine, type ReplyRequest, type ReplyResult } from '../reply-engine';

export interface ClaudeEngineOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxTokens: number;
  maxToolRounds: number;
}

export class ClaudeEngine implements ReplyEngine {
  readonly mode = 'claude';

  constructor(readonly options: ClaudeEngineOptions) {}

  reply(_request: ReplyRequest): Promise<ReplyResult> {
    return Promise.reject(new ReplyUnavailableError('Claude is not connected yet'));
  }
}
