// No N+1: a page of 50 orders with their lines, products, buyer, seller, delivery and messages costs the orders
// subgraph the same SQL statements as a page of 5 (the products and users are one _entities batch each for catalog
// and users, whose own tests hold their side).
import { randomUUID } from 'node:crypto';
import { OrderMessage } from '../src/modules/message/order-message.entity';
import { DeliveryMethod, OrderStatus } from '../src/modules/order/order-status.enum';
import { Order, OrderItem } from '../src/modules/order/order.entity';
import { startOrdersHarness, type OrdersHarness } from './support/orders-harness';

const PAGE = `
  query Incoming($first: Int!) {
    sellerOrders(first: $first) {
      totalCount
      edges { node { id number status totalCents buyer { id } seller { id } delivery { method status }
        items { productName quantity lineTotalCents product { id } }
        messages { body author { id } } } }
    }
  }
`;

let h: OrdersHarness;
const sellerId = randomUUID();

beforeAll(async () => {
  h = await startOrdersHarness({ OUTBOX_POLL_INTERVAL_MS: '60000' });
  // the expiry and sweeper jobs query orders and checkouts on their own: not part of the page being counted
  await h.service.runtime.jobWorker?.stop();
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    const orders = Array.from({ length: 60 }, (_, i) =>
      tx.create(Order, {
        number: `MNT-2026-9${String(i).padStart(5, '0')}`,
        checkoutId: randomUUID(),
        buyerId: randomUUID(),
        sellerId,
        status: OrderStatus.PAID,
        placed: true,
        totalCents: 900,
        deliveryMethod: DeliveryMethod.PICKUP,
        createdAt: new Date(Date.now() - i * 1000),
      } as Order),
    );
    // lines and messages reference their order by id only (no ORM relation): the orders go in first
    await tx.flush();
    for (const order of orders) {
      for (let line = 0; line < 3; line++) {
        tx.create(OrderItem, { orderId: order.id, productId: randomUUID(), productName: `Producto ${line}`, unitPriceCents: 300, unit: 'KG', quantity: 1, lineTotalCents: 300 } as OrderItem);
      }
      tx.create(OrderMessage, { orderId: order.id, authorId: order.buyerId, body: 'Hola' } as OrderMessage);
    }
  });
});
afterAll(() => h?.stop());

async function statementsFor(first: number): Promise<string[]> {
  h.resetStatements();
  const result = await h.gql(PAGE, { first }, h.token('SELLER', sellerId));
  expect(result.errors).toBeUndefined();
  expect(result.data!.sellerOrders.edges).toHaveLength(first);
  expect(result.data!.sellerOrders.edges[0].node.items).toHaveLength(3);
  return [...h.statements];
}

it('runs the same statements for 5 and for 50 orders: page, count, lines, messages', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  console.log(`orders SQL statements: first 5 -> ${five.length}, first 50 -> ${fifty.length}`);
  expect(fifty.length).toBe(five.length);
  expect(fifty.length).toBe(4);
});
