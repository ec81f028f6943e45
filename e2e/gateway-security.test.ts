// The gateway's guards: operation limits, CSRF, the development IDE and Sandbox, and in production no introspection, no suggestions, masked errors.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { spawnGateway, type ChildService } from './support/processes';
import { execute, gatewayUrl } from './support/client';
import { optionalRedisUrl } from './support/test-resources';

/** Valid, and 14 levels deep: four nested lists of products through their sellers. */
const deepQuery =
  '{ products(first: 1) { edges { node { seller { products(first: 1) { edges { node { seller { products(first: 1) { edges { node { seller { products(first: 1) { totalCount } } } } } } } } } } } } } }';

describe('operation limits (every environment)', () => {
  it('rejects a query nested deeper than 12 levels with 400', async () => {
    const result = await execute(deepQuery);
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.message).join('\n')).toMatch(/^Query depth limit of 12 exceeded, found 14\.$/m);
  });

  it('rejects 100 aliases with 400, __typename included', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `t${i}: __typename`).join(' ');
    const result = await execute(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).toBe('Aliases limit of 15 exceeded, found 100.');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('accepts an ordinary query', async () => {
    const result = await execute('{ me { id } }');
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });

  it('refuses a GET query without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${gatewayUrl()}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('serves a browser the offline GraphQL IDE in development: its files from the gateway, a policy allowing no other origin', async () => {
    const base = new URL(gatewayUrl());
    const home = await fetch(new URL('/', base), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/graphql');
    const response = await fetch(gatewayUrl(), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/^default-src 'none'; script-src 'self'; /);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
    const html = await response.text();
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, path]) => path);
    expect(files).toEqual(['/ide/favicon.ico', '/ide/graphiql.css', '/ide/graphql-ws.js', '/ide/graphiql.js', '/ide/ide-start.js']);
    for (const file of files) {
      const asset = await fetch(new URL(file, base));
      expect([file, asset.status]).toEqual([file, 200]);
    }
    // an API client's GET / is still no page
    expect((await fetch(new URL('/', base))).status).toBe(404);
    expect((await fetch(new URL('/ide/nothing.js', base))).status).toBe(404);
  });

  it('keeps Apollo Sandbox (from its CDN, for browsers online) at /sandbox in development', async () => {
    const sandbox = await fetch(new URL('/sandbox', gatewayUrl()), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(sandbox.status).toBe(302);
    const page = await fetch(new URL(sandbox.headers.get('location')!, gatewayUrl()), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/embeddable-sandbox\.cdn\.apollographql\.com/);
  });

  it('answers a CORS preflight from any origin when none is configured, cached for 10 minutes', async () => {
    const response = await fetch(gatewayUrl(), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('answers health and readiness probes', async () => {
    const base = new URL(gatewayUrl());
    expect((await fetch(new URL('/health', base))).status).toBe(200);
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('production gateway', () => {
  let gateway: ChildService;
  let brokenSubgraph: http.Server;
  let prodUrl: string;

  beforeAll(async () => {
    // A subgraph that fails the way an unguarded one would: SQL, a file path and a stack in the error.
    brokenSubgraph = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            data: null,
            errors: [
              {
                message: 'relation "users.user_account" does not exist at /srv/subgraphs/users/src/modules/user/user.service.ts:42',
                extensions: {
                  code: 'INTERNAL_SERVER_ERROR',
                  stacktrace: ['error: select * from "users"."user_account"', '    at Parser.parseErrorMessage'],
                },
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => brokenSubgraph.listen(0, '127.0.0.1', resolve));
    const port = (brokenSubgraph.address() as AddressInfo).port;
    gateway = await spawnGateway(
      {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        SUBGRAPH_URL_USERS: `http://127.0.0.1:${port}/graphql`,
        INTERNAL_SERVICE_TOKEN: 'a-test-internal-service-token-of-40-chars!',
        // WebSocket connections are authenticated at the gateway: the market's key, the run's Redis (production requires
        // one; on a run without Redis an address where none answers: these tests open no WebSocket)
        JWT_PUBLIC_KEY: readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'jwt-es256.public.pem'), 'utf8'),
        REDIS_URL: optionalRedisUrl() ?? 'redis://127.0.0.1:9',
        REDIS_KEY_PREFIX: process.env.ESPIGON_TEST_REDIS_PREFIX,
        CORS_ORIGINS: 'https://espigon.ec, https://admin.espigon.ec',
      },
      join(process.env.ESPIGON_TEST_DATA_DIR!, 'production-gateway.log'),
    );
    prodUrl = gateway.gatewayUrl;
  });

  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => brokenSubgraph?.close(resolve));
  });

  it('refuses introspection', async () => {
    const result = await execute('{ __schema { types { name } } }', undefined, { url: prodUrl });
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].message).toMatch(/introspection/i);
  });

  it('keeps the operation limits: depth and 100 aliases are 400', async () => {
    expect((await execute(deepQuery, undefined, { url: prodUrl })).status).toBe(400);
    const aliases = Array.from({ length: 100 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await execute(`{ ${aliases} }`, undefined, { url: prodUrl })).status).toBe(400);
  });

  it('gives no field suggestion for a typo', async () => {
    const result = await execute('{ mee }', undefined, { url: prodUrl });
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).not.toMatch(/did you mean/i);
    expect(result.errors?.[0].message).not.toMatch(/\bme\b/);
  });

  it('masks a subgraph error: no stack, service name, SQL or path reaches the client', async () => {
    const result = await execute('{ me { id } }', undefined, { url: prodUrl });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = JSON.stringify(result);
    for (const leak of ['stacktrace', 'serviceName', 'user_account', '/srv/', 'select']) expect(text).not.toContain(leak);
  });

  it('reports an unreachable subgraph as SERVICE_UNAVAILABLE, naming no address', async () => {
    await new Promise((resolve) => brokenSubgraph.close(resolve));
    brokenSubgraph.closeAllConnections();
    const result = await execute('{ me { id } }', undefined, { url: prodUrl });
    expect(result.status).toBe(200);
    expect(result.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch failed/);
  });

  it('grants CORS to the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(prodUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const granted = await preflight('https://admin.espigon.ec');
    expect(granted.status).toBe(204);
    expect(granted.headers.get('access-control-allow-origin')).toBe('https://admin.espigon.ec');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves no landing page, IDE or Sandbox', async () => {
    const response = await fetch(prodUrl, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/sandbox|graphiql|<html/i);
    for (const path of ['/', '/sandbox', '/ide/graphiql.js', '/ide/ide-start.js']) {
      const other = await fetch(new URL(path, prodUrl), { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect([path, other.status]).toEqual([path, 404]);
    }
  });
});
