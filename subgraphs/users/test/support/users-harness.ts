// The users subgraph started alone on a database and Redis prefix of its own (the kit's harness), so tests can reach
// its insides: its entity manager, its SQL statements.
import { startSubgraphHarness, type SubgraphHarness } from '@espigon/kit/testing/subgraph-harness';
import type { UsersServices } from '../../src/users.context';
import { usersSubgraph } from '../../src/users.subgraph';

export type UsersHarness = SubgraphHarness<UsersServices>;

export function startUsersHarness(options: { env?: NodeJS.ProcessEnv } = {}): Promise<UsersHarness> {
  return startSubgraphHarness(usersSubgraph, options);
}
