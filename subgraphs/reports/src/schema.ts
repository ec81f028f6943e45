import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { DashboardSubscriptionResolver } from './modules/live/dashboard-subscription.resolver';
import { RankingResolver } from './modules/rankings/rankings.resolver';
import { ReportResolver } from './modules/report/report.resolver';

export function buildReportsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ReportResolver, RankingResolver, DashboardSubscriptionResolver] });
}
