// `npm start` on a machine with no database and no Redis: the embedded PGlite keeps accounts (and the demo orders,
// placed once) across a restart, the assistant answers in offline mode (no ANTHROPIC_API_KEY), and a demo client can
// fill a cart from two seeded sellers and check out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { graphql } from './__generated__';
import { ProductsQuery } from './operations/catalog.operations';
import {
  AddToCartMutation,
  CheckoutMutation,
  CreatePaymentMutation,
  MyOrdersQuery,
  OrderPaymentQuery,
  SimulateCardPaymentMutation,
} from './operations/orders.operations';
import { eventually } from '@espigon/kit/testing/eventually';
import { LoginMutation, MeQuery, RegisterMutation } from './operations/users.operations';
import { demo, ok, uniqueEmail } from './support/client';
import { settle, subscribe } from './support/live-client';
import { spawnMarket, type ChildService } from './support/processes';

const EmbeddedAskMutation = graphql(`
  mutation EmbeddedAsk($message: String!) {
    askAssistant(message: $message) {
      content
    }
  }
`);

describe('embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-embedded-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    SUBGRAPH_PORTS: 'auto',
    SEED_DEMO_DATA: 'true',
  };
  let market: ChildService | undefined;

  afterAll(async () => {
    await market?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers and logs in, then after a restart logs in again', async () => {
    const email = uniqueEmail('embedded');
    const password = 'Concha-negra-2026';
    market = await spawnMarket(env, join(dataDir, 'first-run.log'));
    const url = market.gatewayUrl;
    await ok(RegisterMutation, { input: { email, password, name: 'Marta Embebida', role: 'CLIENT' } }, { url });
    const first = await ok(LoginMutation, { email, password }, { url });
    expect((await ok(MeQuery, {}, { url, token: first.login.accessToken })).me?.name).toBe('Marta Embebida');
    // the demo history was placed once, at the first start: three of its five orders are carmen's
    const carmenOrders = async () => {
      const carmen = demo('carmen@example.ec');
      const token = (await ok(LoginMutation, { email: carmen.email, password: carmen.password }, { url: market!.gatewayUrl })).login.accessToken;
      return (await ok(MyOrdersQuery, { first: 1 }, { url: market!.gatewayUrl, token })).me!.orders.totalCount;
    };
    expect(await carmenOrders()).toBe(3);
    expect(await market.stop()).toBe(0); // drained and closed cleanly on SIGTERM

    market = await spawnMarket(env, join(dataDir, 'second-run.log'));
    // a second market on the same data folder refuses at once, naming the one that holds it
    const second = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/start-market.ts'], {
      cwd: resolve(__dirname, '..'),
      env: { ...env, GATEWAY_PORT: '0', ESPIGON_DOTENV: 'off' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`The market is already running on ${dataDir} (pid ${market.child.pid})`);
    const again = await ok(LoginMutation, { email, password }, { url: market.gatewayUrl });
    expect(await carmenOrders()).toBe(3); // a restart does not place the demo orders again
    expect(again.login.user.id).toBe(first.login.user.id);
    // the signing keys were kept too: a token from before the restart still verifies
    expect((await ok(MeQuery, {}, { url: market.gatewayUrl, token: first.login.accessToken })).me?.id).toBe(first.login.user.id);
  });

  it('answers "¿hay camarón hoy?" in offline mode, from the demo catalog', async () => {
    const url = market!.gatewayUrl;
    const carmen = demo('carmen@example.ec');
    const token = (await ok(LoginMutation, { email: carmen.email, password: carmen.password }, { url })).login.accessToken;
    const { askAssistant } = await ok(EmbeddedAskMutation, { message: '¿hay camarón hoy?' }, { url, token });
    // the amounts left depend on the demo orders: counted as N
    expect(askAssistant.content.replace(/\d+ libras disponibles/g, 'N libras disponibles')).toBe(
      [
        '(Modo sin conexión) Sí, hoy hay camarón:',
        '• Camarón blanco jumbo: US$5.50 la libra, N libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
        '• Camarón pomada: US$3.80 la libra, N libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
        // its description names camarón
        '• Mix para ceviche: US$7.00 la libra, N libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
      ].join('\n'),
    );
  });

  it('lets a demo client buy from two seeded sellers at once, each seller told live, and pay by (simulated) card; shutting down closes sockets with 1001', async () => {
    const url = market!.gatewayUrl;
    const carmen = demo('carmen@example.ec');
    const token = (await ok(LoginMutation, { email: carmen.email, password: carmen.password }, { url })).login.accessToken;
    const rosa = demo('rosa@espigon.ec');
    const rosaToken = (await ok(LoginMutation, { email: rosa.email, password: rosa.password }, { url })).login.accessToken;
    // in-process pub/sub: the same subscription path as on Redis
    const live = subscribe(url, rosaToken, 'subscription { orderCreated { number seller { name } buyer { name } } }');
    await settle();
    const { products } = await ok(ProductsQuery, { first: 50, filter: { availableOnly: true } }, { url });
    const bySeller = new Map(products.edges.map((e) => [e.node.seller.id, e.node.id]));
    expect(bySeller.size).toBeGreaterThanOrEqual(2);
    const other = [...bySeller.keys()].find((id) => id !== rosa.id)!;
    for (const productId of [bySeller.get(rosa.id)!, bySeller.get(other)!]) await ok(AddToCartMutation, { productId, quantity: 1 }, { url, token });
    const { checkout } = await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { url, token });
    expect(checkout).toHaveLength(2);
    expect(new Set(checkout.map((o) => o.seller.id)).size).toBe(2);
    const fromRosa = checkout.find((o) => o.seller.id === rosa.id)!;
    const [event] = await live.waitFor(1);
    expect(event.orderCreated).toEqual({ number: fromRosa.number, seller: { name: rosa.name }, buyer: { name: carmen.name } });
    // mock mode (no Stripe key): the card is simulated, and the order becomes PAID as with Stripe's webhook
    const { createPayment } = await ok(CreatePaymentMutation, { orderId: fromRosa.id, method: 'CARD' }, { url, token });
    expect(createPayment.clientSecret).toMatch(/^pi_sim_/);
    expect((await ok(SimulateCardPaymentMutation, { paymentId: createPayment.id }, { url, token })).simulateCardPayment.status).toBe('SUCCEEDED');
    await eventually(async () => expect((await ok(OrderPaymentQuery, { id: fromRosa.id }, { url, token })).order!.status).toBe('PAID'));
    expect(await market!.stop()).toBe(0);
    expect(live.closeCode).toBe(1001);
    await live.stop();
  });
});
