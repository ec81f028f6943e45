// Runs the payments subgraph alone: `npm run start:payments`.
import { runSubgraph } from '@espigon/kit/server/start-subgraph';
import { paymentsSubgraph } from './payments.subgraph';

runSubgraph(paymentsSubgraph);
