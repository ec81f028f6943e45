// The catalog subgraph of the market jest's global setup starts: its own URL (for what the gateway never exposes:
// _entities, the internal reservation API with the service credential) and sellers registered through the gateway.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateProductInput } from '../../../../e2e/__generated__/graphql';
import { CreateProductMutation } from '../../../../e2e/operations/catalog.operations';
import { RegisterMutation } from '../../../../e2e/operations/users.operations';
import { ok, uniqueEmail } from '../../../../e2e/support/client';

/** Seeded subcategory "Camarón" (fixed id). */
export const CAMARON_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000008';

export const catalogUrl = () => (JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>).catalog;

/** What the market's services share: INTERNAL_SERVICE_TOKEN when the environment sets it, else the file the catalog generated. */
export const internalToken = () =>
  process.env.INTERNAL_SERVICE_TOKEN ?? readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'internal-service-token'), 'utf8').trim();

/** Calls the catalog's internal API as the orders subgraph will: JSON in and out, the service credential unless told otherwise. */
export async function internal(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token: string | null = internalToken(),
): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, catalogUrl()), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text }; // left as text: the assertion will show it
  }
}

export interface Seller {
  token: string;
  id: string;
}

export async function registerSeller(name = 'Jacinto Pin'): Promise<Seller> {
  const { register } = await ok(RegisterMutation, {
    input: { email: uniqueEmail('seller'), password: 'Pescado-fresco-2026', name, role: 'SELLER', stallName: `Puesto de ${name}` },
  });
  return { token: register.accessToken, id: register.user.id };
}

/** Lists a product through the gateway: 450 cents a pound of Camarón, 10 in stock unless told otherwise. */
export async function listProduct(seller: Seller, overrides: Partial<CreateProductInput> = {}): Promise<string> {
  const input: CreateProductInput = {
    name: 'Corvina de roca',
    priceCents: 450,
    unit: 'LB',
    subcategoryId: CAMARON_SUBCATEGORY,
    quantityOnHand: 10,
    ...overrides,
  };
  return (await ok(CreateProductMutation, { input }, { token: seller.token })).createProduct.id;
}
