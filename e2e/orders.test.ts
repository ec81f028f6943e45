// Buying through the gateway: carts, multi-seller checkout (all or nothing, idempotent), the order's life by every
// party, messages, and who may see what.
import { randomUUID } from 'node:crypto';
import { eventually } from '@espigon/kit/testing/eventually';
import { ORDER_TRANSITIONS } from '@espigon/orders/modules/order/order-state-machine';
import { AdjustInventoryMutation, UpdateProductMutation } from './operations/catalog.operations';
import {
  AddToCartMutation,
  CartQuery,
  CheckoutMutation,
  ClearCartMutation,
  MyOrdersQuery,
  OrderQuery,
  SellerOrdersQuery,
  SendOrderMessageMutation,
  UpdateCartItemMutation,
  UpdateOrderStatusMutation,
} from './operations/orders.operations';
import type { MyOrdersQuery as MyOrdersResult, OrderStatus } from './__generated__/graphql';
import { errorCode, execute, ok } from './support/client';
import { listProduct, loginAdmin, registerPerson, stockOf, type Person } from './support/market-people';

let rosa: Person;
let pedro: Person;
let carmen: Person;
let stranger: Person;
let admin: Person;

beforeAll(async () => {
  [rosa, pedro, carmen, stranger, admin] = await Promise.all([
    registerPerson('SELLER', 'Rosa Delgado'),
    registerPerson('SELLER', 'Pedro Mero'),
    registerPerson('CLIENT', 'Carmen Zambrano'),
    registerPerson('CLIENT', 'Luis Extraño'),
    loginAdmin(),
  ]);
});

