// Runs the users subgraph alone: `npm run start:users`.
import { runSubgraph } from '@espigon/kit/server/start-subgraph';
import { usersSubgraph } from './users.subgraph';

runSubgraph(usersSubgraph);
