// Runs the assistant subgraph alone: `npm run start:assistant`.
import { runSubgraph } from '@espigon/kit/server/start-subgraph';
import { assistantSubgraph } from './assistant.subgraph';

runSubgraph(assistantSubgraph);
