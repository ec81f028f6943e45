// Rankings through the gateway, after the events flowed. Fresh sellers and buyers (the shared market has other tests'
// orders too): a seller's own rankings are asserted exactly, an admin's for the fresh sellers and products within the
// ranking. Marta sells two products in two categories in one order refunded in part (the refund spread over the lines),
// and in a second order; one of hers is cancelled after payment and one left unpaid. Nelson sells more.
import { eventually } from '@espigon/kit/testing/eventually';
import {
  AddToCartMutation,
  CheckoutMutation,
  ConfirmPaymentMutation,
  CreatePaymentMutation,
  OrderPaymentQuery,
  RefundPaymentMutation,
  UpdateOrderStatusMutation,
} from './operations/orders.operations';
import { CategoriesQuery, CreateProductMutation } from './operations/catalog.operations';
import {
  CustomerSegmentsQuery,
  LowStockProductsQuery,
  SalesByCategoryQuery,
  TopProductsQuery,
  TopSellersQuery,
} from './operations/rankings.operations';
import { errorCode, execute, ok } from './support/client';
import { CAMARON_SUBCATEGORY, loginAdmin, registerPerson, type Person } from './support/market-people';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Today in Guayaquil (UTC−5 all year) and when it started, worked out here independently of the subgraph's code. */
const todayStart = () => new Date(Date.parse(`${new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString().slice(0, 10)}T05:00:00.000Z`));

let admin: Person;
let marta: Person;
let nelson: Person;
let buyerOne: Person;
let buyerTwo: Person;
let camaronCategory: { id: string; name: string };
let otherCategory: { id: string; name: string };
let otherSubcategory: string;

async function product(seller: Person, name: string, priceCents: number, stock: number, subcategoryId = CAMARON_SUBCATEGORY, lowStockThreshold = 0) {
  const { createProduct } = await ok(
    CreateProductMutation,
    { input: { name, priceCents, unit: 'LB', subcategoryId, quantityOnHand: stock, lowStockThreshold } },
    { token: seller.token },
  );
  return { id: createProduct.id, name };
}

async function order(buyer: Person, lines: [string, number][]) {
  for (const [productId, quantity] of lines) await ok(AddToCartMutation, { productId, quantity }, { token: buyer.token });
  const orders = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;
  expect(orders).toHaveLength(1);
  return orders[0];
}

async function pay(buyer: Person, seller: Person, orderId: string): Promise<string> {
  const { createPayment } = await ok(CreatePaymentMutation, { orderId, method: 'CASH' }, { token: buyer.token });
  await ok(ConfirmPaymentMutation, { paymentId: createPayment.id }, { token: seller.token });
  await eventually(async () => expect((await ok(OrderPaymentQuery, { id: orderId }, { token: seller.token })).order!.status).toBe('PAID'));
  return createPayment.id;
}

let corvina: { id: string; name: string };
let pulpo: { id: string; name: string };
let langosta: { id: string; name: string };
let almejas: { id: string; name: string };

