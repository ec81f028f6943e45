// Claude when ANTHROPIC_API_KEY is set; otherwise the offline mode, which answers the common questions with the same
// tools and Spanish templates, saying so.
import type { Logger } from '@espigon/kit/logger';
import type { AssistantConfig } from '../config';
import { ClaudeEngine } from './claude/claude-engine';
import { OfflineEngine } from './offline/offline-engine';
import type { ReplyEngine } from './reply-engine';

export function createReplyEngine(config: AssistantConfig, logger: Logger): ReplyEngine {
  if (!config.ANTHROPIC_API_KEY) {
    logger.info('no ANTHROPIC_API_KEY: the assistant answers in offline mode');
    return new OfflineEngine();
  }
  return new ClaudeEngine({
    apiKey: config.ANTHROPIC_API_KEY,
    baseURL: config.ANTHROPIC_BASE_URL,
    model: config.ANTHROPIC_MODEL,
    timeoutMs: config.ANTHROPIC_TIMEOUT_MS,
    maxRetries: config.ANTHROPIC_MAX_RETRIES,
    maxTokens: config.ANTHROPIC_MAX_TOKENS,
    maxToolRounds: config.ASSISTANT_MAX_TOOL_ROUNDS,
    logger,
  });
}
