// The tools' fixed operations are valid reads of the public API, and a tool call is checked before anything is sent.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { Role } from '@espigon/kit/auth/role';
import { GatewayUnavailableError, type GatewayClient, type GraphQLResponse } from './gateway-client';
import { inputJsonSchema, MARKET_TOOLS, MarketToolbox } from './market-tools';

const apiSchema = buildSchema(readFileSync(resolve(__dirname, '../../../../docs/api.graphql'), 'utf8'));

/** Sample arguments each tool accepts. */
const samples: Record<string, unknown> = {
  search_products: { query: 'camarón' },
  get_product: { id: '6f1c7a1e-0003-4000-8000-000000000001' },
  my_orders: { status: 'PAID' },
  order_status: { number: 'mnt-2026-000123' },
  seller_stock: {},
  market_summary: {},
};

function fakeGateway(answer: () => Promise<GraphQLResponse>) {
  const execute = jest.fn(answer);
  return { gateway: { execute } as unknown as GatewayClient, execute };
}

describe('the market tools', () => {
  it.each(MARKET_TOOLS.map((tool) => [tool.name, tool] as const))('%s runs one valid query of the public API', (_name, tool) => {
    const document = parse(tool.operation);
    expect(validate(apiSchema, document)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.map((op) => op.operation)).toEqual(['query']);
    // the variables it builds from accepted arguments are what the operation declares
    const variables = tool.variables(tool.input.parse(samples[tool.name]));
    expect(getVariableValues(apiSchema, operations[0].variableDefinitions ?? [], variables).errors).toBeUndefined();
    expect(inputJsonSchema(tool)).toMatchObject({ type: 'object' });
  });

  it('offers each role its tools only', () => {
    const toolbox = new MarketToolbox(fakeGateway(async () => ({ data: {} })).gateway);
    const names = (role: Role) => toolbox.availableTo(role).map((tool) => tool.name);
    expect(names(Role.CLIENT)).toEqual(['search_products', 'get_product', 'my_orders', 'order_status']);
    expect(names(Role.SELLER)).toEqual(['search_products', 'get_product', 'order_status', 'seller_stock']);
    expect(names(Role.ADMIN)).toEqual(['search_products', 'get_product', 'order_status', 'market_summary']);
  });

  it('refuses a tool of another role, an unknown tool and bad arguments without calling the gateway', async () => {
    const { gateway, execute } = fakeGateway(async () => ({ data: {} }));
    const toolbox = new MarketToolbox(gateway);
    const client = { token: 't', role: Role.CLIENT };
    expect(await toolbox.run('market_summary', {}, client)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await toolbox.run('run_graphql', { query: '{ users { totalCount } }' }, client)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await toolbox.run('search_products', { query: '' }, client)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(await toolbox.run('order_status', { number: "1' or 1=1" }, client)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(await toolbox.run('search_products', 'camarón', client)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(execute).not.toHaveBeenCalled();
  });

  it("sends the caller's token and the tool's variables, and says what came back", async () => {
    const { gateway, execute } = fakeGateway(async () => ({ data: { orderByNumber: null } }));
    const toolbox = new MarketToolbox(gateway);
    const outcome = await toolbox.run('order_status', { number: 'mnt-2026-000123' }, { token: 'the-token', role: Role.CLIENT });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(execute).toHaveBeenCalledWith(expect.stringContaining('orderByNumber'), { number: 'MNT-2026-000123' }, 'the-token', undefined);
  });

  it("keeps only a seller's products at or under their threshold when asked lowOnly, counting them either way", async () => {
    const row = (name: string, quantityAvailable: number) => ({
      node: {
        id: name,
        name,
        priceCents: 500,
        unit: 'LB',
        listed: true,
        available: true,
        inventory: { quantityOnHand: quantityAvailable, quantityReserved: 0, quantityAvailable, lowStockThreshold: 5 },
      },
    });
    const { gateway } = fakeGateway(async () => ({ data: { me: { products: { totalCount: 2, edges: [row('Pargo', 3), row('Corvina', 40)] } } } }));
    const toolbox = new MarketToolbox(gateway);
    const seller = { token: 't', role: Role.SELLER };
    const low = await toolbox.run('seller_stock', { lowOnly: true }, seller);
    expect(low).toMatchObject({ ok: true, data: { totalCount: 2, lowCount: 1, products: [{ name: 'Pargo', low: true, quantityAvailable: 3 }] } });
    const all = await toolbox.run('seller_stock', {}, seller);
    expect(all.ok && (all.data.products as { name: string }[]).map((p) => p.name)).toEqual(['Pargo', 'Corvina']);
  });

  it("passes on the gateway's refusal and its unavailability as outcomes, never as exceptions", async () => {
    const refusing = new MarketToolbox(
      fakeGateway(async () => ({ data: null, errors: [{ message: 'Access token revoked', extensions: { code: 'UNAUTHENTICATED' } }] })).gateway,
    );
    expect(await refusing.run('my_orders', {}, { token: 't', role: Role.CLIENT })).toEqual({
      ok: false,
      tool: 'my_orders',
      error: { code: 'UNAUTHENTICATED', message: 'Access token revoked' },
    });
    const down = new MarketToolbox(
      fakeGateway(async () => {
        throw new GatewayUnavailableError('no answer within 8000 ms');
      }).gateway,
    );
    expect(await down.run('search_products', { query: 'pargo' }, { token: 't', role: Role.CLIENT })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
