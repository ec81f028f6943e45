// No N+1: a page of 50 orders with their lines, products, buyer, seller, delivery and messages costs the orders
// subgraph the same SQL statements as a page of 5 (the products and users are one _entities batch each for catalog
// and users, whose own tests hold their side). So do the other lists orders serves: batches of Order references
// (payments' Payment.order), User.orders for a batch of buyers (an admin's list of accounts), and the cart's lines
// with their products' live data (one call to catalog's lookup, whose own test counts its statements).
import { randomUUID } from 'node:crypto';
import { CatalogProductsClient } from '@espigon/kit/clients/catalog-products.client';
import { listProduct, registerPerson } from '../../../e2e/support/market-people';
import { Cart, CartItem } from '../src/modules/cart/cart.entity';
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
        tx.create(OrderItem, {
          orderId: order.id,
          productId: randomUUID(),
          productName: `Producto ${line}`,
          unitPriceCents: 300,
          unit: 'KG',
          quantity: 1,
          lineTotalCents: 300,
        } as OrderItem);
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

/** The statements one request sends, after checking it answered without errors. */
async function statementsOf(query: string, variables: Record<string, unknown>, token: string) {
  h.resetStatements();
  const result = await h.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: [...h.statements] };
}

/** `perBuyer` placed orders of each buyer, each with 2 lines and a message; their ids, newest first per buyer. */
async function seedOrders(buyers: string[], perBuyer: number): Promise<string[]> {
  const ids: string[] = [];
  await h.service.runtime.orm.em.fork().transactional(async (tx) => {
    const orders = buyers.flatMap((buyerId, b) =>
      Array.from({ length: perBuyer }, (_, i) =>
        tx.create(Order, {
          number: `MNT-2026-${randomUUID().slice(0, 6)}`,
          checkoutId: randomUUID(),
          buyerId,
          sellerId: randomUUID(),
          status: i % 2 ? OrderStatus.PENDING : OrderStatus.DELIVERED,
          placed: true,
          totalCents: 600,
          deliveryMethod: DeliveryMethod.PICKUP,
          createdAt: new Date(Date.now() - (b * perBuyer + i) * 1000),
        } as Order),
      ),
    );
    await tx.flush();
    for (const order of orders) {
      ids.push(order.id);
      for (let line = 0; line < 2; line++) {
        tx.create(OrderItem, {
          orderId: order.id,
          productId: randomUUID(),
          productName: `Pesca ${line}`,
          unitPriceCents: 300,
          unit: 'LB',
          quantity: 1,
          lineTotalCents: 300,
        } as OrderItem);
      }
      tx.create(OrderMessage, { orderId: order.id, authorId: order.sellerId, body: 'Listo para retirar' } as OrderMessage);
    }
  });
  return ids;
}

const ORDER_FIELDS = `id number status totalCents expiresAt buyer { id } seller { id } delivery { method status }
  items { id productName quantity lineTotalCents product { id } }
  messages { body author { id } order { id } }`;

it('resolves a batch of 5 or of 50 Order references (Payment.order) with lines and messages in three statements', async () => {
  const ids = await seedOrders([randomUUID()], 50);
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { ${ORDER_FIELDS} } } }`;
  const batch = (n: number) => ({ r: ids.slice(0, n).map((id) => ({ __typename: 'Order', id })) });
  const admin = h.token('ADMIN', randomUUID());
  const five = await statementsOf(query, batch(5), admin);
  const fifty = await statementsOf(query, batch(50), admin);
  expect(fifty.data._entities.map((o: { id: string }) => o.id)).toEqual(ids);
  expect(fifty.data._entities.every((o: { items: unknown[]; messages: unknown[] }) => o.items.length === 2 && o.messages.length === 1)).toBe(true);
  console.log(`Order _entities SQL statements: 5 -> ${five.statements.length}, 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the orders (OrderMessage.order finds them in the same loader), their lines, their messages
  expect(fifty.statements).toHaveLength(3);
});

it('resolves User.orders for a batch of 5 buyers or of 50 in the same statements: pages, counts, lines, messages', async () => {
  const buyers = Array.from({ length: 50 }, () => randomUUID());
  await seedOrders(buyers, 3);
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id orders(first: 2) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number status items { productName quantity } messages { body } } }
  } } } }`;
  const batch = (n: number) => ({ r: buyers.slice(0, n).map((id) => ({ __typename: 'User', id })) });
  const admin = h.token('ADMIN', randomUUID());
  const five = await statementsOf(query, batch(5), admin);
  const fifty = await statementsOf(query, batch(50), admin);
  expect(fifty.data._entities).toHaveLength(50);
  for (const user of fifty.data._entities as {
    orders: { totalCount: number; edges: { node: { items: unknown[] } }[]; pageInfo: { hasNextPage: boolean } };
  }[]) {
    expect(user.orders.totalCount).toBe(3);
    expect(user.orders.pageInfo.hasNextPage).toBe(true);
    expect(user.orders.edges.map((e) => e.node.items.length)).toEqual([2, 2]);
  }
  console.log(`User.orders SQL statements: 5 buyers -> ${five.statements.length}, 50 buyers -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // every buyer's first page, every buyer's count, then the lines and the messages of all those orders
  expect(fifty.statements).toHaveLength(4);
});

