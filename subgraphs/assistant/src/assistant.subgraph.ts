// The assistant subgraph: conversations with the market's assistant (Claude, or offline Spanish templates without an
// API key), which reads the market only through the gateway, with the asker's own token, by fixed operations (tools/).
import DataLoader from 'dataloader';
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { assistantConfigSchema, type AssistantConfig } from './config';
import type { AssistantContext, AssistantServices } from './assistant.context';
import { createReplyEngine } from './engines/create-engine';
import { Migration20261204000000_assistant } from './migrations/Migration20261204000000_assistant';
import { AssistantMessage, AssistantUsage, Conversation } from './modules/conversation/conversation.entity';
import { ConversationService } from './modules/conversation/conversation.service';
import { AssistantLimits } from './modules/limits/assistant-limits';
import { buildAssistantSchema } from './schema';
import { GatewayClient } from './tools/gateway-client';
import { MarketToolbox } from './tools/market-tools';

export const assistantSubgraph: SubgraphDefinition<AssistantConfig, AssistantContext, AssistantServices> = {
  name: 'assistant',
  configSchema: assistantConfigSchema,
  // in production the gateway's address is said, not assumed
  productionRequired: ['GATEWAY_URL'],
  entities: [Conversation, AssistantMessage, AssistantUsage],
  migrations: [Migration20261204000000_assistant],
  buildSchema: buildAssistantSchema,
  createServices: ({ config, logger, redis, events }) => {
    const gateway = new GatewayClient({ url: config.GATEWAY_URL, timeoutMs: config.ASSISTANT_TOOL_TIMEOUT_MS, clientName: 'espigon-assistant' });
    const conversations = new ConversationService({
      engine: createReplyEngine(config, logger),
      tools: new MarketToolbox(gateway),
      limits: new AssistantLimits(
        { messagesPerMinute: config.ASSISTANT_MESSAGES_PER_MINUTE, dailyTokenBudget: config.ASSISTANT_DAILY_TOKEN_BUDGET },
        { redis, keyPrefix: config.REDIS_KEY_PREFIX },
      ),
      events,
      settings: {
        maxMessageChars: config.ASSISTANT_MAX_MESSAGE_CHARS,
        maxConversationMessages: config.ASSISTANT_MAX_CONVERSATION_MESSAGES,
        replyTimeoutMs: config.ASSISTANT_REPLY_TIMEOUT_MS,
      },
    });
    return { conversations };
  },
  extendContext: (base, services, { events }) => {
    const ctx: AssistantContext = {
      ...base,
      services,
      events,
      loaders: { messages: new DataLoader((ids: readonly string[]) => services.conversations.messagesOf(ctx, ids)) },
    };
    return ctx;
  },
};
