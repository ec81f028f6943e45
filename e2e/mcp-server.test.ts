// The market's MCP server, through the MCP SDK's own client: over Streamable HTTP at the gateway's /mcp (both protocol
// eras the SDK speaks) and over stdio (`npm run mcp`'s entry, spawned); then the HTTP answers an MCP client builds on
// (401 and 403 challenges, the Protected Resource Metadata, Origin checks), read raw.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AddToCartMutation, CheckoutMutation } from './operations/orders.operations';
import { LogoutMutation } from './operations/users.operations';
import { gatewayUrl, ok } from './support/client';
import { listProduct, loginAdmin, registerPerson, type Person } from './support/market-people';

const repoRoot = resolve(__dirname, '..');
const mcpUrl = () => new URL('/mcp', gatewayUrl());
const metadataUrl = () => new URL('/.well-known/oauth-protected-resource/mcp', gatewayUrl()).href;

let seller: Person;
let buyer: Person;
let otherBuyer: Person;
let admin: Person;
/** The seller's product, named so the catalog search finds it, and the buyer's order of it. */
let productId: string;
let orderNumber: string;

beforeAll(async () => {
  [seller, buyer, otherBuyer, admin] = await Promise.all([
    registerPerson('SELLER', 'Jacinto Pin'),
    registerPerson('CLIENT', 'Ana Vera'),
    registerPerson('CLIENT', 'Luis Extraño'),
    loginAdmin(),
  ]);
  productId = await listProduct(seller, 12, 640, 'Camarón pomada del Jaramijó');
  await ok(AddToCartMutation, { productId, quantity: 2 }, { token: buyer.token });
  const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;
  orderNumber = order.number;
});

/** An SDK client connected over Streamable HTTP with the person's bearer token. */
async function httpClient(who: Person, mode: 'legacy' | 'auto' = 'legacy'): Promise<Client> {
  const client = new Client({ name: 'espigon-e2e', version: '1.0.0' }, { versionNegotiation: { mode } });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl(), { requestInit: { headers: { authorization: `Bearer ${who.token}` } } }));
  return client;
}

const structured = (result: CallToolResult) => result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const text = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

describe.each([
  ['2025 (initialize)', 'legacy'],
  ['2026-07-28 (negotiated)', 'auto'],
] as const)('over Streamable HTTP, protocol %s', (_era, mode) => {
  let clients: Client[] = [];
  const connect = async (who: Person) => {
    const client = await httpClient(who, mode);
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    await Promise.all(clients.map((client) => client.close()));
    clients = [];
  });

  it('offers each role its tools only, every one with an input schema', async () => {
    const names = async (who: Person) => {
      const { tools } = await (await connect(who)).listTools();
      for (const tool of tools) {
        expect(tool.inputSchema).toMatchObject({ type: 'object' });
        expect(tool.description).toBeTruthy();
        expect(tool.annotations).toMatchObject({ readOnlyHint: true });
      }
      return tools.map((tool) => tool.name);
    };
    expect(await names(buyer)).toEqual(['search_products', 'get_product', 'my_orders', 'order_status']);
    expect(await names(seller)).toEqual(['search_products', 'get_product', 'order_status', 'seller_stock']);
    expect(await names(admin)).toEqual(['search_products', 'get_product', 'order_status', 'market_summary']);
    const { tools } = await (await connect(buyer)).listTools();
    expect(tools.find((tool) => tool.name === 'order_status')!.inputSchema).toMatchObject({
      required: ['number'],
      properties: { number: { type: 'string' } },
    });
  });

  it('searches the catalog: real products as structured content, the same as JSON text', async () => {
    const result = (await (await connect(buyer)).callTool({ name: 'search_products', arguments: { query: 'camarón' } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const { totalCount, products } = structured(result);
    expect(totalCount).toBeGreaterThan(0);
    expect(products.find((p: { id: string }) => p.id === productId)).toMatchObject({
      name: 'Camarón pomada del Jaramijó',
      priceCents: 640,
      unit: 'LB',
      quantityAvailable: 10,
      seller: { id: seller.id, stall: 'Puesto de Jacinto Pin' },
    });
    for (const product of products) expect(`${product.name} ${product.description} ${product.subcategory}`).toMatch(/camar[oó]n/i);
    expect(JSON.parse(text(result))).toEqual(structured(result));
  });

  it("tells a client its own order, and another client's order is NOT_FOUND with nothing of it", async () => {
    const own = (await (await connect(buyer)).callTool({ name: 'order_status', arguments: { number: orderNumber } })) as CallToolResult;
    expect(structured(own).order).toMatchObject({
      number: orderNumber,
      status: 'PENDING',
      items: [{ product: 'Camarón pomada del Jaramijó', quantity: 2 }],
    });
    const foreign = (await (await connect(otherBuyer)).callTool({ name: 'order_status', arguments: { number: orderNumber } })) as CallToolResult;
    expect(foreign.isError).toBe(true);
    expect(structured(foreign)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(text(foreign)).not.toMatch(/Jaramij|Jacinto|PENDING|1280/);
  });

  it('answers bad arguments with a tool error naming the field, and goes on serving', async () => {
    const client = await connect(buyer);
    const bad = (await client.callTool({ name: 'order_status', arguments: { number: 'DROP TABLE orders' } })) as CallToolResult;
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/number: an order number such as MNT-2026-000123/);
    const tooMany = (await client.callTool({ name: 'search_products', arguments: { query: 'pargo', first: 500 } })) as CallToolResult;
    expect(tooMany.isError).toBe(true);
    expect(text(tooMany)).toMatch(/first/);
    const mine = (await client.callTool({ name: 'my_orders', arguments: {} })) as CallToolResult;
    expect(structured(mine).orders.map((o: { number: string }) => o.number)).toEqual([orderNumber]);
  });

  it('refuses a tool of another role with 403 insufficient_scope, which the client reports', async () => {
    const client = await connect(buyer);
    await expect(client.callTool({ name: 'market_summary', arguments: {} })).rejects.toThrow(/Insufficient scope: required "ADMIN"/);
    const summary = (await (await connect(admin)).callTool({ name: 'market_summary', arguments: {} })) as CallToolResult;
    expect(structured(summary).dashboard).toMatchObject({ ordersToday: expect.any(Number) });
  });
});

describe('over stdio (npm run mcp)', () => {
  const entry = ['-r', '@swc-node/register', 'subgraphs/assistant/src/mcp/stdio.ts'];

  it("lists the token's tools and runs one through the gateway", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: entry,
      cwd: repoRoot,
      env: { PATH: process.env.PATH!, ESPIGON_TOKEN: seller.token, ESPIGON_GATEWAY_URL: gatewayUrl() },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'espigon-e2e', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['search_products', 'get_product', 'order_status', 'seller_stock']);
      const stock = (await client.callTool({ name: 'seller_stock', arguments: {} })) as CallToolResult;
      expect(structured(stock).products).toEqual([
        expect.objectContaining({ id: productId, quantityOnHand: 12, quantityReserved: 2, quantityAvailable: 10, low: false }),
      ]);
    } finally {
      await client.close();
    }
  });

  it('stops at once, saying why on stderr, when the gateway refuses the token or none is given', async () => {
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, entry, { cwd: repoRoot, env: { PATH: process.env.PATH, ...env }, timeout: 30_000 }).then(
        () => ({ code: 0, stdout: '', stderr: '' }),
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
    const refused = await run({ ESPIGON_TOKEN: 'not-a-token', ESPIGON_GATEWAY_URL: gatewayUrl() });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/cannot start: the gateway refused ESPIGON_TOKEN: Invalid access token \(UNAUTHENTICATED\)/);
    const missing = await run({ ESPIGON_GATEWAY_URL: gatewayUrl() });
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/ESPIGON_TOKEN: missing/);
  });
});

