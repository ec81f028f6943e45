// Orders a report test needs, placed through the gateway as the market's people would: a checkout of one product, a
// cash payment the seller confirms (orders marks the order PAID on payments' event).
import { eventually } from '@espigon/kit/testing/eventually';
import {
  AddToCartMutation,
  CheckoutMutation,
  ClearCartMutation,
  ConfirmPaymentMutation,
  CreatePaymentMutation,
  OrderPaymentQuery,
} from '../operations/orders.operations';
import { ok } from './client';
import type { Person } from './market-people';

/** The buyer's order of `quantity` of one product (the buyer's cart emptied first). */
export async function placeOrder(buyer: Person, productId: string, quantity: number): Promise<{ id: string }> {
  await ok(ClearCartMutation, {}, { token: buyer.token });
  await ok(AddToCartMutation, { productId, quantity }, { token: buyer.token });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;
  return order;
}

/** Paid in cash: the buyer creates the payment, the seller confirms it; resolves once orders has the order PAID. */
export async function payInCash(buyer: Person, seller: Person, orderId: string): Promise<string> {
  const { createPayment } = await ok(CreatePaymentMutation, { orderId, method: 'CASH' }, { token: buyer.token });
  await ok(ConfirmPaymentMutation, { paymentId: createPayment.id }, { token: seller.token });
  await eventually(async () => expect((await ok(OrderPaymentQuery, { id: orderId }, { token: seller.token })).order?.status).toBe('PAID'));
  return createPayment.id;
}
