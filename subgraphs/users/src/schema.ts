import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { AuthResolver } from './modules/auth/auth.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import { resolveUserReference } from './modules/user/user.reference';
import { UserResolver } from './modules/user/user.resolver';

export function buildUsersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [UserResolver, AuthResolver, NotificationResolver],
    referenceResolvers: { User: { __resolveReference: resolveUserReference } },
  });
}
