import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { UnauthenticatedError } from '@espigon/kit/errors';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { AssistantContext } from '../../assistant.context';
import { replyChunks, type ReplyChunkPayload } from '../reply/reply-stream';
import { AssistantMessage, Conversation } from './conversation.entity';
import { AssistantReplyChunk, ConversationConnection } from './conversation.types';

@Resolver(() => Conversation)
export class ConversationResolver {
  @Mutation(() => AssistantMessage, {
    description:
      "Asks the market's assistant (any signed-in account; Spanish or English): the reply, once written and stored with the question. It answers from " +
      "the market's own data, read as the asker (never more than they could query), and streams as it is written to assistantReplyStream. Without " +
      'conversationId a new conversation is started. NOT_FOUND for a conversation not yours; BAD_USER_INPUT for an empty or too long message or a full ' +
      'conversation; TOO_MANY_REQUESTS past the per-minute or daily limit; SERVICE_UNAVAILABLE when no reply can be made now (nothing is stored then)',
  })
  askAssistant(
    @Arg('conversationId', () => ID, { nullable: true, description: 'The conversation to continue (yours); omit it to start one' })
    conversationId: string | null,
    @Arg('message', () => String, { description: 'The question (at most 2000 characters by default)' }) message: string,
    @Ctx() ctx: AssistantContext,
  ): Promise<AssistantMessage> {
    requireViewer(ctx);
    if (!ctx.accessToken) throw new UnauthenticatedError('Authentication required');
    return ctx.services.conversations.ask(ctx, ctx.accessToken, { conversationId, message });
  }

  @Mutation(() => Conversation, {
    description: "Starts an empty conversation of the viewer's: subscribe to assistantReplyStream with its id, then askAssistant with it",
  })
  startConversation(@Ctx() ctx: AssistantContext): Promise<Conversation> {
    requireViewer(ctx);
    return ctx.services.conversations.start(ctx);
  }

  @Query(() => Conversation, { nullable: true, description: "One of the viewer's conversations; NOT_FOUND for anyone else's, as for an unknown id" })
  conversation(@Arg('id', () => ID, { description: "The conversation's id" }) id: string, @Ctx() ctx: AssistantContext): Promise<Conversation> {
    requireViewer(ctx);
    return ctx.services.conversations.get(ctx, id);
  }

  @Query(() => ConversationConnection, { description: "The viewer's own conversations with the assistant, newest first" })
  conversations(
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: AssistantContext,
  ): Promise<ConversationConnection> {
    requireViewer(ctx);
    return ctx.services.conversations.list(ctx, { first, after });
  }

  @FieldResolver(() => [AssistantMessage], { description: 'Its questions and replies, oldest first' })
  messages(@Root() conversation: Conversation, @Ctx() ctx: AssistantContext): Promise<AssistantMessage[]> {
    return ctx.loaders.messages.load(conversation.id);
  }

  @Subscription(() => AssistantReplyChunk, {
    description:
      "The assistant's replies in one of the viewer's conversations, streamed as they are written (NOT_FOUND for a conversation not theirs). " +
      "Subscribe before asking: a reply's chunks are pushed once, while it is written",
    subscribe: async ({ args, context }: { args: { conversationId: string }; context: AssistantContext }) => {
      const viewer = requireViewer(context);
      const conversation = await context.services.conversations.get({ ...context, em: context.em.fork() }, args.conversationId);
      return replyChunks(context.events, conversation.id, viewer.id);
    },
  })
  assistantReplyStream(
    @Arg('conversationId', () => ID, { description: 'One of your conversations (startConversation gives a new one)' }) _conversationId: string,
    @Root() envelope: OutboxEnvelope<ReplyChunkPayload>,
  ): AssistantReplyChunk {
    const { conversationId, delta, done } = envelope.payload;
    return Object.assign(new AssistantReplyChunk(), { conversationId, delta, done });
  }
}
