// Ordinary mistakes get 4xx answers with a stable code, subgraph errors keep their meaning through the gateway, and a
// subgraph that is down, slow or failing costs only its own fields.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LoginMutation } from './operations/users.operations';
import { demo, execute, gatewayUrl, ok } from './support/client';
import { spawnGateway, type ChildService } from './support/processes';

async function post(body: string, headers: Record<string, string> = {}, url = gatewayUrl()) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
}

describe('what a client sends wrong is a 4xx with a code', () => {
  it.each([
    ['a syntax error', { query: '{ me ' }, 'GRAPHQL_PARSE_FAILED'],
    ['several operations without operationName', { query: 'query A { me { id } } query B { me { id } }' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['an unknown operationName', { query: 'query A { me { id } }', operationName: 'Z' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['a subscription over HTTP', { query: 'subscription { orderCreated { id } }' }, undefined],
    ['a variable of the wrong type', { query: 'query($n: Int) { products(first: $n) { totalCount } }', variables: { n: 'x' } }, 'BAD_USER_INPUT'],
    ['a missing required variable', { query: 'query($id: ID!) { product(id: $id) { id } }' }, 'BAD_USER_INPUT'],
    ['variables as a string', { query: '{ me { id } }', variables: '{}' }, 'BAD_REQUEST'],
  ])('%s', async (_name, body, code) => {
    const result = await post(JSON.stringify(body));
    expect(result.status).toBe(400);
    const error = result.json().errors[0];
    if (code) expect(error.extensions.code).toBe(code);
    else expect(['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions.code);
    expect(result.text).not.toMatch(/stacktrace|node_modules|at [A-Za-z.]+ \(/);
  });

  it.each([
    ['malformed JSON', '{bad json', {}, 400],
    ['a 5 MB body', JSON.stringify({ query: '{ me { id } }', padding: 'x'.repeat(5 * 1024 * 1024) }), {}, 413],
    ['a JSON string as the body', '"{ me { id } }"', {}, 400],
  ])('%s is answered in JSON, never an HTML stack page', async (_name, body, headers, status) => {
    const result = await post(body, headers);
    expect(result.status).toBe(status);
    expect(result.contentType).toMatch(/^application\/json/);
    expect(result.json().errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(result.text).not.toMatch(/<pre>|stack|node_modules/i);
  });

  it('refuses a wrong content type (CSRF prevention) with 400', async () => {
    const response = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' });
    expect(response.status).toBe(400);
  });

  it('checks a DateTime inline or in a variable before any subgraph sees it, naming the field', async () => {
    const rosa = demo('rosa@espigon.ec');
    const { accessToken } = (await ok(LoginMutation, { email: rosa.email, password: rosa.password })).login;
    const input = 'name: "Pargo rojo", priceCents: 900, unit: KG, subcategoryId: "6f1c7a1e-0002-4000-8000-000000000001", quantityOnHand: 3';
    for (const caughtAt of ['ayer', '2026-13-45']) {
      const inline = await execute(`mutation { createProduct(input: { ${input}, caughtAt: "${caughtAt}" }) { id } }`, undefined, {
        token: accessToken,
      });
      const variable = await execute(
        `mutation($at: DateTime) { createProduct(input: { ${input}, caughtAt: $at }) { id } }`,
        { at: caughtAt },
        { token: accessToken },
      );
      for (const result of [inline, variable]) {
        expect(result.status).toBe(400);
        expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.caughtAt' });
        expect(result.errors?.[0].message).toMatch(/^input\.caughtAt is not a valid DateTime/);
      }
    }
  });

  it('refuses NUL bytes and over-long strings in any input, inline or variable', async () => {
    const nul = await execute('query($s: String) { products(filter: { search: $s }) { totalCount } }', { s: 'at\u0000un' });
    expect(nul.status).toBe(400);
    expect(nul.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const inline = await execute('{ products(filter: { search: "at\\u0000un" }) { totalCount } }');
    expect(inline.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const long = await execute('mutation($e: String!) { login(email: $e, password: "x") { accessToken } }', { e: `${'a'.repeat(100_000)}@x.ec` });
    expect(long.status).toBe(400);
    expect(long.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('logs a refused request once, at info, with its request id', async () => {
    const requestId = `refused-${randomUUID()}`;
    expect((await post(JSON.stringify({ query: '{ me ' }), { 'x-request-id': requestId })).status).toBe(400);
    const logFile = join(process.env.ESPIGON_TEST_DATA_DIR!, 'market.log');
    let lines: { level: string; service: string; status?: number; errorCodes?: string[] }[] = [];
    for (let attempt = 0; attempt < 50 && lines.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lines = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => line.includes(requestId))
        .map((line) => JSON.parse(line));
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', service: 'gateway', status: 400, errorCodes: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('replaces a request id that is not one', async () => {
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'x'.repeat(500) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    const page = await fetch(gatewayUrl(), { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });
});

type Behaviour = 'graphql-error-400' | 'graphql-error-200' | 'http-500' | 'hang' | 'html-502';

describe('a subgraph that refuses, fails, hangs or is down', () => {
  let gateway: ChildService;
  let fake: http.Server;
  let behaviour: Behaviour = 'graphql-error-400';
  let token: string;
  const productQuery = '{ me { name } product(id: "6f1c7a1e-0003-4000-8000-000000000001") { name } }';

  beforeAll(async () => {
    // stands in for the catalog subgraph
    fake = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (behaviour === 'hang') return; // never answers
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (behaviour === 'graphql-error-400') {
          json(400, { errors: [{ message: 'name must have between 2 and 120 characters', extensions: { code: 'BAD_USER_INPUT', field: 'name' } }] });
        } else if (behaviour === 'graphql-error-200') {
          json(200, { data: { product: null }, errors: [{ message: 'Not yours', path: ['product'], extensions: { code: 'FORBIDDEN' } }] });
        } else if (behaviour === 'http-500') {
          json(500, { errors: [{ message: 'relation "catalog.product" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        } else {
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html>Bad gateway at 10.0.0.7</html>');
        }
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const subgraphs = JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>;
    gateway = await spawnGateway(
      {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: process.env.ESPIGON_TEST_DATA_DIR,
        SUBGRAPH_URL_USERS: subgraphs.users,
        SUBGRAPH_URL_CATALOG: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`,
        SUBGRAPH_TIMEOUT_MS: '500',
      },
      join(process.env.ESPIGON_TEST_DATA_DIR!, 'faulty-catalog-gateway.log'),
    );
    const carmen = demo('carmen@example.ec');
    token = (await ok(LoginMutation, { email: carmen.email, password: carmen.password })).login.accessToken;
  });

  afterAll(async () => {
    await gateway?.stop();
    fake?.closeAllConnections();
    await new Promise((resolve) => fake?.close(resolve));
  });

  const ask = () =>
    execute<{ me: { name: string } | null; product: { name: string } | null }, undefined>(productQuery, undefined, {
      url: gateway.gatewayUrl,
      token,
    });

  it("passes a subgraph's 400 refusal through with its code and field", async () => {
    behaviour = 'graphql-error-400';
    const result = await ask();
    expect(result.status).toBe(200);
    expect(result.data?.me).toEqual({ name: 'Carmen Zambrano' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'name must have between 2 and 120 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });

  it("passes a subgraph's 200 error through with its code and path", async () => {
    behaviour = 'graphql-error-200';
    const result = await ask();
    expect(result.errors?.[0]).toMatchObject({ path: ['product'], extensions: { code: 'FORBIDDEN' } });
  });

  it.each<Behaviour>(['http-500', 'html-502', 'hang'])('turns %s into SERVICE_UNAVAILABLE on its own fields, keeping the rest', async (mode) => {
    behaviour = mode;
    const result = await ask();
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ me: { name: 'Carmen Zambrano' }, product: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(result)).not.toMatch(/relation|10\.0\.0\.7|127\.0\.0\.1|serviceName|stacktrace/);
  });

  it('turns a subgraph that is down into SERVICE_UNAVAILABLE on its own fields', async () => {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
    const result = await ask();
    expect(result.data).toEqual({ me: { name: 'Carmen Zambrano' }, product: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });
});
