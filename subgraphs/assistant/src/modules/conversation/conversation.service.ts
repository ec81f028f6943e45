// Conversations with the assistant: the owner's list and messages, and asking (the one place replies are made).
// A question and its reply are written together, after the reply is made: a reply that fails leaves nothing behind
// (nor a conversation it would have started), and the question does not count against the asker's minute.
import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import { isUuid } from '@espigon/kit/database/uuid';
import { AppError, BadUserInputError, ErrorCode, NotFoundError, ServiceUnavailableError } from '@espigon/kit/errors';
import type { EventBus } from '@espigon/kit/events/pubsub';
import { pageSize, toConnection } from '@espigon/kit/graphql/connection';
import { afterNewestFirst, newestFirstCursor, newestFirstOrder } from '@espigon/kit/graphql/newest-first-cursor';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import { ReplyUnavailableError, type ReplyEngine, type ReplyResult } from '../../engines/reply-engine';
import type { MarketToolbox } from '../../tools/market-tools';
import type { AssistantLimits } from '../limits/assistant-limits';
import { publishReplyChunk } from '../reply/reply-stream';
import { AssistantMessage, Conversation, MessageRole } from './conversation.entity';
import { ConversationConnection } from './conversation.types';

export interface ConversationSettings {
  maxMessageChars: number;
  maxConversationMessages: number;
  replyTimeoutMs: number;
}

export interface AskInput {
  conversationId?: string | null;
  message: string;
}

const UNAVAILABLE = 'The assistant cannot answer right now; please try again in a moment';

export class ConversationService {
  constructor(
    private readonly deps: {
      engine: ReplyEngine;
      tools: MarketToolbox;
      limits: AssistantLimits;
      events: EventBus;
      settings: ConversationSettings;
    },
  ) {}

  /** The viewer's own conversation; NOT_FOUND for anyone else's, as for an unknown id. */
  async get(ctx: ServiceContext, id: string): Promise<Conversation> {
    const viewer = actor(ctx);
    const conversation = isUuid(id) ? await ctx.em.findOne(Conversation, { id: id.toLowerCase(), userId: viewer.id }) : null;
    if (!conversation) throw new NotFoundError('Conversation');
    return conversation;
  }

  /** The viewer's own, newest first (keyset cursor on createdAt, id). */
  async list(ctx: ServiceContext, args: { first?: number | null; after?: string | null }): Promise<ConversationConnection> {
    const viewer = actor(ctx);
    const limit = pageSize(args.first);
    const where: FilterQuery<Conversation> = { userId: viewer.id };
    const pageWhere: FilterQuery<Conversation> = args.after ? { $and: [where, afterNewestFirst<Conversation>(args.after)] } : where;
    const rows = await ctx.em.find(Conversation, pageWhere, { orderBy: newestFirstOrder, limit: limit + 1 });
    return toConnection(ConversationConnection, rows, limit, () => ctx.em.count(Conversation, where), newestFirstCursor);
  }

  /** An empty conversation of the viewer's, so a client can subscribe to its replies before asking the first question. */
  async start(ctx: ServiceContext): Promise<Conversation> {
    const conversation = Object.assign(new Conversation(), { userId: actor(ctx).id });
    await ctx.em.persist(conversation).flush();
    return conversation;
  }

  /** The messages of some conversations, each in order: one statement for a page of conversations. */
  async messagesOf(ctx: ServiceContext, conversationIds: readonly string[]): Promise<AssistantMessage[][]> {
    const rows = await ctx.em.find(AssistantMessage, { conversationId: { $in: [...conversationIds] } }, { orderBy: { position: 'asc' } });
    return conversationIds.map((id) => rows.filter((row) => row.conversationId === id));
  }

