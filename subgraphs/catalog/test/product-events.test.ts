// product.changed: every change of a product or its stock writes the product's whole state to the outbox, in the
// transaction of the change (create, update, unlist and relist, delete, stock adjustments, reservations held, released
// and committed), and the demo catalog is announced when it is seeded.
import { randomUUID } from 'node:crypto';
import type { ProductChangedPayload } from '@espigon/kit/events/domain-events';
import { demoProductIds } from '../src/seed/demo-catalog.seed';
import { CAMARON_SUBCATEGORY, CREATE_PRODUCT, ROSA, productInput, startCatalogHarness, type CatalogHarness } from './support/catalog-harness';

let h: CatalogHarness;

beforeAll(async () => {
  h = await startCatalogHarness();
});
afterAll(() => h?.stop());

/** Seeded category "Mariscos" (Camarón's), and subcategory "Pulpo" of "Moluscos". */
const MARISCOS = '6f1c7a1e-0001-4000-8000-000000000002';
const PULPO_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000012';
const MOLUSCOS = '6f1c7a1e-0001-4000-8000-000000000003';

const UPDATE = `mutation ProductEventsUpdate($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;
const DELETE = `mutation ProductEventsDelete($id: ID!) { deleteProduct(id: $id) }`;
const ADJUST = `mutation ProductEventsAdjust($productId: ID!, $delta: Int!) { adjustInventory(productId: $productId, delta: $delta) { quantityAvailable } }`;

/** The product.changed events in the outbox, in the order they were written, for these products (all when none named). */
async function productEvents(productIds?: string[]): Promise<ProductChangedPayload[]> {
  const rows = await h.service.runtime.orm.em
    .fork()
    .execute<{ payload: ProductChangedPayload }[]>(`select "payload" from "catalog"."outbox_event" where "topic" = 'product.changed' order by "seq"`);
  return rows.map((r) => r.payload).filter((p) => !productIds || productIds.includes(p.productId));
}

/** Runs `change` and returns the product.changed events it wrote (for any product). */
async function eventsOf(change: () => Promise<unknown>): Promise<ProductChangedPayload[]> {
  const before = (await productEvents()).length;
  await change();
  return (await productEvents()).slice(before);
}

async function ok(query: string, variables: Record<string, unknown>, token: string) {
  const result = await h.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const seller = () => h.token('SELLER', ROSA);

async function createProduct(overrides: Record<string, unknown> = {}): Promise<string> {
  return (await ok(CREATE_PRODUCT, { input: productInput(overrides) }, seller())).createProduct.id;
}

const ISO_MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

it('announces the demo catalog when it is seeded, one event per product with its state', async () => {
  const seeded = Object.values(demoProductIds);
  const events = await productEvents(seeded);
  expect(events.map((e) => e.productId).sort()).toEqual([...seeded].sort());
  const rows = await h.service.runtime.orm.em.fork().execute<{ id: string; name: string; available: number; category_id: string }[]>(
    `select p."id", p."name", i."quantity_on_hand" - i."quantity_reserved" as "available", s."category_id"
     from "catalog"."product" p join "catalog"."inventory" i on i."product_id" = p."id" join "catalog"."subcategory" s on s."id" = p."subcategory_id"
     where p."id" in (?)`,
    [seeded],
  );
  for (const row of rows) {
    expect(events.find((e) => e.productId === row.id)).toMatchObject({
      name: row.name,
      quantityAvailable: row.available,
      categoryId: row.category_id,
      listed: true,
      deleted: false,
    });
  }
});

it('is written with the whole state on create, update, unlist, relist, stock adjustment and delete', async () => {
  let productId = '';
  const [created] = await eventsOf(async () => {
    productId = await createProduct({ name: 'Camarón pomada', priceCents: 600, quantityOnHand: 12, lowStockThreshold: 2 });
  });
  expect(created).toEqual({
    productId,
    sellerId: ROSA,
    name: 'Camarón pomada',
    subcategoryId: CAMARON_SUBCATEGORY,
    categoryId: MARISCOS,
    listed: true,
    deleted: false,
    quantityAvailable: 12,
    lowStockThreshold: 2,
    priceCents: 600,
    changedAt: expect.stringMatching(ISO_MICROS),
  });

  const updated = await eventsOf(() =>
    ok(
      UPDATE,
      { id: productId, input: { name: 'Pulpo de roca', priceCents: 850, subcategoryId: PULPO_SUBCATEGORY, lowStockThreshold: 5 } },
      seller(),
    ),
  );
  expect(updated).toEqual([
    {
      ...created,
      name: 'Pulpo de roca',
      priceCents: 850,
      subcategoryId: PULPO_SUBCATEGORY,
      categoryId: MOLUSCOS,
      lowStockThreshold: 5,
      changedAt: expect.stringMatching(ISO_MICROS),
    },
  ]);

  const unlisted = await eventsOf(() => ok(UPDATE, { id: productId, input: { listed: false } }, seller()));
  expect(unlisted).toEqual([expect.objectContaining({ productId, listed: false, name: 'Pulpo de roca' })]);
  const relisted = await eventsOf(() => ok(UPDATE, { id: productId, input: { listed: true } }, seller()));
  expect(relisted).toEqual([expect.objectContaining({ productId, listed: true })]);

  const adjusted = await eventsOf(() => ok(ADJUST, { productId, delta: -8 }, seller()));
  // the adjustment also raised a low-stock alert (4 <= 5): product.changed comes besides it, not instead
  expect(adjusted).toEqual([expect.objectContaining({ productId, quantityAvailable: 4, lowStockThreshold: 5, listed: true })]);

  const deleted = await eventsOf(() => ok(DELETE, { id: productId }, seller()));
  expect(deleted).toEqual([expect.objectContaining({ productId, deleted: true, quantityAvailable: 4, name: 'Pulpo de roca' })]);

  // a refused change writes nothing
  expect(await eventsOf(() => h.gql(UPDATE, { id: productId, input: { name: 'Otro' } }, seller()))).toEqual([]);
  expect(await eventsOf(() => h.gql(ADJUST, { productId: randomUUID(), delta: 1 }, seller()))).toEqual([]);

  // the product's events, in the order they were written, have ever later times
  const times = (await productEvents([productId])).map((e) => e.changedAt);
  expect(times).toHaveLength(6);
  expect([...times].sort()).toEqual(times);
  expect(new Set(times).size).toBe(times.length);
});

it('is written for every product a reservation holds, releases or commits, with its new stock; not for refusals or retries', async () => {
  const [a, b] = [await createProduct({ quantityOnHand: 10 }), await createProduct({ quantityOnHand: 3 })];
  const [first, second] = [randomUUID(), randomUUID()];
  const checkout = (checkoutId: string, bQuantity: number) =>
    h.internal('POST', '/internal/reservations', {
      checkoutId,
      orders: [
        { orderId: first, lines: [{ productId: a, quantity: 4 }] },
        { orderId: second, lines: [{ productId: b, quantity: bQuantity }] },
      ],
    });

  let response!: Awaited<ReturnType<typeof checkout>>;
  expect(
    await eventsOf(async () => {
      response = await checkout(randomUUID(), 5);
    }),
  ).toEqual([]);
  expect(response.status).toBe(409);

  const checkoutId = randomUUID();
  const held = await eventsOf(async () => {
    response = await checkout(checkoutId, 3);
  });
  expect(response.status).toBe(201);
  expect(held).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ productId: a, quantityAvailable: 6, sellerId: ROSA, listed: true, deleted: false }),
      expect.objectContaining({ productId: b, quantityAvailable: 0 }),
    ]),
  );
  expect(held).toHaveLength(2);
  // a retry of the same checkout holds nothing more, and says nothing
  expect(await eventsOf(() => checkout(checkoutId, 3))).toEqual([]);

  const released = await eventsOf(() => h.internal('POST', `/internal/reservations/${second}/release`));
  expect(released).toEqual([expect.objectContaining({ productId: b, quantityAvailable: 3 })]);
  expect(await eventsOf(() => h.internal('POST', `/internal/reservations/${second}/release`))).toEqual([]);

  const committed = await eventsOf(() => h.internal('POST', `/internal/reservations/${first}/commit`));
  // on hand and reserved both fall: what is available does not change, but the stock did
  expect(committed).toEqual([expect.objectContaining({ productId: a, quantityAvailable: 6 })]);
  expect(await eventsOf(() => h.internal('POST', `/internal/reservations/${first}/commit`))).toEqual([]);
});

it('gives concurrent changes of one product ever later times, each event with the state its change left', async () => {
  const productId = await createProduct({ quantityOnHand: 50 });
  const before = (await productEvents([productId])).length;
  await Promise.all([
    ...Array.from({ length: 6 }, () => h.internal('POST', '/internal/reservations', { orderId: randomUUID(), lines: [{ productId, quantity: 1 }] })),
    ...Array.from({ length: 3 }, () => ok(ADJUST, { productId, delta: 2 }, seller())),
    ok(UPDATE, { id: productId, input: { name: 'Corvina del día' } }, seller()),
  ]);
  const events = (await productEvents([productId])).slice(before);
  expect(events).toHaveLength(10);
  // the last by time is the product as it is now (what a read model keeping the latest ends with)
  const latest = [...events].sort((x, y) => (x.changedAt < y.changedAt ? -1 : 1)).at(-1)!;
  expect(latest).toMatchObject({ quantityAvailable: 50 - 6 + 6, name: 'Corvina del día' });
  expect(new Set(events.map((e) => e.changedAt)).size).toBe(events.length);
  // and stock moves one way: ordered by time, each event's stock is the previous one's plus one change
  const stock = [...events].sort((x, y) => (x.changedAt < y.changedAt ? -1 : 1)).map((e) => e.quantityAvailable);
  stock.reduce((previous, current) => {
    expect([previous - 1, previous, previous + 2]).toContain(current);
    return current;
  }, 50);
});

it('reads the new state of all the products a reservation changes in one statement, for 1 line or 8', async () => {
  const productIds: string[] = [];
  for (let i = 0; i < 8; i += 1) productIds.push(await createProduct({ quantityOnHand: 5 }));
  const stateReads = () => h.statements.filter((sql) => sql.includes('clock_timestamp()')).length;
  for (const lines of [1, 8]) {
    const orderId = randomUUID();
    h.resetStatements();
    const events = await eventsOf(() =>
      h.internal('POST', '/internal/reservations', { orderId, lines: productIds.slice(0, lines).map((productId) => ({ productId, quantity: 1 })) }),
    );
    expect(events).toHaveLength(lines);
    expect(stateReads()).toBe(1);
    h.resetStatements();
    expect(await eventsOf(() => h.internal('POST', `/internal/reservations/${orderId}/commit`))).toHaveLength(lines);
    expect(stateReads()).toBe(1);
  }
});
