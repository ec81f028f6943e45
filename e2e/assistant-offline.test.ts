// The assistant's offline mode (the shared test market has no ANTHROPIC_API_KEY), through the gateway as a frontend
// asks it: the pier's common questions answered in Spanish from the market's own data, read as the asker, each reply
// saying it is offline, and streamed to assistantReplyStream as it is written.
import { print } from 'graphql';
import { AskAssistantMutation, AssistantReplyStreamSubscription, StartConversationMutation } from './operations/assistant.operations';
import { AdjustInventoryMutation, CreateProductMutation, ProductsQuery } from './operations/catalog.operations';
import { AddToCartMutation, CheckoutMutation } from './operations/orders.operations';
import { RegisterMutation } from './operations/users.operations';
import { gatewayUrl, ok, uniqueEmail } from './support/client';
import { settle, subscribe } from './support/live-client';
import { CAMARON_SUBCATEGORY, registerPerson, type Person } from './support/market-people';

const OFFLINE = '(Modo sin conexión) ';
const STALL = 'Camaronera Jacinto (Muelle C, puesto 9)';

const ask = async (who: Person, message: string, conversationId?: string) =>
  (await ok(AskAssistantMutation, { message, conversationId }, { token: who.token })).askAssistant.content;

let seller: Person;
let client: Person;
let otherClient: Person;
let titi: string;

beforeAll(async () => {
  // a seller of its own, with a stall on the pier, so what the assistant lists can be known exactly
  const { register } = await ok(RegisterMutation, {
    input: {
      email: uniqueEmail('seller'),
      password: 'Pescado-fresco-2026',
      name: 'Jacinto Pin',
      role: 'SELLER',
      stallName: 'Camaronera Jacinto',
      pierSection: 'Muelle C, puesto 9',
    },
  });
  seller = { id: register.user.id, token: register.accessToken, name: 'Jacinto Pin' };
  [client, otherClient] = await Promise.all([registerPerson('CLIENT', 'Ana Vera'), registerPerson('CLIENT', 'Luis Extraño')]);
  const list = async (name: string, priceCents: number, quantityOnHand: number, lowStockThreshold = 0) =>
    (
      await ok(
        CreateProductMutation,
        { input: { name, priceCents, unit: 'LB', subcategoryId: CAMARON_SUBCATEGORY, quantityOnHand, lowStockThreshold } },
        { token: seller.token },
      )
    ).createProduct.id;
  titi = await list('Camarón titi', 425, 12);
  // sold out today: still priced, never offered as available (and at its threshold of 0, low on stock)
  const peeled = await list('Camarón titi pelado', 600, 1);
  await ok(AdjustInventoryMutation, { productId: peeled, delta: -1, reason: 'vendido en el puesto' }, { token: seller.token });
  await list('Corvina de roca', 450, 3, 5);
});

describe('products', () => {
  it('answers "¿hay camarón hoy?" with the shrimp on sale, their prices and stalls, saying it is offline', async () => {
    const reply = await ask(client, '¿hay camarón hoy?');
    const [first, ...lines] = reply.split('\n');
    expect(first).toBe(`${OFFLINE}Sí, hoy hay camarón:`);
    // other test files list shrimp in this market too: every line is a product the catalog finds for "camarón"
    const { products } = await ok(ProductsQuery, { filter: { search: 'camarón', availableOnly: true }, first: 100 });
    const bullets = lines.filter((line) => line.startsWith('• '));
    expect(bullets.length).toBeGreaterThan(0);
    for (const line of bullets) {
      const name = line.slice(2, line.indexOf(': '));
      const matches = products.edges.filter(({ node }) => node.name === name);
      expect(
        matches.some(({ node }) => {
          const price = `US$${(node.priceCents / 100).toFixed(2)} `;
          return line.includes(price) && line.includes(node.seller.sellerProfile!.stallName!);
        }),
      ).toBe(true);
    }
  });

  it('lists exactly what a seller has on sale, with the amount left, and never what is sold out', async () => {
    expect(await ask(client, '¿Tienen camaron titi fresco?')).toBe(
      `${OFFLINE}Sí, hoy hay camaron titi:\n• Camarón titi: US$4.25 la libra, 12 libras disponibles. ${STALL}.`,
    );
  });

  it('gives prices from the cheapest, the sold-out ones said so', async () => {
    expect(await ask(client, '¿cuánto cuesta el camarón titi?')).toBe(
      [
        `${OFFLINE}Precios de camarón titi hoy:`,
        `• Camarón titi: US$4.25 la libra, 12 libras disponibles. ${STALL}.`,
        `• Camarón titi pelado: US$6.00 la libra, agotado. ${STALL}.`,
      ].join('\n'),
    );
  });

  it("prices the demo catalog's products in their own units", async () => {
    expect(await ask(otherClient, 'a cómo está el cangrejo')).toMatch(
      /^\(Modo sin conexión\) Precios de cangrejo hoy:\n• Cangrejo rojo: US\$18\.00 la docena, \d+ docenas? disponibles?\. Mariscos Doña Rosa \(Muelle A, puesto 4\)\./,
    );
  });

  it('says plainly when there is none', async () => {
    expect(await ask(otherClient, '¿hay jaiba a menos de 2 dólares?')).toBe(
      `${OFFLINE}Hoy no encontré jaiba a US$2.00 o menos a la venta en el mercado.\n` +
        'Prueba con otro nombre (por ejemplo corvina, dorado o pulpo) o vuelve a preguntar más tarde: los puestos publican su pesca durante el día.',
    );
  });

  it('says so when the catalog finds only products alike what was asked', async () => {
    // nothing on sale names "pelado" with "camarón titi" (that one is sold out): the catalog falls back to similar names
    const [first, ...lines] = (await ask(otherClient, '¿hay camarón titi pelado?')).split('\n');
    expect(first).toBe(`${OFFLINE}No encontré camarón titi pelado tal cual, pero hay algo parecido:`);
    expect(lines).toContain(`• Camarón titi: US$4.25 la libra, 12 libras disponibles. ${STALL}.`);
  });
});

