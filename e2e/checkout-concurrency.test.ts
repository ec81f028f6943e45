// Never oversold: 100 clients check out the last 10 units at once, 20 times over; exactly 10 are sold each time, and
// no failed checkout leaves stock reserved. A client told SERVICE_UNAVAILABLE retries with its idempotency key, as a
// real one would, until it gets a definite answer.
import { randomUUID } from 'node:crypto';
import { AddToCartMutation, CheckoutMutation, ClearCartMutation, SellerOrdersQuery } from './operations/orders.operations';
import { errorCode, execute, ok, type GraphQLResponse } from './support/client';
import { listProduct, registerPerson, stockOf, type Person } from './support/market-people';

const CLIENTS = 100;
const UNITS = 10;
const ROUNDS = 20;

let seller: Person;
const clients: Person[] = [];

beforeAll(async () => {
  seller = await registerPerson('SELLER', 'Lucía Chávez');
  for (let i = 0; i < CLIENTS; i += 10) {
    clients.push(...(await Promise.all(Array.from({ length: 10 }, () => registerPerson('CLIENT')))));
  }
}, 120_000);

let retries = 0;

async function checkoutUntilAnswered(client: Person): Promise<GraphQLResponse<unknown>> {
  const key = randomUUID();
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = await execute(CheckoutMutation, { input: { deliveryMethod: 'PICKUP', idempotencyKey: key } }, { token: client.token });
    if (errorCode(result) !== 'SERVICE_UNAVAILABLE') return result;
    retries += 1;
  }
  throw new Error('checkout never answered');
}

it(`sells exactly ${UNITS} of ${UNITS} units to ${CLIENTS} concurrent buyers, ${ROUNDS} times, with nothing left reserved`, async () => {
  let soldInAll = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const productId = await listProduct(seller, UNITS, 600, `Atún de la ronda ${round}`);
    await Promise.all(
      clients.map(async (client) => {
        await ok(ClearCartMutation, {}, { token: client.token });
        await ok(AddToCartMutation, { productId, quantity: 1 }, { token: client.token });
      }),
    );
    const results = await Promise.all(clients.map(checkoutUntilAnswered));
    const sold = results.filter((r) => !r.errors);
    const refused = results.filter((r) => errorCode(r) === 'OUT_OF_STOCK');
    expect({ round, sold: sold.length, refused: refused.length }).toEqual({ round, sold: UNITS, refused: CLIENTS - UNITS });
    expect(await stockOf(seller, productId)).toEqual({ onHand: UNITS, reserved: UNITS });
    soldInAll += sold.length;
  }
  const { sellerOrders } = await ok(SellerOrdersQuery, { first: 1 }, { token: seller.token });
  expect(sellerOrders.totalCount).toBe(UNITS * ROUNDS);
  console.log(
    `checkout concurrency: ${ROUNDS} rounds × ${CLIENTS} buyers for ${UNITS} units → ${soldInAll} sold, 0 oversold, ${retries} retries after SERVICE_UNAVAILABLE`,
  );
}, 600_000);