it("prices a cart of 5 lines or of 50 with the same two statements and one call to catalog's lookup", async () => {
  // products on sale in the market's catalog, so the lines carry live names, prices and stock
  const seller = await registerPerson('SELLER', 'Rosa Zambrano');
  const onSale: string[] = [];
  for (let i = 0; i < 45; i += 15) {
    onSale.push(...(await Promise.all(Array.from({ length: 15 }, (_, j) => listProduct(seller, 30, 400 + i + j, `Pesca ${i + j}`)))));
  }
  /** A client whose cart holds `available` of those products and `gone` unknown to catalog. */
  const clientWithCart = async (available: number, gone: number) => {
    const buyerId = randomUUID();
    await h.service.runtime.orm.em.fork().transactional(async (tx) => {
      const cart = tx.create(Cart, { buyerId } as Cart);
      await tx.flush();
      const productIds = [...onSale.slice(0, available), ...Array.from({ length: gone }, () => randomUUID())];
      productIds.forEach((productId, i) =>
        tx.create(CartItem, {
          cartId: cart.id,
          productId,
          sellerId: seller.id,
          productName: `Línea ${i}`,
          quantity: 2,
          addedAt: new Date(Date.now() + i),
        } as CartItem),
      );
    });
    return { buyerId, token: h.token('CLIENT', buyerId) };
  };
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { cart { id subtotalCents
    items { id quantity productName unitPriceCents lineTotalCents quantityAvailable available product { id } }
    unavailableItems { id productId productName quantity }
  } } } }`;
  const cartOf = async ({ buyerId, token }: { buyerId: string; token: string }, lines: number) => {
    const lookup = jest.spyOn(CatalogProductsClient.prototype, 'lookup');
    try {
      const { data, statements } = await statementsOf(query, { r: [{ __typename: 'User', id: buyerId }] }, token);
      const cart = data._entities[0].cart;
      expect(cart.items.length + cart.unavailableItems.length).toBe(lines);
      return { cart, statements, lookups: lookup.mock.calls.length };
    } finally {
      lookup.mockRestore();
    }
  };
  const five = await cartOf(await clientWithCart(4, 1), 5);
  const fifty = await cartOf(await clientWithCart(45, 5), 50);
  expect([fifty.cart.items.length, fifty.cart.unavailableItems.length]).toEqual([45, 5]);
  expect(fifty.cart.items[0]).toEqual(
    expect.objectContaining({ productName: 'Pesca 0', unitPriceCents: 400, quantityAvailable: 30, available: true }),
  );
  console.log(
    `cart SQL statements: 5 lines -> ${five.statements.length}, 50 lines -> ${fifty.statements.length} (catalog lookups ${five.lookups}, ${fifty.lookups})`,
  );
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the viewer's cart, its lines; the products' live data in one call to catalog whatever the lines
  expect(fifty.statements).toHaveLength(2);
  expect([five.lookups, fifty.lookups]).toEqual([1, 1]);
});

it('gives each buyer of a batch the first page it gets alone: newest first, a cursor the next page continues, the status filter', async () => {
  const buyers = [randomUUID(), randomUUID(), randomUUID()];
  const ids = await seedOrders(buyers, 3); // newest first per buyer; the first and third of each are DELIVERED
  const query = `query($r: [_Any!]!, $status: OrderStatus, $after: String) { _entities(representations: $r) { ... on User { orders(first: 2, status: $status, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  } } } }`;
  const admin = h.token('ADMIN', randomUUID());
  const ordersOf = async (users: string[], variables: Record<string, unknown> = {}) => {
    const result = await h.gql(query, { r: users.map((id) => ({ __typename: 'User', id })), ...variables }, admin);
    expect(result.errors).toBeUndefined();
    return result.data!._entities.map(
      (u: { orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } }) => ({
        ids: u.orders.edges.map((e) => e.node.id),
        totalCount: u.orders.totalCount,
        hasNextPage: u.orders.pageInfo.hasNextPage,
        endCursor: u.orders.pageInfo.endCursor,
      }),
    );
  };
  const batched = await ordersOf([...buyers, randomUUID(), 'not-a-uuid']);
  buyers.forEach((_, b) =>
    expect(batched[b]).toEqual(expect.objectContaining({ ids: ids.slice(b * 3, b * 3 + 2), totalCount: 3, hasNextPage: true })),
  );
  // an unknown buyer and an id that is no UUID have no orders
  expect(batched.slice(3).map((p: { ids: string[]; totalCount: number }) => [p.ids, p.totalCount])).toEqual([
    [[], 0],
    [[], 0],
  ]);
  for (const [b, buyerId] of buyers.entries()) {
    const [alone] = await ordersOf([buyerId]);
    expect(alone).toEqual(batched[b]);
    // the next page (one buyer at a time) continues where the batched one stopped
    const [next] = await ordersOf([buyerId], { after: batched[b].endCursor });
    expect(next).toEqual(expect.objectContaining({ ids: [ids[b * 3 + 2]], totalCount: 3, hasNextPage: false }));
  }
  const delivered = await ordersOf(buyers, { status: 'DELIVERED' });
  buyers.forEach((_, b) =>
    expect(delivered[b]).toEqual(expect.objectContaining({ ids: [ids[b * 3], ids[b * 3 + 2]], totalCount: 2, hasNextPage: false })),
  );
});