describe('orders', () => {
  let number: string;

  beforeAll(async () => {
    await ok(AddToCartMutation, { productId: titi, quantity: 2 }, { token: client.token });
    [{ number }] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: client.token })).checkout;
  });

  it('tells a client their own order by its number: status, lines, total, delivery, time in Guayaquil', async () => {
    const reply = await ask(client, `¿dónde está mi pedido ${number.toLowerCase()}?`);
    expect(reply.split('\n')).toEqual([
      `${OFFLINE}Tu pedido ${number} está pendiente de pago.`,
      'Puesto: Camaronera Jacinto.',
      'Productos: 2 libras de Camarón titi.',
      'Total: US$8.50.',
      'Entrega: retiro en el puesto.',
      expect.stringMatching(/^Hecho el \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2} \(hora de Guayaquil\)\.$/),
    ]);
  });

  it('lists their latest orders when asked without a number', async () => {
    expect((await ask(client, 'estado de mi pedido')).split('\n')).toEqual([
      `${OFFLINE}Este es tu pedido:`,
      expect.stringMatching(
        new RegExp(`^• ${number}: pendiente de pago, US\\$8\\.50, Camaronera Jacinto, del \\d{2}/\\d{2}/\\d{4} a las \\d{2}:\\d{2}\\.$`),
      ),
      'Pregúntame por uno con su número para ver el detalle.',
    ]);
  });

  it("says another client's order number is not theirs, with none of its data and as for a number that does not exist", async () => {
    const notFound = (n: string) => `${OFFLINE}No encontré el pedido ${n} entre los tuyos.\nRevisa el número: tiene la forma MNT-2026-000123.`;
    expect(await ask(otherClient, `¿dónde está mi pedido ${number}?`)).toBe(notFound(number));
    expect(await ask(otherClient, '¿dónde está mi pedido MNT-2099-999999?')).toBe(notFound('MNT-2099-999999'));
  });

  it('tells the seller the order by its number, as one they sold', async () => {
    expect(await ask(seller, `estado del pedido ${number}`)).toMatch(
      new RegExp(`^\\(Modo sin conexión\\) El pedido ${number} está pendiente de pago\\.\\n`),
    );
  });
});

describe('stock', () => {
  it('tells a seller which of their products are low on stock, in their units', async () => {
    const [first, ...lines] = (await ask(seller, '¿qué está bajo de stock?')).split('\n');
    expect(first).toBe(`${OFFLINE}Estos 2 productos tuyos están bajos de stock:`);
    expect(lines.sort()).toEqual(['• Camarón titi pelado: agotado (aviso en 0).', '• Corvina de roca: quedan 3 libras (aviso en 5).']);
  });

  it('tells a client politely that stock is for sellers', async () => {
    expect(await ask(client, 'qué me falta?')).toBe(
      `${OFFLINE}El stock de cada puesto lo ven sus vendedores. Si buscas algo, pregúntame si hay: por ejemplo «¿hay camarón hoy?».`,
    );
  });
});

it('streams the reply to assistantReplyStream as it is written: in order, adding up to the reply, the last chunk done', async () => {
  const { startConversation } = await ok(StartConversationMutation, {}, { token: client.token });
  const live = subscribe<{ assistantReplyStream: { conversationId: string; delta: string; done: boolean } }>(
    gatewayUrl(),
    client.token,
    print(AssistantReplyStreamSubscription),
    { conversationId: startConversation.id },
  );
  try {
    await settle();
    const reply = await ask(client, '¿cuánto cuesta el camarón titi?', startConversation.id);
    const chunks = await live.waitFor(4).then(() => live.events.map((e) => e.assistantReplyStream));
    expect(live.errors).toEqual([]);
    expect(chunks.every((chunk) => chunk.conversationId === startConversation.id)).toBe(true);
    // a line at a time: several pieces, then an empty one that says done
    expect(chunks.map((chunk) => chunk.done)).toEqual([false, false, false, true]);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(reply);
    expect(reply.startsWith(`${OFFLINE}Precios de camarón titi hoy:\n`)).toBe(true);
  } finally {
    await live.stop();
  }
});
