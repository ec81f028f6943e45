// The internal reservation API orders will call: credential, bad bodies, all-or-nothing, idempotency, concurrency.
import { randomUUID } from 'node:crypto';
import { CREATE_PRODUCT, demo, productInput, startCatalogHarness, type CatalogHarness } from './support/catalog-harness';

let h: CatalogHarness;
let seller: string;

beforeAll(async () => {
  h = await startCatalogHarness();
  seller = h.token('SELLER', demo.rosa);
});
afterAll(() => h?.stop());

async function product(stock: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await h.gql(CREATE_PRODUCT, { input: productInput({ quantityOnHand: stock, ...overrides }) }, seller);
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct.id;
}

async function stock(productId: string) {
  const [row] = await h.service.runtime.orm.em
    .fork()
    .execute<{ quantity_on_hand: number; quantity_reserved: number }[]>(
      `select "quantity_on_hand", "quantity_reserved" from "catalog"."inventory" where "product_id" = ?`,
      [productId],
    );
  return { onHand: row.quantity_on_hand, reserved: row.quantity_reserved };
}

const reserve = (orderId: string, lines: { productId: string; quantity: number }[]) =>
  h.internal('POST', '/internal/reservations', { orderId, lines });

describe('credential and bad requests', () => {
  it('refuses a missing or wrong internal credential with 401, and a user access token too', async () => {
    const body = { orderId: randomUUID(), lines: [] };
    expect((await h.internal('POST', '/internal/reservations', body, null)).status).toBe(401);
    expect((await h.internal('POST', '/internal/reservations', body, 'x'.repeat(43))).status).toBe(401);
    expect((await h.internal('POST', '/internal/reservations', body, h.token('ADMIN'))).status).toBe(401);
    expect((await h.internal('GET', `/internal/reservations/${randomUUID()}`, undefined, null)).status).toBe(401);
  });

  it('answers bad bodies with 400 and a JSON error, never a 500', async () => {
    const productId = await product(5);
    const cases: [unknown, string][] = [
      ['{not json', 'BAD_REQUEST'],
      [{}, 'BAD_USER_INPUT'],
      [{ orderId: 5, lines: 'x' }, 'BAD_USER_INPUT'],
      [{ orderId: 'nope', lines: [{ productId, quantity: 1 }] }, 'BAD_USER_INPUT'],
      [{ orderId: randomUUID(), lines: [] }, 'BAD_USER_INPUT'],
      [{ orderId: randomUUID(), lines: [{ productId: 'x', quantity: 1 }] }, 'BAD_USER_INPUT'],
      [{ orderId: randomUUID(), lines: [{ productId, quantity: 0 }] }, 'BAD_USER_INPUT'],
      [{ orderId: randomUUID(), lines: [{ productId, quantity: 1.5 }] }, 'BAD_USER_INPUT'],
    ];
    for (const [body, code] of cases) {
      const response = await h.internal('POST', '/internal/reservations', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
    }
    for (const path of ['/internal/reservations/not-an-id/release', '/internal/reservations/not-an-id/commit']) {
      const response = await h.internal('POST', path);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderId' });
    }
    expect(await stock(productId)).toEqual({ onHand: 5, reserved: 0 });
  });
});

describe('reserve, release, commit', () => {
  it('reserves all lines or none, naming the lines that failed', async () => {
    const [a, b, gone] = [await product(5), await product(2), await product(3)];
    await h.gql(`mutation { deleteProduct(id: "${gone}") }`, {}, seller);
    const orderId = randomUUID();
    const failed = await reserve(orderId, [
      { productId: a, quantity: 4 },
      { productId: b, quantity: 3 },
      { productId: gone, quantity: 1 },
    ]);
    expect(failed.status).toBe(409);
    expect(failed.body.code).toBe('OUT_OF_STOCK');
    expect(failed.body.lines).toEqual(
      expect.arrayContaining([
        { productId: b, requested: 3, available: 2 },
        { productId: gone, requested: 1, available: 0 },
      ]),
    );
    expect(failed.body.lines).toHaveLength(2);
    expect(await stock(a)).toEqual({ onHand: 5, reserved: 0 });
    expect(await stock(b)).toEqual({ onHand: 2, reserved: 0 });

    const ok = await reserve(orderId, [
      { productId: a, quantity: 3 },
      { productId: b, quantity: 2 },
      { productId: a, quantity: 1 }, // the same product twice is one line of 4
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ orderId, status: 'RESERVED' });
    expect(ok.body.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productId: a, quantity: 4, status: 'RESERVED', sellerId: demo.rosa, priceCents: 450, unit: 'LB' }),
        expect.objectContaining({ productId: b, quantity: 2, status: 'RESERVED' }),
      ]),
    );
    expect(await stock(a)).toEqual({ onHand: 5, reserved: 4 });
    const available = await h.gql(`query { product(id: "${b}") { available inventory { quantityAvailable } } }`);
    expect(available.data!.product).toEqual({ available: false, inventory: { quantityAvailable: 0 } });
  });

  it('is idempotent per order: a retry changes nothing, other lines for the same order conflict', async () => {
    const p = await product(10);
    const orderId = randomUUID();
    const first = await reserve(orderId, [{ productId: p, quantity: 3 }]);
    const retry = await reserve(orderId, [{ productId: p, quantity: 3 }]);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await stock(p)).toEqual({ onHand: 10, reserved: 3 });
    const other = await reserve(orderId, [{ productId: p, quantity: 4 }]);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('CONFLICT');

    const concurrentOrder = randomUUID();
    const racing = await Promise.all(Array.from({ length: 8 }, () => reserve(concurrentOrder, [{ productId: p, quantity: 2 }])));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await stock(p)).toEqual({ onHand: 10, reserved: 5 });
  });

  it('releases held stock once, and commits it once (on hand and reserved both fall)', async () => {
    const p = await product(10);
    const cancelled = randomUUID();
    const paid = randomUUID();
    await reserve(cancelled, [{ productId: p, quantity: 2 }]);
    await reserve(paid, [{ productId: p, quantity: 3 }]);
    expect(await stock(p)).toEqual({ onHand: 10, reserved: 5 });

    const released = await h.internal('POST', `/internal/reservations/${cancelled}/release`);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('RELEASED');
    expect((await h.internal('POST', `/internal/reservations/${cancelled}/release`)).status).toBe(200);
    expect(await stock(p)).toEqual({ onHand: 10, reserved: 3 });
    const commitReleased = await h.internal('POST', `/internal/reservations/${cancelled}/commit`);
    expect(commitReleased.status).toBe(409);

    const committed = await h.internal('POST', `/internal/reservations/${paid}/commit`);
    expect(committed.body.status).toBe('COMMITTED');
    expect((await h.internal('POST', `/internal/reservations/${paid}/commit`)).status).toBe(200);
    expect(await stock(p)).toEqual({ onHand: 7, reserved: 0 });
    expect((await h.internal('POST', `/internal/reservations/${paid}/release`)).status).toBe(409);

    expect((await h.internal('GET', `/internal/reservations/${paid}`)).body.status).toBe('COMMITTED');
    expect((await h.internal('GET', `/internal/reservations/${randomUUID()}`)).status).toBe(404);
    expect((await h.internal('POST', `/internal/reservations/${randomUUID()}/release`)).status).toBe(404);
  });

  it('never reserves an unlisted product', async () => {
    const p = await product(4);
    await h.gql(`mutation { updateProduct(id: "${p}", input: { listed: false }) { listed } }`, {}, seller);
    const response = await reserve(randomUUID(), [{ productId: p, quantity: 1 }]);
    expect(response.status).toBe(409);
    expect(response.body.lines).toEqual([{ productId: p, requested: 1, available: 0 }]);
  });
});

