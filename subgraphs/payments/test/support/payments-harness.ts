// The payments subgraph started in-process (the kit's harness: a database and Redis prefix of its own), calling the
// orders subgraph of the market jest's global setup, so tests can reach its insides: its entity manager, its SQL
// statements.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSubgraphHarness, type SubgraphHarness } from '@espigon/kit/testing/subgraph-harness';
import type { PaymentsServices } from '../../src/payments.context';
import { paymentsSubgraph } from '../../src/payments.subgraph';

export type PaymentsHarness = SubgraphHarness<PaymentsServices>;

const marketOrdersUrl = () => (JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>).orders.replace(/\/graphql$/, '');
const marketInternalToken = () =>
  process.env.INTERNAL_SERVICE_TOKEN ?? readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'internal-service-token'), 'utf8').trim();

export function startPaymentsHarness(env: NodeJS.ProcessEnv = {}): Promise<PaymentsHarness> {
  return startSubgraphHarness(paymentsSubgraph, { env: { ORDERS_URL: marketOrdersUrl(), INTERNAL_SERVICE_TOKEN: marketInternalToken(), ...env } });
}
