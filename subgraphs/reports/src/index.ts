// Runs the reports subgraph alone: `npm run start:reports`.
import { runSubgraph } from '@espigon/kit/server/start-subgraph';
import { reportsSubgraph } from './reports.subgraph';

runSubgraph(reportsSubgraph);
