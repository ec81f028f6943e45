// The users subgraph fills each party's inbox from the orders subgraph's events (durable stream, its own consumer
// group): a new order for its seller, a status change for its buyer, a message for the other party, in Spanish.
import { eventually } from '@espigon/kit/testing/eventually';
import { AddToCartMutation, CheckoutMutation, SendOrderMessageMutation, UpdateOrderStatusMutation } from './operations/orders.operations';
import { MarkNotificationsReadMutation, NotificationsQuery } from './operations/users.operations';
import { ok } from './support/client';
import { listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';

const inbox = async (who: Person) => await ok(NotificationsQuery, { first: 20 }, { token: who.token });

it("tells the seller of a new order and of its payment, the buyer of its moves, and each party of the other one's messages, once each", async () => {
  const [seller, buyer, admin] = await Promise.all([
    registerPerson('SELLER', 'Rosa Delgado'),
    registerPerson('CLIENT', 'Carmen Zambrano'),
    loginAdmin(),
  ]);
  const productId = await listProduct(seller, 10, 550, 'Camarón jumbo');
  await ok(AddToCartMutation, { productId, quantity: 2 }, { token: buyer.token });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;

  await eventually(async () => {
    const { notifications, unreadNotificationCount } = await inbox(seller);
    expect(unreadNotificationCount).toBe(1);
    expect(notifications.edges.map((e) => [e.node.kind, e.node.title])).toEqual([['ORDER_CREATED', `Nuevo pedido ${order.number}`]]);
    expect(notifications.edges[0].node.body).toContain('$11.00');
  });

  await ok(UpdateOrderStatusMutation, { orderId: order.id, status: 'PAID' }, { token: admin.token });
  await ok(UpdateOrderStatusMutation, { orderId: order.id, status: 'PREPARING' }, { token: seller.token });
  await ok(SendOrderMessageMutation, { orderId: order.id, body: '¿A qué hora paso?' }, { token: buyer.token });

  await eventually(async () => {
    const { notifications } = await inbox(buyer);
    // newest first: the two moves, in the order they happened
    expect(notifications.edges.map((e) => e.node.kind)).toEqual(['ORDER_STATUS_CHANGED', 'ORDER_STATUS_CHANGED']);
    expect(notifications.edges.every((e) => e.node.title.includes(order.number))).toBe(true);
    expect(notifications.edges[0].node.title).toMatch(/preparaci/i);
    expect(notifications.edges[1].node.title).toMatch(/pagad/i);
  });
  await eventually(async () => {
    const { notifications } = await inbox(seller);
    // newest first: the message, the payment (the seller can prepare it now), the new order
    expect(notifications.edges.map((e) => e.node.kind)).toEqual(['ORDER_MESSAGE', 'ORDER_STATUS_CHANGED', 'ORDER_CREATED']);
    expect(notifications.edges[1].node.title).toMatch(/pagad/i);
    expect(notifications.edges[0].node.body).toBe('¿A qué hora paso?');
  });

  expect((await ok(MarkNotificationsReadMutation, {}, { token: seller.token })).markNotificationsRead).toBe(3);
  expect((await inbox(seller)).unreadNotificationCount).toBe(0);
});