describe('concurrency', () => {
  const ROUNDS = 20;
  const BUYERS = 200;
  const STOCK = 10;

  it(`${BUYERS} concurrent reservations of 1 unit against stock ${STOCK}: exactly ${STOCK} succeed, ${ROUNDS} times`, async () => {
    const outcomes: { succeeded: number; outOfStock: number; other: number; onHand: number; reserved: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const productId = await product(STOCK);
      const responses = await Promise.all(
        Array.from({ length: BUYERS }, () => reserve(randomUUID(), [{ productId, quantity: 1 }])),
      );
      const after = await stock(productId);
      outcomes.push({
        succeeded: responses.filter((r) => r.status === 201).length,
        outOfStock: responses.filter((r) => r.status === 409 && r.body.code === 'OUT_OF_STOCK').length,
        other: responses.filter((r) => r.status !== 201 && r.status !== 409).length,
        onHand: after.onHand,
        reserved: after.reserved,
      });
    }
    for (const outcome of outcomes) {
      expect(outcome).toEqual({ succeeded: STOCK, outOfStock: BUYERS - STOCK, other: 0, onHand: STOCK, reserved: STOCK });
    }
    const [{ count }] = await h.service.runtime.orm.em
      .fork()
      .execute<{ count: number }[]>(
        `select count(*)::int as "count" from "catalog"."inventory" where "quantity_reserved" > "quantity_on_hand" or "quantity_reserved" < 0`,
      );
    expect(count).toBe(0);
  }, 180_000);
});
