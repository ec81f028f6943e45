// Every subgraph of the market, by the name supergraph.yaml gives it.
import type { SubgraphDefinition } from '../subgraphs/kit/src/server/start-subgraph';
import { catalogSubgraph } from '../subgraphs/catalog/src/catalog.subgraph';
import { usersSubgraph } from '../subgraphs/users/src/users.subgraph';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const subgraphDefinitions: Record<string, SubgraphDefinition<any, any, any>> = {
  users: usersSubgraph,
  catalog: catalogSubgraph,
};