describe('the HTTP answers', () => {
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(mcpUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify(body),
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('asks for a token with a challenge that points at the metadata document', async () => {
    const response = await post(initialize);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${metadataUrl()}"`);
  });

  it('refuses a bad, an expired and a logged-out token as invalid_token', async () => {
    const privateKey = readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'jwt-es256.private.pem'), 'utf8');
    const expired = jwt.sign(
      { sub: buyer.id, role: 'CLIENT', iss: 'espigon-users', aud: 'espigon-api', jti: randomUUID(), exp: Math.floor(Date.now() / 1000) - 60 },
      privateKey,
      { algorithm: 'ES256', header: { alg: 'ES256', typ: 'at+jwt' } },
    );
    const leaving = await registerPerson('CLIENT', 'Marta Ya-se-fue');
    expect((await post(initialize, bearer(leaving.token))).status).toBe(200);
    await ok(LogoutMutation, {}, { token: leaving.token });
    for (const [token, description] of [
      ['not-a-token', 'Invalid access token'],
      [expired, 'Access token expired'],
      [leaving.token, 'Access token revoked'],
    ]) {
      const response = await post(initialize, bearer(token));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        `Bearer error="invalid_token", error_description="${description}", resource_metadata="${metadataUrl()}"`,
      );
    }
  });

  it("refuses a client's call of the ADMIN tool with 403 insufficient_scope, which ADMIN may make", async () => {
    const call = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'market_summary', arguments: {} } };
    const refused = await post(call, bearer(buyer.token));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", error_description="market_summary is for ADMIN accounts only", scope="ADMIN", resource_metadata="${metadataUrl()}"`,
    );
    const allowed = await post(call, bearer(admin.token));
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/"result":\{"content":/);
  });

  it('serves the Protected Resource Metadata: the resource, bearer tokens in the header, no authorization server', async () => {
    const response = await fetch(metadataUrl());
    expect(response.status).toBe(200);
    const metadata = await response.json();
    expect(metadata).toMatchObject({
      resource: mcpUrl().href,
      resource_name: 'Espigón Marketplace MCP server',
      bearer_methods_supported: ['header'],
      scopes_supported: ['CLIENT', 'SELLER', 'ADMIN'],
      espigon_token_source: { mutation: expect.stringMatching(/^login\(/) },
    });
    expect(metadata).not.toHaveProperty('authorization_servers');
  });

  it("refuses a browser page of another site (Origin), and takes one on this machine's", async () => {
    const foreign = await post(initialize, { ...bearer(buyer.token), origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const local = await post(initialize, { ...bearer(buyer.token), origin: 'http://localhost:6274' });
    expect(local.status).toBe(200);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:6274');
  });

  it('streams events uncompressed, even to a client that accepts gzip', async () => {
    const response = await post(initialize, { ...bearer(buyer.token), 'accept-encoding': 'gzip, br' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toMatch(/^event: message\ndata: \{"result":\{"protocolVersion":"2025-11-25"/m);
  });
});
