// Runs the catalog subgraph alone: `npm run start:catalog`.
import 'reflect-metadata';
import { startSubgraph, stopOnSignals } from '../../kit/src/server/start-subgraph';
import { catalogSubgraph } from './catalog.subgraph';

startSubgraph(catalogSubgraph).then(
  (service) => stopOnSignals(service.stop, service.runtime.logger),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
