// The demo market's history: with SEED_DEMO_DATA, `npm start` places a handful of orders through the gateway the first
// time it starts, as the demo accounts would from a frontend — so the events flow and the reports, notifications and
// order lists have something to show. Each subgraph seeds only its own schema; orders and payments are made here, by
// their own mutations, never written into their tables.
//
// Once only: it is skipped when the demo client carmen@example.ec has any order already (a restart, or a market whose
// database already has a history). It runs after the gateway is up and waits (bounded) until the reports read model
// has seen the orders, so the market is announced ready with non-empty reports.
import { demoAccounts } from '@espigon/users/seed/demo-accounts';
import type { Logger } from '@espigon/kit/logger';

interface Options {
  /** No Stripe key: the card payment is completed with simulateCardPayment (mock mode); otherwise it is paid in cash. */
  simulatedCards: boolean;
  /** How long to wait for each asynchronous step (an order marked PAID, the reports catching up). */
  patienceMs?: number;
}

type Variables = Record<string, unknown>;

/** What the demo step did: the number of orders placed (0 when skipped). */
export async function placeDemoOrders(gatewayUrl: string, logger: Logger, options: Options): Promise<number> {
  const patienceMs = options.patienceMs ?? 30_000;
  const call = async <T>(query: string, variables: Variables = {}, token?: string): Promise<T> => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data) throw new Error(`demo orders: ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  };
  const until = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + patienceMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`demo orders: gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const login = async (email: string) => {
    const account = demoAccounts.find((a) => a.email === email);
    if (!account) throw new Error(`no demo account ${email}`);
    const { login } = await call<{ login: { accessToken: string } }>(
      'mutation DemoLogin($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password: account.password },
    );
    return { id: account.id, token: login.accessToken };
  };

  const carmen = await login('carmen@example.ec');
  const { me } = await call<{ me: { orders: { totalCount: number } } }>(
    'query DemoHistory { me { orders(first: 1) { totalCount } } }',
    {},
    carmen.token,
  );
  if (me.orders.totalCount > 0) return 0;

  const [choza, rosa, pedro, lucia, admin] = await Promise.all(
    ['restaurante.lachoza@example.ec', 'rosa@espigon.ec', 'pedro@espigon.ec', 'lucia@espigon.ec', 'admin@espigon.ec'].map(login),
  );
  /** A product of the seller's with plenty in stock, so the demo orders never bring it near its low-stock threshold. */
  const productOf = async (seller: { id: string }, skip = 0) => {
    const { products } = await call<{ products: { edges: { node: { id: string; inventory: { quantityAvailable: number } } }[] } }>(
      'query DemoProducts($filter: ProductFilter) { products(filter: $filter, first: 50) { edges { node { id inventory { quantityAvailable } } } } }',
      { filter: { sellerId: seller.id, availableOnly: true } },
      admin.token,
    );
    const stocked = products.edges.map((e) => e.node).filter((p) => p.inventory.quantityAvailable >= 20);
    const product = stocked[skip % Math.max(stocked.length, 1)];
    if (!product) throw new Error('demo orders: a demo seller has no product in stock');
    return product.id;
  };
  const checkout = async (buyer: { token: string }, lines: [string, number][], deliveryMethod = 'PICKUP') => {
    await call('mutation DemoClearCart { clearCart { id } }', {}, buyer.token);
    for (const [productId, quantity] of lines) {
      await call(
        'mutation DemoAddToCart($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { id } }',
        { productId, quantity },
        buyer.token,
      );
    }
    const input = { deliveryMethod, ...(deliveryMethod === 'DELIVERY' ? { address: 'Av. Flavio Reyes y calle 20, Manta' } : {}) };
    const { checkout } = await call<{ checkout: { id: string; seller: { id: string } }[] }>(
      'mutation DemoCheckout($input: CheckoutInput!) { checkout(input: $input) { id seller { id } } }',
      { input },
      buyer.token,
    );
    return checkout;
  };
  const orderOf = (orders: { id: string; seller: { id: string } }[], seller: { id: string }) => orders.find((o) => o.seller.id === seller.id)!.id;
  const status = async (orderId: string, token: string) =>
    (await call<{ order: { status: string } }>('query DemoOrder($id: ID!) { order(id: $id) { status } }', { id: orderId }, token)).order.status;
  const move = async (orderId: string, seller: { token: string }, ...statuses: string[]) => {
    for (const to of statuses) {
      await call(
        'mutation DemoMove($orderId: ID!, $status: OrderStatus!) { updateOrderStatus(orderId: $orderId, status: $status) { id } }',
        { orderId, status: to },
        seller.token,
      );
    }
  };
  /** The buyer pays; CASH is confirmed by the seller, CARD completed by the simulated processor. Waits for PAID. */
  const pay = async (orderId: string, buyer: { token: string }, seller: { token: string }, method: 'CASH' | 'CARD') => {
    const { createPayment } = await call<{ createPayment: { id: string } }>(
      'mutation DemoPay($orderId: ID!, $method: PaymentMethodKind!) { createPayment(orderId: $orderId, method: $method) { id } }',
      { orderId, method },
      buyer.token,
    );
    if (method === 'CARD') {
      await call(
        'mutation DemoCard($paymentId: ID!) { simulateCardPayment(paymentId: $paymentId) { id } }',
        { paymentId: createPayment.id },
        buyer.token,
      );
    } else {
      await call(
        'mutation DemoConfirm($paymentId: ID!) { confirmPayment(paymentId: $paymentId) { id } }',
        { paymentId: createPayment.id },
        seller.token,
      );
    }
    await until('an order marked PAID', async () => (await status(orderId, seller.token)) === 'PAID');
    return createPayment.id;
  };

  // carmen buys from rosa and pedro in one checkout; la choza from lucia and rosa (delivered to the restaurant)
  const first = await checkout(carmen, [
    [await productOf(rosa), 2],
    [await productOf(pedro), 1],
  ]);
  const second = await checkout(
    choza,
    [
      [await productOf(lucia), 5],
      [await productOf(rosa, 1), 3],
    ],
    'DELIVERY',
  );
  const third = await checkout(carmen, [[await productOf(lucia, 1), 2]]);
  const [carmenRosa, carmenPedro, chozaLucia, chozaRosa, carmenLucia] = [
    orderOf(first, rosa),
    orderOf(first, pedro),
    orderOf(second, lucia),
    orderOf(second, rosa),
    orderOf(third, lucia),
  ];
  // cancelled by its buyer before paying
  await move(chozaRosa, choza, 'CANCELLED');
  await pay(carmenRosa, carmen, rosa, 'CASH');
  await pay(carmenPedro, carmen, pedro, options.simulatedCards ? 'CARD' : 'CASH');
  const chozaPayment = await pay(chozaLucia, choza, lucia, 'CASH');
  await pay(carmenLucia, carmen, lucia, 'CASH');
  // part of la choza's order came short: lucia gives back US$2.00
  await call(
    'mutation DemoRefund($paymentId: ID!, $amountCents: Int, $reason: String) { refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) { id } }',
    { paymentId: chozaPayment, amountCents: 200, reason: 'Una libra menos de lo pedido' },
    lucia.token,
  );
  await move(carmenPedro, pedro, 'PREPARING');
  await move(carmenLucia, lucia, 'PREPARING', 'READY');
  await move(carmenRosa, rosa, 'PREPARING', 'READY', 'DELIVERED');
  await move(chozaLucia, lucia, 'PREPARING', 'READY', 'DELIVERED');
  const placed = 5;

  // the reports read model is fed by the events: wait until it has seen every order and the last moves
  await until('the reports to show the demo orders', async () => {
    const { dashboard } = await call<{ dashboard: { ordersByStatus: { status: string; count: number }[] } }>(
      'query DemoDashboard { dashboard { ordersByStatus { status count } } }',
      {},
      admin.token,
    );
    const count = (s: string) => dashboard.ordersByStatus.find((c) => c.status === s)?.count ?? 0;
    return count('DELIVERED') >= 2 && count('READY') >= 1 && count('PREPARING') >= 1 && count('CANCELLED') >= 1;
  });
  logger.info({ orders: placed }, 'demo orders placed');
  return placed;
}
