import { createLogger } from '@espigon/kit/logger';
import type { Role } from '@espigon/kit/auth/role';
import { GatewayUnavailableError, type GatewayClient, type GraphQLResponse } from '../../tools/gateway-client';
import { MarketToolbox } from '../../tools/market-tools';
import type { ReplyTurn } from '../reply-engine';
import { OfflineEngine } from './offline-engine';

/** The gateway as the tools see it: canned answers per operation, every call recorded. */
function fakeGateway(answers: Record<string, (variables: Record<string, any>) => GraphQLResponse | Error>) {
  const calls: { operation: string; variables: Record<string, any>; token: string | null }[] = [];
  const gateway = {
    async execute(query: string, variables: Record<string, any>, token: string | null) {
      const operation = /query (\w+)/.exec(query)![1];
      calls.push({ operation, variables, token });
      const answer = answers[operation]?.(variables) ?? new Error(`no answer for ${operation}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { calls, tools: new MarketToolbox(gateway as unknown as GatewayClient) };
}

const rosa = { id: 's1', name: 'Rosa Delgado', sellerProfile: { stallName: 'Mariscos Doña Rosa', pierSection: 'Muelle A, puesto 4' } };
const node = (name: string, priceCents: number, quantityAvailable = 40) => ({
  id: name,
  name,
  description: null,
  priceCents,
  unit: 'LB',
  available: quantityAvailable > 0,
  caughtAt: null,
  inventory: { quantityAvailable },
  subcategory: { name: 'Camarón', category: { name: 'Mariscos' } },
  seller: rosa,
});
const products = (...nodes: ReturnType<typeof node>[]): GraphQLResponse => ({
  data: { products: { totalCount: nodes.length, edges: nodes.map((n) => ({ node: n })) } },
});
const order = {
  number: 'MNT-2026-000001',
  status: 'PREPARING',
  totalCents: 1100,
  createdAt: '2026-11-30T04:27:00.000Z',
  updatedAt: '2026-11-30T04:30:00.000Z',
  seller: { name: 'Rosa Delgado', sellerProfile: { stallName: 'Mariscos Doña Rosa' } },
  items: [{ productName: 'Camarón blanco jumbo', quantity: 2, unitPriceCents: 550, lineTotalCents: 1100 }],
  delivery: { method: 'PICKUP', status: 'PREPARING', address: null, scheduledFor: null },
  payment: { status: 'SUCCEEDED' },
};

async function ask(tools: MarketToolbox, message: string, role: Role = 'CLIENT', history: ReplyTurn[] = []) {
  const deltas: string[] = [];
  const result = await new OfflineEngine().reply({
    viewer: { id: 'u1', role, jti: 'j', exp: 0 },
    token: 'the-askers-token',
    history,
    message,
    tools,
    onDelta: (delta) => deltas.push(delta),
    signal: new AbortController().signal,
    logger: createLogger('assistant', 'silent'),
  });
  return { ...result, deltas };
}

describe('OfflineEngine', () => {
  it('answers "¿hay camarón hoy?" from search_products, as the asker, streamed a line at a time', async () => {
    const { calls, tools } = fakeGateway({
      AssistantSearchProducts: () => products(node('Camarón blanco jumbo', 550), node('Camarón pomada', 380, 30)),
    });
    const reply = await ask(tools, '¿hay camarón hoy?');
    expect(calls).toEqual([
      {
        operation: 'AssistantSearchProducts',
        variables: { filter: { search: 'camarón', availableOnly: true }, first: 10 },
        token: 'the-askers-token',
      },
    ]);
    expect(reply.text).toBe(
      [
        '(Modo sin conexión) Sí, hoy hay camarón:',
        '• Camarón blanco jumbo: US$5.50 la libra, 40 libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
        '• Camarón pomada: US$3.80 la libra, 30 libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
      ].join('\n'),
    );
    expect(reply.deltas).toHaveLength(3);
    expect(reply.deltas.join('')).toBe(reply.text);
    expect(reply).toMatchObject({ tokens: 0, toolCalls: ['search_products'] });
  });

  it('asks prices of sold-out products too, and searches again as a pier species before saying there is none', async () => {
    const { calls, tools } = fakeGateway({ AssistantSearchProducts: () => products() });
    const reply = await ask(tools, '¿cuánto cuesta el camaorn grande?');
    expect(calls.map((c) => c.variables.filter)).toEqual([
      { search: 'camaorn grande', availableOnly: false },
      { search: 'camarón grande', availableOnly: false },
    ]);
    expect(reply.text).toMatch(/^\(Modo sin conexión\) No encontré camaorn grande en el catálogo/);
  });

  it('says products are only alike when the catalog found none that names what was asked, unless a pier species does', async () => {
    const alike = fakeGateway({ AssistantSearchProducts: () => products(node('Camarón 4', 100)) });
    expect((await ask(alike.tools, '¿hay camarón titi?')).text).toMatch(
      /^\(Modo sin conexión\) No encontré camarón titi tal cual, pero hay algo parecido:\n• Camarón 4/,
    );
    const corrected = fakeGateway({
      AssistantSearchProducts: ({ filter }) => (filter.search === 'camarón' ? products(node('Camarón pomada', 380)) : products(node('Cazón', 300))),
    });
    expect((await ask(corrected.tools, '¿hay camaorn?')).text).toMatch(/^\(Modo sin conexión\) Sí, hoy hay camarón:\n• Camarón pomada/);
    expect((await ask(corrected.tools, 'camaorn')).text).toMatch(/^\(Modo sin conexión\) Sí, hoy hay camarón:/);
    expect((await ask(alike.tools, 'clima')).text).toMatch(/^\(Modo sin conexión\) No encontré «clima» entre los productos de hoy/);
  });

  it('passes a top price on to the search', async () => {
    const { calls, tools } = fakeGateway({ AssistantSearchProducts: () => products(node('Camarón pomada', 380)) });
    await ask(tools, '¿hay camarón a menos de 5 dólares?');
    expect(calls[0].variables.filter).toEqual({ search: 'camarón', availableOnly: true, maxPriceCents: 500 });
  });

  it("asks which product when none is named, and uses the conversation's last one for a follow-up", async () => {
    const { calls, tools } = fakeGateway({ AssistantSearchProducts: () => products(node('Pargo rojo', 375)) });
    expect((await ask(tools, '¿y el precio?')).text).toMatch(/¿Qué producto buscas\?/);
    expect(calls).toHaveLength(0);
    const history: ReplyTurn[] = [
      { role: 'user', content: '¿hay pargo?' },
      { role: 'assistant', content: '(Modo sin conexión) Sí, hoy hay pargo: …' },
    ];
    expect((await ask(tools, '¿y el precio?', 'CLIENT', history)).text).toMatch(/^\(Modo sin conexión\) Precios de pargo hoy:/);
  });

  it("tells a client their order by number, and another's number is not theirs, with nothing of it", async () => {
    const { calls, tools } = fakeGateway({
      AssistantOrderStatus: ({ number }) => ({ data: { orderByNumber: number === 'MNT-2026-000001' ? order : null } }),
    });
    const mine = await ask(tools, '¿dónde está mi pedido mnt-2026-000001?');
    expect(mine.text).toMatch(/^\(Modo sin conexión\) Tu pedido MNT-2026-000001 está en preparación\.\n/);
    expect(mine.text).toContain('Productos: 2 × Camarón blanco jumbo.');
    const other = await ask(tools, 'estado del pedido MNT-2026-000777');
    expect(other.text).toBe(
      '(Modo sin conexión) No encontré el pedido MNT-2026-000777 entre los tuyos.\nRevisa el número: tiene la forma MNT-2026-000123.',
    );
    expect(calls.map((c) => c.variables)).toEqual([{ number: 'MNT-2026-000001' }, { number: 'MNT-2026-000777' }]);
  });

  it("lists a client's latest orders without a number; a seller is asked for the number", async () => {
    const { calls, tools } = fakeGateway({ AssistantMyOrders: () => ({ data: { me: { orders: { totalCount: 1, edges: [{ node: order }] } } } }) });
    expect((await ask(tools, 'mis pedidos')).text).toContain('• MNT-2026-000001: en preparación, US$11.00, Mariscos Doña Rosa');
    expect(calls[0].variables).toEqual({ first: 3, status: null });
    expect((await ask(tools, '¿dónde está mi pedido?', 'SELLER')).text).toMatch(/Dime el número del pedido/);
    expect(calls).toHaveLength(1);
  });

  it('tells a seller whose products are all above their thresholds that nothing is low, not that nothing is listed', async () => {
    const stocked = { quantityOnHand: 25, quantityReserved: 0, quantityAvailable: 25, lowStockThreshold: 5 };
    const { tools } = fakeGateway({
      AssistantSellerStock: () => ({
        data: {
          me: {
            products: {
              totalCount: 1,
              edges: [{ node: { id: 'b', name: 'Pargo rojo', priceCents: 375, unit: 'LB', listed: true, available: true, inventory: stocked } }],
            },
          },
        },
      }),
    });
    expect((await ask(tools, '¿qué está bajo de stock?', 'SELLER')).text).toBe(
      '(Modo sin conexión) Nada está bajo de stock: todos tus productos tienen más de lo que marca su aviso.',
    );
  });

  it("answers low stock from seller_stock for a seller, market_summary for an admin, and tells a client it is the sellers'", async () => {
    const { calls, tools } = fakeGateway({
      AssistantSellerStock: () => ({
        data: {
          me: {
            products: {
              totalCount: 2,
              edges: [
                {
                  node: {
                    id: 'a',
                    name: 'Corvina de roca',
                    priceCents: 450,
                    unit: 'LB',
                    listed: true,
                    available: true,
                    inventory: { quantityOnHand: 3, quantityReserved: 0, quantityAvailable: 3, lowStockThreshold: 4 },
                  },
                },
                {
                  node: {
                    id: 'b',
                    name: 'Pargo rojo',
                    priceCents: 375,
                    unit: 'LB',
                    listed: true,
                    available: true,
                    inventory: { quantityOnHand: 25, quantityReserved: 0, quantityAvailable: 25, lowStockThreshold: 5 },
                  },
                },
              ],
            },
          },
        },
      }),
      AssistantMarketSummary: () => ({
        data: {
          dashboard: { revenueTodayCents: 0, ordersToday: 0, averageOrderCents: 0, lowStockCount: 1, ordersByStatus: [] },
          topProducts: [],
          lowStockProducts: [
            { id: 'c', name: 'Atún entero', seller: { name: 'Lucía Chávez' }, inventory: { quantityAvailable: 1, lowStockThreshold: 1 } },
          ],
        },
      }),
    });
    expect((await ask(tools, '¿qué está bajo de stock?', 'SELLER')).text).toBe(
      '(Modo sin conexión) Este producto tuyo está bajo de stock:\n• Corvina de roca: quedan 3 libras (aviso en 4).',
    );
    expect((await ask(tools, 'poco inventario', 'ADMIN')).text).toContain('• Atún entero (Lucía Chávez): queda 1 disponible (aviso en 1).');
    expect((await ask(tools, 'qué me falta', 'CLIENT')).text).toMatch(/lo ven sus vendedores/);
    expect(calls.map((c) => c.operation)).toEqual(['AssistantSellerStock', 'AssistantMarketSummary']);
  });

  it('puts tool failures in polite Spanish: the market down, a refusal', async () => {
    const down = fakeGateway({ AssistantSearchProducts: () => new GatewayUnavailableError('no answer within 8000 ms') });
    const reply = await ask(down.tools, '¿hay camarón?');
    expect(reply.text).toBe('(Modo sin conexión) No pude consultar el mercado en este momento. Intenta de nuevo en unos minutos.');
    const refused = fakeGateway({
      AssistantOrderStatus: () => ({ data: null, errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] }),
    });
    expect((await ask(refused.tools, 'MNT-2026-000001')).text).toBe('(Modo sin conexión) Esa consulta no está disponible para tu cuenta.');
  });

  it('greets with what it can answer offline, and says so when it does not understand', async () => {
    const { calls, tools } = fakeGateway({ AssistantSearchProducts: () => products() });
    expect((await ask(tools, 'hola')).text).toMatch(/^\(Modo sin conexión\) ¡Hola! .*\n• si hay un producto hoy/);
    expect((await ask(tools, '???')).text).toMatch(/^\(Modo sin conexión\) No entendí la pregunta/);
    expect((await ask(tools, '¿y el clima?')).text).toMatch(/^\(Modo sin conexión\) No encontré «clima» entre los productos de hoy/);
    expect(calls).toHaveLength(1);
  });
});
