// order.created as read models get it: written to the outbox with the order, carrying what was bought (the order's
// own snapshot, the same values as its items).
import { randomUUID } from 'node:crypto';
import { OrderItem } from '../src/modules/order/order.entity';
import { listProduct, registerPerson } from '../../../e2e/support/market-people';
import { ADD_TO_CART, CHECKOUT, startOrdersHarness, type OrdersHarness } from './support/orders-harness';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

it("writes order.created with the order's lines, one event per seller's order", async () => {
  const [rosa, lucia] = await Promise.all([registerPerson('SELLER', 'Rosa Anchundia'), registerPerson('SELLER', 'Lucía Pin')]);
  const [corvina, pargo, atun] = await Promise.all([
    listProduct(rosa, 10, 450, 'Corvina de roca'),
    listProduct(rosa, 10, 725, 'Pargo rojo'),
    listProduct(lucia, 10, 1290, 'Atún aleta amarilla'),
  ]);
  const token = h.token('CLIENT', randomUUID());
  for (const [productId, quantity] of [
    [corvina, 3],
    [pargo, 1],
    [atun, 2],
  ] as const) {
    expect((await h.gql(ADD_TO_CART, { productId, quantity }, token)).errors).toBeUndefined();
  }
  const placed = await h.gql(CHECKOUT, { input: { deliveryMethod: 'PICKUP' } }, token);
  expect(placed.errors).toBeUndefined();
  const orders: { id: string; number: string; totalCents: number }[] = placed.data!.checkout;
  expect(orders).toHaveLength(2);

  const em = h.service.runtime.orm.em.fork();
  const events = await em.execute<{ payload: Record<string, any> }[]>(
    `select "payload" from "orders"."outbox_event" where "topic" = 'order.created' and "payload"->>'orderId' in (?) order by "seq"`,
    [orders.map((o) => o.id)],
  );
  expect(events).toHaveLength(2);
  for (const order of orders) {
    const { payload } = events.find((e) => e.payload.orderId === order.id)!;
    const items = await em.find(OrderItem, { orderId: order.id }, { orderBy: { productId: 'asc' } });
    expect(items.length).toBeGreaterThan(0);
    expect(payload).toMatchObject({ number: order.number, totalCents: order.totalCents, itemCount: items.length });
    const byProduct = [...payload.lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    expect(byProduct).toEqual(
      items.map((i) => ({
        productId: i.productId,
        name: i.productName,
        quantity: i.quantity,
        unitPriceCents: i.unitPriceCents,
        lineTotalCents: i.lineTotalCents,
      })),
    );
    expect(payload.lines.reduce((sum: number, l: { lineTotalCents: number }) => sum + l.lineTotalCents, 0)).toBe(order.totalCents);
  }
  // and the values themselves: Rosa's order holds 3 × 450 of corvina and 1 × 725 of pargo
  const rosaLines = events.flatMap((e) => e.payload.lines).filter((l) => l.productId !== atun);
  expect(rosaLines).toEqual(
    expect.arrayContaining([
      { productId: corvina, name: 'Corvina de roca', quantity: 3, unitPriceCents: 450, lineTotalCents: 1350 },
      { productId: pargo, name: 'Pargo rojo', quantity: 1, unitPriceCents: 725, lineTotalCents: 725 },
    ]),
  );
  expect(events.flatMap((e) => e.payload.lines).find((l) => l.productId === atun)).toEqual({
    productId: atun,
    name: 'Atún aleta amarilla',
    quantity: 2,
    unitPriceCents: 1290,
    lineTotalCents: 2580,
  });
});