  /**
   * Asks the assistant as the viewer (their token goes to every tool call). The reply streams to
   * `assistantReplyStream(conversationId)` as it is written; the whole reply is returned once it is stored.
   */
  async ask(ctx: ServiceContext, token: string, input: AskInput): Promise<AssistantMessage> {
    const viewer = actor(ctx);
    const { settings, limits, engine, tools, events } = this.deps;
    const message = this.validMessage(input.message);
    const existing = input.conversationId ? await this.get(ctx, input.conversationId) : null;
    if (existing) this.checkRoom(existing);
    await limits.checkBudget(ctx.em, viewer.id);
    await limits.takeQuestion(viewer.id);

    const conversationId = existing?.id ?? randomUUID();
    const history = existing ? (await this.messagesOf(ctx, [existing.id]))[0].map(({ role, content }) => ({ role, content })) : [];
    let pushed = Promise.resolve();
    const push = (delta: string, done: boolean) => {
      pushed = pushed
        .then(() => publishReplyChunk(events, { conversationId, userId: viewer.id, delta, done }))
        .catch((err: Error) => ctx.logger.warn({ cause: err.message }, 'assistant: a reply chunk could not be pushed'));
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no reply within ${settings.replyTimeoutMs} ms`)), settings.replyTimeoutMs);
    let result: ReplyResult;
    try {
      // raced with the timeout, so an engine that does not heed its signal cannot hold the request
      result = await untilAborted(
        controller.signal,
        engine.reply({
          viewer,
          token,
          history,
          message,
          tools,
          onDelta: (delta) => delta && !controller.signal.aborted && push(delta, false),
          signal: controller.signal,
          logger: ctx.logger.child({ component: 'assistant', mode: engine.mode }),
        }),
      );
      if (controller.signal.aborted) throw new ReplyUnavailableError(String(controller.signal.reason));
    } catch (err) {
      push('', true);
      await limits.giveBack(viewer.id);
      if (err instanceof ReplyUnavailableError) {
        ctx.logger.warn({ cause: err.message, tokens: err.tokensSpent }, 'assistant: no reply');
        // the model's tokens were spent all the same: a reply that keeps failing is no way round the daily budget
        await limits
          .spend(ctx.em, viewer.id, err.tokensSpent)
          .catch((cause: Error) => ctx.logger.warn({ cause: cause.message }, 'assistant: spent tokens not counted'));
        // a rate-limited or overloaded model says when to come back: so does the asker's error
        throw new AppError(
          ErrorCode.SERVICE_UNAVAILABLE,
          UNAVAILABLE,
          err.retryAfterSeconds ? { retryAfterSeconds: Math.ceil(err.retryAfterSeconds) } : {},
        );
      }
      ctx.logger.error({ err }, 'assistant: the reply failed');
      throw new ServiceUnavailableError(UNAVAILABLE);
    } finally {
      clearTimeout(timer);
    }

    let reply!: AssistantMessage;
    try {
      await ctx.em.transactional(async (tx) => {
        const conversation = existing
          ? await tx.findOneOrFail(Conversation, { id: existing.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
          : Object.assign(new Conversation(), { id: conversationId, userId: viewer.id });
        this.checkRoom(conversation);
        // the conversation's row first: its messages reference it (the unit of work does not know they do)
        if (!existing) await tx.persist(conversation).flush();
        const now = new Date();
        const question = Object.assign(new AssistantMessage(), {
          conversationId,
          position: conversation.messageCount,
          role: MessageRole.USER,
          content: message,
          createdAt: now,
        });
        reply = Object.assign(new AssistantMessage(), {
          conversationId,
          position: conversation.messageCount + 1,
          role: MessageRole.ASSISTANT,
          content: result.text,
          mode: engine.mode,
          createdAt: new Date(now.getTime() + 1),
        });
        conversation.messageCount += 2;
        conversation.updatedAt = now;
        conversation.title ??= message.slice(0, 80);
        tx.persist([question, reply]);
        await limits.spend(tx, viewer.id, result.tokens);
      });
    } catch (err) {
      await limits.giveBack(viewer.id);
      throw err;
    } finally {
      push('', true);
    }
    ctx.logger.info({ conversationId, mode: engine.mode, tools: result.toolCalls, tokens: result.tokens }, 'assistant replied');
    await pushed;
    return reply;
  }

  private validMessage(raw: string): string {
    const message = raw.trim();
    if (!message) throw new BadUserInputError('Ask something: the message is empty', 'message');
    const max = this.deps.settings.maxMessageChars;
    if (message.length > max) throw new BadUserInputError(`A message may have at most ${max} characters`, 'message');
    return message;
  }

  private checkRoom(conversation: Conversation): void {
    const max = this.deps.settings.maxConversationMessages;
    if (conversation.messageCount + 2 > max) {
      throw new BadUserInputError(`This conversation is full (${max} messages): start a new one`, 'conversationId');
    }
  }
}

/** The promise's outcome, or a ReplyUnavailableError as soon as the signal aborts. */
function untilAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ReplyUnavailableError(String(signal.reason)));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
