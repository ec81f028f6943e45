// Every subgraph of the market, by the name supergraph.yaml gives it.
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { catalogSubgraph } from '@espigon/catalog/catalog.subgraph';
import { ordersSubgraph } from '@espigon/orders/orders.subgraph';
import { paymentsSubgraph } from '@espigon/payments/payments.subgraph';
import { reportsSubgraph } from '@espigon/reports/reports.subgraph';
import { assistantSubgraph } from '@espigon/assistant/assistant.subgraph';
import { usersSubgraph } from '@espigon/users/users.subgraph';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const subgraphDefinitions: Record<string, SubgraphDefinition<any, any, any>> = {
  users: usersSubgraph,
  catalog: catalogSubgraph,
  orders: ordersSubgraph,
  payments: paymentsSubgraph,
  reports: reportsSubgraph,
  assistant: assistantSubgraph,
};
