import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { ReportResolver } from './modules/report/report.resolver';

export function buildReportsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ReportResolver] });
}