const add = (who: Person, productId: string, quantity: number) => execute(AddToCartMutation, { productId, quantity }, { token: who.token });
const checkout = (who: Person, input: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  execute(CheckoutMutation, { input: { deliveryMethod: 'PICKUP', ...input } as never }, { token: who.token, headers });
const cart = async (who: Person) => (await ok(CartQuery, {}, { token: who.token })).me!.cart;
const orderCount = async (who: Person) => (await ok(MyOrdersQuery, { first: 1 }, { token: who.token })).me!.orders.totalCount;

/** One placed order of `buyer` from `seller`: one line of `quantity` units of a fresh product. */
async function placeOrder(buyer: Person, seller: Person, quantity = 2, stock = 10) {
  const productId = await listProduct(seller, stock, 300, 'Pargo rojo');
  await ok(ClearCartMutation, {}, { token: buyer.token });
  await ok(AddToCartMutation, { productId, quantity }, { token: buyer.token });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;
  return { order, productId };
}

describe('the cart', () => {
  it('takes products on sale from clients only, checked against what is available', async () => {
    const productId = await listProduct(rosa, 5, 450);
    expect(errorCode(await add(rosa, productId, 1))).toBe('FORBIDDEN');
    expect(errorCode(await execute(AddToCartMutation, { productId, quantity: 1 }))).toBe('UNAUTHENTICATED');
    const tooMany = await add(carmen, productId, 6);
    expect(errorCode(tooMany)).toBe('OUT_OF_STOCK');
    expect(tooMany.errors![0].extensions!.lines).toEqual([{ productId, requested: 6, available: 5 }]);
    expect(errorCode(await add(carmen, randomUUID(), 1))).toBe('NOT_FOUND');
    expect(errorCode(await add(carmen, 'nope', 1))).toBe('BAD_USER_INPUT');
    expect(errorCode(await add(carmen, productId, 0))).toBe('BAD_USER_INPUT');

    await ok(ClearCartMutation, {}, { token: carmen.token });
    await ok(AddToCartMutation, { productId, quantity: 2 }, { token: carmen.token });
    const { addToCart } = await ok(AddToCartMutation, { productId, quantity: 3 }, { token: carmen.token });
    expect(addToCart.items).toEqual([expect.objectContaining({ quantity: 5, productName: 'Corvina de roca', product: { id: productId } })]);
    expect(addToCart.subtotalCents).toBe(5 * 450);
    expect(errorCode(await add(carmen, productId, 1))).toBe('OUT_OF_STOCK'); // 6 in all

    const itemId = addToCart.items[0].id;
    // another client cannot touch the line
    expect(errorCode(await execute(UpdateCartItemMutation, { itemId, quantity: 1 }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect((await ok(UpdateCartItemMutation, { itemId, quantity: 1 }, { token: carmen.token })).updateCartItem.subtotalCents).toBe(450);
    expect((await ok(UpdateCartItemMutation, { itemId, quantity: 0 }, { token: carmen.token })).updateCartItem.items).toEqual([]);
    // nothing was reserved by the cart
    expect(await stockOf(rosa, productId)).toEqual({ onHand: 5, reserved: 0 });
  });

  it("is the viewer's own: sellers and admins have none", async () => {
    expect((await ok(CartQuery, {}, { token: rosa.token })).me!.cart).toBeNull();
    expect((await ok(CartQuery, {}, { token: admin.token })).me!.cart).toBeNull();
    expect(await cart(stranger)).toEqual(expect.objectContaining({ items: [], subtotalCents: 0 }));
  });

  it('shows a line whose product was unlisted apart, and checkout refuses it without reserving anything', async () => {
    const buyer = await registerPerson('CLIENT');
    const kept = await listProduct(pedro, 5, 200, 'Dorado');
    const unlisted = await listProduct(rosa, 5, 300, 'Langostino');
    await ok(AddToCartMutation, { productId: kept, quantity: 1 }, { token: buyer.token });
    await ok(AddToCartMutation, { productId: unlisted, quantity: 1 }, { token: buyer.token });
    await ok(UpdateProductMutation, { id: unlisted, input: { listed: false } }, { token: rosa.token });

    const view = await cart(buyer);
    expect(view!.items.map((i) => i.product.id)).toEqual([kept]);
    expect(view!.unavailableItems).toEqual([expect.objectContaining({ productId: unlisted, productName: 'Langostino', quantity: 1 })]);
    expect(view!.subtotalCents).toBe(200);

    const refused = await checkout(buyer);
    expect(errorCode(refused)).toBe('OUT_OF_STOCK');
    expect(refused.errors![0].extensions!.lines).toEqual([{ productId: unlisted, requested: 1, available: 0 }]);
    expect(await stockOf(pedro, kept)).toEqual({ onHand: 5, reserved: 0 });
    expect(await orderCount(buyer)).toBe(0);
    expect((await cart(buyer))!.items).toHaveLength(1);
  });
});

describe('checkout', () => {
  it('makes one order per seller with price snapshots and totals, reserves the stock and empties the cart', async () => {
    const buyer = await registerPerson('CLIENT', 'Restaurante La Choza');
    const camaron = await listProduct(rosa, 20, 550, 'Camarón jumbo');
    const concha = await listProduct(rosa, 50, 25, 'Concha negra');
    const dorado = await listProduct(pedro, 8, 275, 'Dorado entero');
    await ok(AddToCartMutation, { productId: camaron, quantity: 3 }, { token: buyer.token });
    await ok(AddToCartMutation, { productId: concha, quantity: 24 }, { token: buyer.token });
    await ok(AddToCartMutation, { productId: dorado, quantity: 2 }, { token: buyer.token });

    const orders = (
      await ok(
        CheckoutMutation,
        { input: { deliveryMethod: 'DELIVERY', address: 'Av. Flavio Reyes y calle 20, Manta', notes: 'Antes de las 11' } },
        { token: buyer.token },
      )
    ).checkout;
    expect(orders).toHaveLength(2);
    const fromRosa = orders.find((o) => o.seller.id === rosa.id)!;
    const fromPedro = orders.find((o) => o.seller.id === pedro.id)!;
    expect(fromRosa.totalCents).toBe(3 * 550 + 24 * 25);
    expect(fromPedro.totalCents).toBe(2 * 275);
    expect(fromRosa.items.map((i) => [i.productName, i.unitPriceCents, i.quantity, i.lineTotalCents]).sort()).toEqual([
      ['Camarón jumbo', 550, 3, 1650],
      ['Concha negra', 25, 24, 600],
    ]);
    for (const order of orders) {
      expect(order.number).toMatch(/^MNT-\d{4}-\d{6}$/);
      expect(order.status).toBe('PENDING');
      expect(order.buyer).toEqual({ id: buyer.id, name: 'Restaurante La Choza' });
      expect(order.delivery).toEqual({ method: 'DELIVERY', address: 'Av. Flavio Reyes y calle 20, Manta', status: 'AWAITING_PAYMENT' });
      expect(order.notes).toBe('Antes de las 11');
    }
    expect(new Set(orders.map((o) => o.number)).size).toBe(2);
    expect(await stockOf(rosa, camaron)).toEqual({ onHand: 20, reserved: 3 });
    expect(await stockOf(pedro, dorado)).toEqual({ onHand: 8, reserved: 2 });
    expect((await cart(buyer))!.items).toEqual([]);

    // the snapshot stays when the product changes afterwards
    await ok(UpdateProductMutation, { id: camaron, input: { name: 'Camarón jumbo (oferta)', priceCents: 400 } }, { token: rosa.token });
    const { order } = await ok(OrderQuery, { id: fromRosa.id }, { token: buyer.token });
    expect(order!.items.find((i) => i.product.id === camaron)).toEqual(
      expect.objectContaining({
        productName: 'Camarón jumbo',
        lineTotalCents: 1650,
        product: expect.objectContaining({ name: 'Camarón jumbo (oferta)' }),
      }),
    );
    expect(order!.totalCents).toBe(2250);
  });

  it('is all or nothing: one line short and no order is made, nothing stays reserved, the cart is kept', async () => {
    const buyer = await registerPerson('CLIENT');
    const plenty = await listProduct(rosa, 30);
    const scarce = await listProduct(pedro, 4);
    await ok(AddToCartMutation, { productId: plenty, quantity: 5 }, { token: buyer.token });
    await ok(AddToCartMutation, { productId: scarce, quantity: 4 }, { token: buyer.token });
    await ok(AdjustInventoryMutation, { productId: scarce, delta: -3, reason: 'vendido en el puesto' }, { token: pedro.token });

    const refused = await checkout(buyer);
    expect(errorCode(refused)).toBe('OUT_OF_STOCK');
    expect(refused.errors![0].extensions!.lines).toEqual([{ productId: scarce, requested: 4, available: 1 }]);
    expect(await stockOf(rosa, plenty)).toEqual({ onHand: 30, reserved: 0 });
    expect(await stockOf(pedro, scarce)).toEqual({ onHand: 1, reserved: 0 });
    expect(await orderCount(buyer)).toBe(0);
    expect((await cart(buyer))!.items.map((i) => i.quantity).sort()).toEqual([4, 5]);
  });

  it('refuses an empty cart and a delivery without an address, naming the field', async () => {
    const buyer = await registerPerson('CLIENT');
    const empty = await checkout(buyer);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    const productId = await listProduct(rosa, 3);
    await ok(AddToCartMutation, { productId, quantity: 1 }, { token: buyer.token });
    const noAddress = await checkout(buyer, { deliveryMethod: 'DELIVERY' });
    expect(errorCode(noAddress)).toBe('BAD_USER_INPUT');
    expect(noAddress.errors![0].extensions!.field).toBe('input.address');
    expect(errorCode(await checkout(buyer, { notes: 'x'.repeat(501) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await checkout(buyer, { idempotencyKey: 'with space' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await checkout(rosa))).toBe('FORBIDDEN');
    expect(await stockOf(rosa, productId)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('places one set of orders for a retried checkout, by argument or by Idempotency-Key header', async () => {
    const buyer = await registerPerson('CLIENT');
    const a = await listProduct(rosa, 10);
    const b = await listProduct(pedro, 10);
    await ok(AddToCartMutation, { productId: a, quantity: 2 }, { token: buyer.token });
    await ok(AddToCartMutation, { productId: b, quantity: 1 }, { token: buyer.token });
    const key = randomUUID();
    const [first, retried, concurrent] = await Promise.all([
      checkout(buyer, { idempotencyKey: key }),
      checkout(buyer, { idempotencyKey: key }),
      checkout(buyer, {}, { 'idempotency-key': key }),
    ]);
    const numbers = (r: typeof first) => (r.data as { checkout: { number: string }[] } | null)?.checkout.map((o) => o.number).sort();
    const answered = [first, retried, concurrent].filter((r) => !r.errors);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of answered) expect(numbers(r)).toEqual(numbers(answered[0]));
    // a retry that raced the first attempt may be told to try again, never given other orders
    for (const r of [first, retried, concurrent].filter((r) => r.errors)) expect(errorCode(r)).toBe('SERVICE_UNAVAILABLE');
    const later = await checkout(buyer, {}, { 'idempotency-key': key });
    expect(numbers(later)).toEqual(numbers(answered[0]));
    expect(await orderCount(buyer)).toBe(2);
    expect(await stockOf(rosa, a)).toEqual({ onHand: 10, reserved: 2 });
    // the same key for another request is a conflict
    expect(errorCode(await checkout(buyer, { idempotencyKey: key, notes: 'otra cosa' }))).toBe('CONFLICT');
  });
});

describe("the order's life", () => {
  type Party = 'BUYER' | 'SELLER' | 'ADMIN' | 'STRANGER';
  const statuses: OrderStatus[] = ['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED'];
  /** How an admin walks a fresh order to each status. */
  const pathTo: Record<OrderStatus, OrderStatus[]> = {
    PENDING: [],
    PAID: ['PAID'],
    PREPARING: ['PAID', 'PREPARING'],
    READY: ['PAID', 'PREPARING', 'READY'],
    DELIVERED: ['PAID', 'PREPARING', 'READY', 'DELIVERED'],
    CANCELLED: ['CANCELLED'],
  };
  const who = (party: Party) => ({ BUYER: carmen, SELLER: rosa, ADMIN: admin, STRANGER: stranger })[party];

  async function orderIn(status: OrderStatus) {
    const { order, productId } = await placeOrder(carmen, rosa);
    for (const step of pathTo[status]) await ok(UpdateOrderStatusMutation, { orderId: order.id, status: step }, { token: admin.token });
    return { orderId: order.id, productId };
  }

  it.each(statuses)('from %s: every target by every party is allowed, refused as illegal, or forbidden, as the table says', async (from) => {
    const { orderId } = await orderIn(from);
    const legal: [OrderStatus, Party][] = [];
    for (const target of statuses) {
      for (const party of ['BUYER', 'SELLER', 'ADMIN', 'STRANGER'] as Party[]) {
        const allowedParties = ORDER_TRANSITIONS[from][target];
        if (party !== 'STRANGER' && allowedParties?.includes(party)) {
          legal.push([target, party]);
          continue;
        }
        const result = await execute(UpdateOrderStatusMutation, { orderId, status: target }, { token: who(party).token });
        const expected = party === 'STRANGER' ? 'NOT_FOUND' : allowedParties ? 'FORBIDDEN' : 'CONFLICT';
        expect([target, party, errorCode(result)]).toEqual([target, party, expected]);
        if (expected === 'CONFLICT') expect(result.errors![0].message).toContain(from);
      }
    }
    expect((await ok(OrderQuery, { id: orderId }, { token: admin.token })).order!.status).toBe(from);
    // each legal move on an order of its own
    for (const [target, party] of legal) {
      const fresh = await orderIn(from);
      const moved = await ok(UpdateOrderStatusMutation, { orderId: fresh.orderId, status: target }, { token: who(party).token });
      expect([target, party, moved.updateOrderStatus.status]).toEqual([target, party, target]);
    }
  });

  it('gives the stock back on cancel and takes it for good on delivery', async () => {
    const cancelled = await placeOrder(carmen, rosa, 3, 10);
    expect(await stockOf(rosa, cancelled.productId)).toEqual({ onHand: 10, reserved: 3 });
    const { updateOrderStatus } = await ok(UpdateOrderStatusMutation, { orderId: cancelled.order.id, status: 'CANCELLED' }, { token: carmen.token });
    expect(updateOrderStatus).toEqual(
      expect.objectContaining({ cancelReason: 'BUYER_CANCELLED', refundDue: false, delivery: { status: 'CANCELLED' } }),
    );
    await eventually(async () => expect(await stockOf(rosa, cancelled.productId)).toEqual({ onHand: 10, reserved: 0 }));

    const delivered = await placeOrder(carmen, rosa, 4, 10);
    for (const status of ['PAID', 'PREPARING', 'READY', 'DELIVERED'] as const) {
      await ok(UpdateOrderStatusMutation, { orderId: delivered.order.id, status }, { token: status === 'PAID' ? admin.token : rosa.token });
    }
    await eventually(async () => expect(await stockOf(rosa, delivered.productId)).toEqual({ onHand: 6, reserved: 0 }));

    const refunded = await placeOrder(carmen, rosa, 1, 10);
    await ok(UpdateOrderStatusMutation, { orderId: refunded.order.id, status: 'PAID' }, { token: admin.token });
    const afterPayment = await ok(UpdateOrderStatusMutation, { orderId: refunded.order.id, status: 'CANCELLED' }, { token: rosa.token });
    expect(afterPayment.updateOrderStatus).toEqual(expect.objectContaining({ cancelReason: 'SELLER_CANCELLED', refundDue: true }));
    await eventually(async () => expect(await stockOf(rosa, refunded.productId)).toEqual({ onHand: 10, reserved: 0 }));
  });
});

describe('seeing orders', () => {
  it('shows an order to its buyer, its seller and admins only; anyone else gets null', async () => {
    const { order } = await placeOrder(carmen, rosa);
    for (const viewer of [carmen, rosa, admin]) expect((await ok(OrderQuery, { id: order.id }, { token: viewer.token })).order?.id).toBe(order.id);
    expect((await ok(OrderQuery, { id: order.id }, { token: stranger.token })).order).toBeNull();
    expect((await ok(OrderQuery, { id: order.id }, { token: pedro.token })).order).toBeNull();
    expect((await ok(OrderQuery, { id: order.id })).order).toBeNull();
    expect((await ok(OrderQuery, { id: 'nope' }, { token: admin.token })).order).toBeNull();
  });

  it("pages a buyer's and a seller's orders newest first, by status, with cursors that neither skip nor repeat", async () => {
    const buyer = await registerPerson('CLIENT');
    const seller = await registerPerson('SELLER');
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) placed.push((await placeOrder(buyer, seller, 1)).order.id);
    await ok(UpdateOrderStatusMutation, { orderId: placed[1], status: 'CANCELLED' }, { token: buyer.token });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const result: MyOrdersResult = await ok(MyOrdersQuery, { first: 2, after }, { token: buyer.token });
      const page = result.me!.orders;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...placed].reverse());

    const cancelled = (await ok(MyOrdersQuery, { status: 'CANCELLED' }, { token: buyer.token })).me!.orders;
    expect(cancelled.edges.map((e) => e.node.id)).toEqual([placed[1]]);
    const incoming = (await ok(SellerOrdersQuery, { first: 10, status: 'PENDING' }, { token: seller.token })).sellerOrders;
    expect(incoming.totalCount).toBe(4);
    expect(incoming.edges.every((e) => e.node.seller.id === seller.id && e.node.buyer.id === buyer.id)).toBe(true);

    expect(errorCode(await execute(SellerOrdersQuery, {}, { token: buyer.token }))).toBe('FORBIDDEN');
    expect(errorCode(await execute(MyOrdersQuery, { after: 'bm9wZQ' }, { token: buyer.token }))).toBe('BAD_USER_INPUT');
  });
});

describe('order messages', () => {
  it('are exchanged by the buyer and the seller, listed oldest first; nobody else writes', async () => {
    const { order } = await placeOrder(carmen, rosa);
    const send = (who: Person, body: string) => execute(SendOrderMessageMutation, { orderId: order.id, body }, { token: who.token });
    const question = await ok(SendOrderMessageMutation, { orderId: order.id, body: '¿Me lo limpia, por favor?' }, { token: carmen.token });
    expect(question.sendOrderMessage).toEqual(
      expect.objectContaining({
        body: '¿Me lo limpia, por favor?',
        author: { id: carmen.id, name: 'Carmen Zambrano' },
        order: { id: order.id, number: order.number },
      }),
    );
    await ok(SendOrderMessageMutation, { orderId: order.id, body: '  Claro, listo a las 9  ' }, { token: rosa.token });

    expect(errorCode(await send(stranger, 'hola'))).toBe('NOT_FOUND');
    expect(errorCode(await send(pedro, 'hola'))).toBe('NOT_FOUND');
    expect(errorCode(await send(admin, 'hola'))).toBe('FORBIDDEN');
    expect(errorCode(await send(carmen, '   '))).toBe('BAD_USER_INPUT');
    expect(errorCode(await send(carmen, 'x'.repeat(2001)))).toBe('BAD_USER_INPUT');

    const { order: read } = await ok(OrderQuery, { id: order.id }, { token: rosa.token });
    expect(read!.messages.map((m) => [m.author.id, m.body])).toEqual([
      [carmen.id, '¿Me lo limpia, por favor?'],
      [rosa.id, 'Claro, listo a las 9'],
    ]);
  });
});
