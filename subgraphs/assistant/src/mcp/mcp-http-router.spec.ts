// The MCP router's answers that the shared test market cannot show (its CORS_ORIGINS is empty and its Redis up): an
// origin list, a revocation store that is down, and a gateway behind a TLS proxy. On a loopback port, no gateway behind.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { AccessTokenVerifier, signAccessToken } from '@espigon/kit/auth/access-token';
import { createLogger } from '@espigon/kit/logger';
import { createHttpApp, finishHttpApp } from '@espigon/kit/server/http-app';
import { mcpHttpRouter } from './mcp-http-router';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const token = signAccessToken(
  privateKey,
  { userId: randomUUID(), role: 'CLIENT', sessionId: randomUUID() },
  { issuer: 'espigon-users', audience: 'espigon-api', ttlSeconds: 300 },
);
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'spec', version: '1' } },
};

let denylistDown = false;
let server: Server;
let base: string;

beforeAll(async () => {
  const logger = createLogger('mcp-spec', 'silent');
  const denylist = {
    add: async () => undefined,
    has: async () => {
      if (denylistDown) throw new Error('store unreachable');
      return false;
    },
  };
  const app = createHttpApp({ logger, trustProxy: 'loopback' });
  app.use(
    mcpHttpRouter({
      verifier: new AccessTokenVerifier(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'espigon-users', 'espigon-api', denylist),
      graphqlUrl: () => 'http://127.0.0.1:9/graphql',
      timeoutMs: 1000,
      allowedOrigins: ['https://espigon.ec'],
      logger,
    }),
  );
  finishHttpApp(app, logger);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

afterEach(() => {
  denylistDown = false;
});

const post = (headers: Record<string, string>) =>
  fetch(`${base}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(initialize),
  });

describe('with CORS_ORIGINS set', () => {
  it('takes requests from its origins and from clients that send none, refusing every other (localhost too)', async () => {
    expect((await post({})).status).toBe(200);
    const listed = await post({ origin: 'https://espigon.ec' });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://espigon.ec');
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'http://localhost:6274' })).status).toBe(403);
  });

  it('answers a preflight from its origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/mcp`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, mcp-protocol-version',
        },
      });
    const granted = await preflight('https://espigon.ec');
    expect(granted.status).toBe(204);
    expect(granted.headers.get('access-control-allow-headers')).toBe('authorization, content-type, mcp-protocol-version');
    expect((await preflight('https://evil.example')).status).toBe(403);
  });
});

it('answers 503 (retry), not 401 (sign in again), when logouts cannot be checked', async () => {
  denylistDown = true;
  const response = await post({});
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(response.headers.get('www-authenticate')).toBeNull();
});

it('names the public address in its challenge and metadata behind a TLS proxy it trusts', async () => {
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mercado.espigon.ec' };
  const challenge = await fetch(`${base}/mcp`, { method: 'POST', headers: forwarded });
  expect(challenge.headers.get('www-authenticate')).toBe(
    'Bearer resource_metadata="https://mercado.espigon.ec/.well-known/oauth-protected-resource/mcp"',
  );
  const metadata = (await (await fetch(`${base}/.well-known/oauth-protected-resource/mcp`, { headers: forwarded })).json()) as { resource: string };
  expect(metadata.resource).toBe('https://mercado.espigon.ec/mcp');
});