beforeAll(async () => {
  [admin, marta, nelson, buyerOne, buyerTwo] = await Promise.all([
    loginAdmin(),
    registerPerson('SELLER', 'Marta Cedeño'),
    registerPerson('SELLER', 'Nelson Quijije'),
    registerPerson('CLIENT', 'Picantería El Faro'),
    registerPerson('CLIENT', 'Hotel Oro Verde'),
  ]);
  const { categories } = await ok(CategoriesQuery, {});
  const camaron = categories.find((c) => c.subcategories.some((s) => s.id === CAMARON_SUBCATEGORY))!;
  const other = categories.find((c) => c.id !== camaron.id && c.subcategories.length)!;
  camaronCategory = { id: camaron.id, name: camaron.name };
  otherCategory = { id: other.id, name: other.name };
  otherSubcategory = other.subcategories[0].id;

  corvina = await product(marta, 'Corvina de roca', 1000, 100);
  pulpo = await product(marta, 'Pulpo', 500, 100, otherSubcategory);
  almejas = await product(marta, 'Almejas', 300, 3, CAMARON_SUBCATEGORY, 5); // low on stock from the start
  langosta = await product(nelson, 'Langosta', 25_000, 10);

  // buyer one: 1 corvina + 4 pulpo = 1,000 + 2,000, 500 refunded (167 off the corvina line, 333 off the pulpo line)
  const first = await order(buyerOne, [
    [corvina.id, 1],
    [pulpo.id, 4],
  ]);
  const firstPayment = await pay(buyerOne, marta, first.id);
  await ok(RefundPaymentMutation, { paymentId: firstPayment, amountCents: 500, reason: 'Pulpo más pequeño' }, { token: marta.token });
  // 2 corvina paid: 2,000
  await pay(buyerOne, marta, (await order(buyerOne, [[corvina.id, 2]])).id);
  // 5 corvina paid then cancelled (payments refunds it in full): nothing counts
  const cancelled = await order(buyerOne, [[corvina.id, 5]]);
  await pay(buyerOne, marta, cancelled.id);
  await ok(UpdateOrderStatusMutation, { orderId: cancelled.id, status: 'CANCELLED' }, { token: marta.token });
  // 7 pulpo left unpaid: nothing counts
  await order(buyerOne, [[pulpo.id, 7]]);
  // buyer two: 2 langostas, 50,000 in one purchase
  await pay(buyerTwo, nelson, (await order(buyerTwo, [[langosta.id, 2]])).id);
});

const today = () => ({ from: todayStart().toISOString(), to: new Date(todayStart().getTime() + DAY_MS).toISOString() });

it("gives a seller its own products and categories to the cent, a partial refund spread over the order's lines", async () => {
  const products = [
    { product: corvina, quantitySold: 3, revenueCents: 833 + 2000 },
    { product: pulpo, quantitySold: 4, revenueCents: 1667 },
  ];
  await eventually(async () => expect((await ok(TopProductsQuery, today(), { token: marta.token })).topProducts).toEqual(products));
  // without a range: all time, the same here
  expect((await ok(TopProductsQuery, {}, { token: marta.token })).topProducts).toEqual(products);
  expect((await ok(TopProductsQuery, { limit: 1 }, { token: marta.token })).topProducts).toEqual(products.slice(0, 1));
  expect((await ok(SalesByCategoryQuery, today(), { token: marta.token })).salesByCategory).toEqual([
    { category: camaronCategory, revenueCents: 2833, quantitySold: 3 },
    { category: otherCategory, revenueCents: 1667, quantitySold: 4 },
  ]);
  // the seller's products add up to its sales: 2,500 + 2,000
  const total = products.reduce((a, p) => a + p.revenueCents, 0);
  expect(total).toBe(4500);
  // yesterday had none of it
  const yesterday = { from: new Date(todayStart().getTime() - DAY_MS).toISOString(), to: todayStart().toISOString() };
  expect((await ok(TopProductsQuery, yesterday, { token: marta.token })).topProducts).toEqual([]);
  expect((await ok(SalesByCategoryQuery, yesterday, { token: marta.token })).salesByCategory).toEqual([]);
});

it("ranks sellers and products for an admin, the fresh sellers' figures exact", async () => {
  await eventually(async () => {
    const { topSellers } = await ok(TopSellersQuery, { ...today(), limit: 100 }, { token: admin.token });
    const revenues = topSellers.map((s) => s.revenueCents);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    const nelsonAt = topSellers.findIndex((s) => s.seller.id === nelson.id);
    const martaAt = topSellers.findIndex((s) => s.seller.id === marta.id);
    expect(topSellers[nelsonAt]).toEqual({ seller: { id: nelson.id, name: 'Nelson Quijije' }, revenueCents: 50_000, orders: 1 });
    expect(topSellers[martaAt]).toEqual({ seller: { id: marta.id, name: 'Marta Cedeño' }, revenueCents: 4500, orders: 2 });
    expect(nelsonAt).toBeLessThan(martaAt);
  });
  const { topProducts } = await ok(TopProductsQuery, { ...today(), limit: 100 }, { token: admin.token });
  expect(topProducts.find((p) => p.product.id === langosta.id)).toEqual({ product: langosta, quantitySold: 2, revenueCents: 50_000 });
  expect(topProducts.find((p) => p.product.id === pulpo.id)).toEqual({ product: pulpo, quantitySold: 4, revenueCents: 1667 });
  const { salesByCategory } = await ok(SalesByCategoryQuery, today(), { token: admin.token });
  expect(salesByCategory.find((c) => c.category.id === camaronCategory.id)!.revenueCents).toBeGreaterThanOrEqual(52_833);
  expect(salesByCategory.find((c) => c.category.id === otherCategory.id)!.revenueCents).toBeGreaterThanOrEqual(1667);
  // a seller sees none of another's products
  const nelsons = (await ok(TopProductsQuery, {}, { token: nelson.token })).topProducts;
  expect(nelsons).toEqual([{ product: langosta, quantitySold: 2, revenueCents: 50_000 }]);
});

