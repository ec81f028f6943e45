// The internal reservation API orders will call, on the market's catalog: credential, bad bodies, all-or-nothing,
// idempotency, stock adjustments around what is held, and concurrency.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReservationClient } from '@espigon/kit/clients/reservation.client';
import { Client } from 'pg';
import { AdjustInventoryMutation, DeleteProductMutation, ProductQuery, UpdateProductMutation } from '../../../e2e/operations/catalog.operations';
import { execute, gatewayUrl, ok } from '../../../e2e/support/client';
import { catalogUrl, internal, internalToken, listProduct, registerSeller, type Seller } from './support/market-catalog';

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

async function reserveRetryingUnavailable(orderId: string, lines: { productId: string; quantity: number }[]) {
  for (let attempt = 0; ; attempt++) {
    const response = await reserve(orderId, lines);
    if (response.status !== 503 || attempt === 30) return response;
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * (attempt + 1), 500)));
  }
}

describe('concurrency', () => {
  const ROUNDS = 20;
  const BUYERS = 200;
  const STOCK = 10;

  it(`${BUYERS} concurrent reservations of 1 unit against stock ${STOCK}: exactly ${STOCK} succeed, ${ROUNDS} times`, async () => {
    const outcomes: { succeeded: number; outOfStock: number; other: number; onHand: number; reserved: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const productId = await product(STOCK);
      // a catalog that sheds load answers 503 (its connection pool is busy past the query timeout while 200 requests
      // queue on one row's lock, more so when other suites load the market): the orders client retries those, as here
      const responses = await Promise.all(
        Array.from({ length: BUYERS }, () => reserveRetryingUnavailable(randomUUID(), [{ productId, quantity: 1 }])),
      );
      const after = await stock(productId);
      outcomes.push({
        // 200 is a retry finding the reservation its earlier attempt made, though that attempt was answered 503 (its
        // read-back after the commit waited for a connection too long): for the client a success, reserved once
        succeeded: responses.filter((r) => r.status === 201 || r.status === 200).length,
        outOfStock: responses.filter((r) => r.status === 409 && r.body.code === 'OUT_OF_STOCK').length,
        other: responses.filter((r) => ![200, 201, 409].includes(r.status)).length,
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

describe('a multi-seller checkout, through the typed client orders will use', () => {
  const client = () => new ReservationClient({ baseUrl: catalogUrl(), token: internalToken(), timeoutMs: 5000 });

  it('reserves every order of the checkout or none, then releases and commits each order alone', async () => {
    const other = await registerSeller('Lucía Pin');
    const pargo = await product(5);
    const atun = await listProduct(other, { name: 'Atún aleta amarilla', quantityOnHand: 2 });
    const [rosaOrder, luciaOrder] = [randomUUID(), randomUUID()];
    const checkout = (atunQuantity: number, checkoutId = randomUUID()) =>
      client().reserveCheckout(checkoutId, [
        { orderId: rosaOrder, lines: [{ productId: pargo, quantity: 2 }] },
        { orderId: luciaOrder, lines: [{ productId: atun, quantity: atunQuantity }] },
      ]);

    // one seller cannot serve: neither order holds anything
    const refused = await checkout(3).catch((e: unknown) => e);
    expect(refused).toMatchObject({ extensions: { code: 'OUT_OF_STOCK', lines: [{ productId: atun, requested: 3, available: 2 }] } });
    expect(await stock(pargo)).toEqual({ onHand: 5, reserved: 0 });

    const checkoutId = randomUUID();
    const held = await checkout(2, checkoutId);
    expect(held.orders.map((o) => [o.orderId, o.status, o.lines[0].sellerId])).toEqual([
      [rosaOrder, 'RESERVED', seller.id],
      [luciaOrder, 'RESERVED', other.id],
    ]);
    // a retry (the orders subgraph timed out and asks again) holds nothing more
    expect(await checkout(2, checkoutId)).toEqual(held);
    expect(await stock(pargo)).toEqual({ onHand: 5, reserved: 2 });
    // the same orders under another checkout id are not reserved twice
    expect(await checkout(2).catch((e: unknown) => e)).toMatchObject({ extensions: { code: 'CONFLICT' } });

    // Lucía's order is cancelled: only her stock comes back; Rosa's order is paid
    expect((await client().release(luciaOrder)).status).toBe('RELEASED');
    expect((await client().commit(rosaOrder)).status).toBe('COMMITTED');
    expect(await stock(pargo)).toEqual({ onHand: 3, reserved: 0 });
    const { product: tuna } = await ok(ProductQuery, { id: atun }, { token: other.token });
    expect(tuna!.inventory).toMatchObject({ quantityOnHand: 2, quantityReserved: 0 });
    expect(await client().get(randomUUID())).toBeNull();
  });

  it('retries a catalog that fails or hangs, then gives up with SERVICE_UNAVAILABLE', async () => {
    let calls = 0;
    const flaky = http.createServer((req, res) => {
      calls++;
      if (calls === 1) return; // hangs: the client's timeout ends it
      if (calls === 2) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ orderId: 'x', status: 'RELEASED', lines: [] }));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    try {
      const retrying = new ReservationClient({ baseUrl, token: 't', timeoutMs: 300, retries: 3 });
      expect((await retrying.release(randomUUID())).status).toBe('RELEASED');
      expect(calls).toBe(3);
      const impatient = new ReservationClient({ baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 300, retries: 1 });
      await expect(impatient.commit(randomUUID())).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    } finally {
      flaky.closeAllConnections();
      await new Promise((resolve) => flaky.close(resolve));
    }
  });
});
