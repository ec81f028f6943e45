import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { ConversationResolver } from './modules/conversation/conversation.resolver';

export function buildAssistantSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ConversationResolver] });
}
