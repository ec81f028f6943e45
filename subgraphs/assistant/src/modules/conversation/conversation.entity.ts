// A user's conversations with the assistant, and their messages. Seen only by their owner (anyone else: NOT_FOUND).
import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

export const MessageRole = { USER: 'user', ASSISTANT: 'assistant' } as const;
export type MessageRole = (typeof MessageRole)[keyof typeof MessageRole];

@ObjectType({ description: "A conversation with the market's assistant, seen only by the account that started it" })
@Entity({ tableName: 'conversation' })
@Index({ name: 'conversation_user_id_created_at_id_index', properties: ['userId', 'createdAt', 'id'] })
export class Conversation extends BaseEntity {
  @Property({ type: 'uuid' })
  userId!: string;

  @Field(() => String, { nullable: true, description: 'Its first question, cut to 80 characters; null until one is asked' })
  @Property({ type: 'string', length: 80, nullable: true })
  title: string | null = null;

  @Field(() => Int, { description: 'How many messages (questions and replies) it holds' })
  @Property({ type: 'int' })
  messageCount: number = 0;

  @Field(() => Date, { description: 'When it was last asked something (UTC)' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

@ObjectType({ description: 'A question (role "user") or the assistant\'s reply (role "assistant")' })
@Entity({ tableName: 'assistant_message' })
@Unique({ name: 'assistant_message_conversation_id_position_unique', properties: ['conversationId', 'position'] })
export class AssistantMessage extends BaseEntity {
  @Property({ type: 'uuid' })
  conversationId!: string;

  /** Its place in the conversation, from 0; unique, so two replies racing for one place cannot both land. */
  @Property({ type: 'int' })
  position!: number;

  @Field(() => String, { description: '"user" for a question, "assistant" for a reply' })
  @Property({ type: 'string', length: 20 })
  role!: MessageRole;

  @Field(() => String, { description: 'The text' })
  @Property({ type: 'text' })
  content!: string;

  /** How the reply was made: "claude" or "offline"; null for questions. */
  @Property({ type: 'string', length: 20, nullable: true })
  mode: string | null = null;
}

/** Model tokens (input and output) a user spent on one UTC day, for the daily budget. */
@Entity({ tableName: 'assistant_usage' })
export class AssistantUsage {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'int' })
  tokens: number = 0;
}
