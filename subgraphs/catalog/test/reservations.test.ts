// The internal reservation API orders will call, on the market's catalog: credential, bad bodies, all-or-nothing,
// idempotency, stock adjustments around what is held, and concurrency.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AdjustInventoryMutation, DeleteProductMutation, ProductQuery, UpdateProductMutation } from '../../../e2e/operations/catalog.operations';
import { execute, gatewayUrl, ok } from '../../../e2e/support/client';
import { internal, internalToken, listProduct, registerSeller, type Seller } from './support/market-catalog';

let seller: Seller;

beforeAll(async () => {
  seller = await registerSeller();
});

const product = (stock: number) => listProduct(seller, { quantityOnHand: stock });

/** Stock as the owner sees it through the gateway. */
async function stock(productId: string) {
  const { product: found } = await ok(ProductQuery, { id: productId }, { token: seller.token });
  return { onHand: found!.inventory.quantityOnHand, reserved: found!.inventory.quantityReserved };
}

const reserve = (orderId: string, lines: { productId: string; quantity: number }[]) => internal('POST', '/internal/reservations', { orderId, lines });

describe('credential and bad requests', () => {
  it('refuses a missing or wrong internal credential with 401, and a user access token too', async () => {
    const body = { orderId: randomUUID(), lines: [] };
    expect((await internal('POST', '/internal/reservations', body, null)).status).toBe(401);
    expect((await internal('POST', '/internal/reservations', body, 'x'.repeat(43))).status).toBe(401);
    expect((await internal('POST', '/internal/reservations', body, seller.token)).status).toBe(401);
    expect((await internal('GET', `/internal/reservations/${randomUUID()}`, undefined, null)).status).toBe(401);
  });

  it('is not served by the gateway, credential or not', async () => {
    const response = await fetch(new URL('/internal/reservations', gatewayUrl()), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${internalToken()}` },
      body: JSON.stringify({ orderId: randomUUID(), lines: [] }),
    });
    expect(response.status).toBe(404);
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
      const response = await internal('POST', '/internal/reservations', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
    }
    for (const path of ['/internal/reservations/not-an-id/release', '/internal/reservations/not-an-id/commit']) {
      const response = await internal('POST', path);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderId' });
    }
    expect(await stock(productId)).toEqual({ onHand: 5, reserved: 0 });
  });
});

describe('reserve, release, commit', () => {
  it('reserves all lines or none, naming the lines that failed', async () => {
    const [a, b, gone] = [await product(5), await product(2), await product(3)];
    await ok(DeleteProductMutation, { id: gone }, { token: seller.token });
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

    const reserved = await reserve(orderId, [
      { productId: a, quantity: 3 },
      { productId: b, quantity: 2 },
      { productId: a, quantity: 1 }, // the same product twice is one line of 4
    ]);
    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({ orderId, status: 'RESERVED' });
    expect(reserved.body.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productId: a, quantity: 4, status: 'RESERVED', sellerId: seller.id, priceCents: 450, unit: 'LB' }),
        expect.objectContaining({ productId: b, quantity: 2, status: 'RESERVED' }),
      ]),
    );
    expect(await stock(a)).toEqual({ onHand: 5, reserved: 4 });
    const { product: soldOut } = await ok(ProductQuery, { id: b });
    expect(soldOut).toMatchObject({ available: false, inventory: { quantityAvailable: 0 } });
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

    const released = await internal('POST', `/internal/reservations/${cancelled}/release`);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('RELEASED');
    expect((await internal('POST', `/internal/reservations/${cancelled}/release`)).status).toBe(200);
    expect(await stock(p)).toEqual({ onHand: 10, reserved: 3 });
    const commitReleased = await internal('POST', `/internal/reservations/${cancelled}/commit`);
    expect(commitReleased.status).toBe(409);

    const committed = await internal('POST', `/internal/reservations/${paid}/commit`);
    expect(committed.body.status).toBe('COMMITTED');
    expect((await internal('POST', `/internal/reservations/${paid}/commit`)).status).toBe(200);
    expect(await stock(p)).toEqual({ onHand: 7, reserved: 0 });
    expect((await internal('POST', `/internal/reservations/${paid}/release`)).status).toBe(409);

    expect((await internal('GET', `/internal/reservations/${paid}`)).body.status).toBe('COMMITTED');
    expect((await internal('GET', `/internal/reservations/${randomUUID()}`)).status).toBe(404);
    expect((await internal('POST', `/internal/reservations/${randomUUID()}/release`)).status).toBe(404);
  });

  it('never reserves an unlisted product', async () => {
    const p = await product(4);
    await ok(UpdateProductMutation, { id: p, input: { listed: false } }, { token: seller.token });
    const response = await reserve(randomUUID(), [{ productId: p, quantity: 1 }]);
    expect(response.status).toBe(409);
    expect(response.body.lines).toEqual([{ productId: p, requested: 1, available: 0 }]);
  });

  it('never lets the owner adjust stock below what orders hold (adjustInventory through the gateway)', async () => {
    const p = await product(6);
    expect((await reserve(randomUUID(), [{ productId: p, quantity: 4 }])).status).toBe(201);
    const tooFar = await execute(AdjustInventoryMutation, { productId: p, delta: -3 }, { token: seller.token });
    expect(tooFar.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delta' });
    expect(await stock(p)).toEqual({ onHand: 6, reserved: 4 });
    const exact = await ok(AdjustInventoryMutation, { productId: p, delta: -2, reason: 'merma' }, { token: seller.token });
    expect(exact.adjustInventory).toEqual({ productId: p, quantityOnHand: 4, quantityReserved: 4, quantityAvailable: 0, lowStockThreshold: 0 });
    const { product: held } = await ok(ProductQuery, { id: p });
    expect(held?.available).toBe(false);
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
    // and nowhere in the market's catalog does stock held exceed stock on hand
    const db = new Client({ connectionString: process.env.ESPIGON_TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ count: number }>(
        `select count(*)::int as "count" from "catalog"."inventory" where "quantity_reserved" > "quantity_on_hand" or "quantity_reserved" < 0`,
      );
      expect(rows).toEqual([{ count: 0 }]);
    } finally {
      await db.end();
    }
  }, 180_000);
});
