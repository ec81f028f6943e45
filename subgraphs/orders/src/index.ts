// Runs the orders subgraph alone: `npm run start:orders`.
import { runSubgraph } from '@espigon/kit/server/start-subgraph';
import { ordersSubgraph } from './orders.subgraph';

runSubgraph(ordersSubgraph);
