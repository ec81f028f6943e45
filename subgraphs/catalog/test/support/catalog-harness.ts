// The catalog subgraph started alone on a database and Redis prefix of its own (the kit's harness), with the
// documents and inputs its tests share.
import { demoSellerIds } from '../../src/seed/demo-sellers';
import { startSubgraphHarness, type SubgraphHarness } from '@espigon/kit/testing/subgraph-harness';
import type { CatalogServices } from '../../src/catalog.context';
import { catalogSubgraph } from '../../src/catalog.subgraph';

export type CatalogHarness = SubgraphHarness<CatalogServices>;

/** A seeded seller's id, for the tokens the harness signs. */
export const ROSA = demoSellerIds.rosa;

/** Seeded subcategory "Camarón" (fixed id). */
export const CAMARON_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000008';

export function startCatalogHarness(options: { env?: NodeJS.ProcessEnv } = {}): Promise<CatalogHarness> {
  return startSubgraphHarness(catalogSubgraph, options);
}

export const CREATE_PRODUCT = `
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id name priceCents unit listed available inventory { quantityOnHand quantityReserved quantityAvailable lowStockThreshold } }
  }
`;

export function productInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Corvina de roca',
    description: 'Fresca del día',
    priceCents: 450,
    unit: 'LB',
    subcategoryId: CAMARON_SUBCATEGORY,
    quantityOnHand: 10,
    ...overrides,
  };
}
