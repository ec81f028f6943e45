// The orders subgraph started in-process (the kit's harness: a database and Redis prefix of its own), calling the
// catalog of the market jest's global setup, so tests can reach its insides: fault seams, the sweeper and the expiry
// job with an injected clock, its SQL statements.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSubgraphHarness, type SubgraphHarness } from '@espigon/kit/testing/subgraph-harness';
import type { OrdersServices } from '../../src/orders.context';
import { ordersSubgraph } from '../../src/orders.subgraph';

export type OrdersHarness = SubgraphHarness<OrdersServices>;

const marketCatalogUrl = () => (JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>).catalog.replace(/\/graphql$/, '');
const marketInternalToken = () =>
  process.env.INTERNAL_SERVICE_TOKEN ?? readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'internal-service-token'), 'utf8').trim();

export function startOrdersHarness(env: NodeJS.ProcessEnv = {}): Promise<OrdersHarness> {
  return startSubgraphHarness(ordersSubgraph, {
    // the sweeps run when a test says, with the time it says
    env: { CATALOG_URL: marketCatalogUrl(), INTERNAL_SERVICE_TOKEN: marketInternalToken(), ORDERS_SWEEP_INTERVAL_MS: '3600000', ...env },
  });
}

export const ADD_TO_CART = `mutation Add($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { items { id quantity } } }`;
export const CHECKOUT = `mutation Checkout($input: CheckoutInput!) { checkout(input: $input) { id number status totalCents } }`;
export const ORDER = `query Order($id: ID!) { order(id: $id) { id status cancelReason } }`;
