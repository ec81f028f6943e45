// Runs the gateway alone: `npm run start:gateway` (the subgraphs must be up at their routing URLs).
import { startGateway } from './gateway-server';
import { stopOnSignals } from '@espigon/kit/server/start-subgraph';
import { loadDotEnv } from '@espigon/kit/dotenv';

loadDotEnv();
startGateway().then(
  (gateway) => stopOnSignals(gateway.stop, gateway.logger),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
