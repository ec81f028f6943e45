// Runs the users subgraph alone: `npm run start:users`.
import 'reflect-metadata';
import { startSubgraph, stopOnSignals } from '../../kit/src/server/start-subgraph';
import { usersSubgraph } from './users.subgraph';

startSubgraph(usersSubgraph).then(
  (service) => stopOnSignals(service.stop, service.runtime.logger),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
