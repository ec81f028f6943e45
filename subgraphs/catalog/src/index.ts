// Runs the catalog subgraph alone: `npm run start:catalog`.
import { runSubgraph } from '@espigon/kit/server/start-subgraph';
import { catalogSubgraph } from './catalog.subgraph';

runSubgraph(catalogSubgraph);