it('puts fresh buyers in their RFM segments: one with two purchases RECURRING, one with US$500 in one VIP', async () => {
  await eventually(async () => {
    const { customerSegments } = await ok(CustomerSegmentsQuery, {}, { token: admin.token });
    expect(customerSegments.map((s) => s.segment)).toEqual(['NEW', 'RECURRING', 'VIP', 'AT_RISK', 'LOST']);
    const of = (segment: string) => customerSegments.find((s) => s.segment === segment)!;
    expect(of('RECURRING').customers).toBeGreaterThanOrEqual(1);
    expect(of('RECURRING').revenueCents).toBeGreaterThanOrEqual(4500);
    expect(of('VIP').customers).toBeGreaterThanOrEqual(1);
    expect(of('VIP').revenueCents).toBeGreaterThanOrEqual(50_000);
  });
});

it("lists a seller's own listed products at or below their threshold; an admin's include every seller's", async () => {
  await eventually(async () => expect((await ok(LowStockProductsQuery, {}, { token: marta.token })).lowStockProducts).toEqual([almejas]));
  expect((await ok(LowStockProductsQuery, {}, { token: nelson.token })).lowStockProducts).toEqual([]);
  expect((await ok(LowStockProductsQuery, {}, { token: admin.token })).lowStockProducts).toContainEqual(almejas);
});

it('refuses clients everywhere, sellers the admin-only rankings, and anonymous callers', async () => {
  const client = { token: buyerOne.token };
  expect(errorCode(await execute(TopSellersQuery, {}, client))).toBe('FORBIDDEN');
  expect(errorCode(await execute(TopProductsQuery, {}, client))).toBe('FORBIDDEN');
  expect(errorCode(await execute(SalesByCategoryQuery, {}, client))).toBe('FORBIDDEN');
  expect(errorCode(await execute(CustomerSegmentsQuery, {}, client))).toBe('FORBIDDEN');
  expect(errorCode(await execute(LowStockProductsQuery, {}, client))).toBe('FORBIDDEN');
  expect(errorCode(await execute(TopSellersQuery, {}, { token: marta.token }))).toBe('FORBIDDEN');
  expect(errorCode(await execute(CustomerSegmentsQuery, {}, { token: marta.token }))).toBe('FORBIDDEN');
  expect(errorCode(await execute(TopProductsQuery, {}))).toBe('UNAUTHENTICATED');
});

it('refuses a bad limit or range as BAD_USER_INPUT', async () => {
  const seller = { token: marta.token };
  for (const result of [
    await execute(TopProductsQuery, { limit: 0 }, seller),
    await execute(TopProductsQuery, { limit: 101 }, seller),
    await execute(TopSellersQuery, { limit: -1 }, { token: admin.token }),
    await execute(TopProductsQuery, { from: '2026-12-02T05:00:00Z', to: '2026-12-02T05:00:00Z' }, seller),
    await execute(SalesByCategoryQuery, { from: '2025-01-01T05:00:00Z', to: '2026-02-06T05:00:01Z' }, seller),
    await execute(SalesByCategoryQuery, { from: 'yesterday' }, seller),
  ]) {
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.data ?? null).toBeNull();
  }
});
