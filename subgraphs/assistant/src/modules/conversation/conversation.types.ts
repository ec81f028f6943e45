import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Conversation } from './conversation.entity';

@ObjectType({ description: "A page of the viewer's conversations with the assistant, newest first (Relay connection)" })
export class ConversationConnection extends ConnectionType('Conversation', Conversation) {}

@ObjectType({ description: "A piece of the assistant's reply as it is written; the last one of a reply has done true (and may be empty)" })
export class AssistantReplyChunk {
  @Field(() => ID, { description: 'The conversation the reply belongs to' })
  conversationId!: string;

  @Field(() => String, { description: "The next piece of the reply's text: the pieces, in order, make the whole reply" })
  delta!: string;

  @Field(() => Boolean, { description: "True on the reply's last chunk (also when it failed: askAssistant then returns the error)" })
  done!: boolean;
}
