// The gateway's HTTP layer as clients meet it: answers compressed for clients that accept gzip or brotli (and plain for
// those that do not), WebSocket upgrades untouched, and the request id echoed on every answer.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { print } from 'graphql';
import WebSocket from 'ws';
import { CategoriesQuery } from './operations/catalog.operations';
import { gatewayUrl } from './support/client';
import { wsUrl } from './support/live-client';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request through node:http, which neither asks for nor decodes compression unless told (fetch does both). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, gatewayUrl()), { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const categories = JSON.stringify({ query: print(CategoriesQuery) });
const postCategories = (headers: Record<string, string> = {}) =>
  raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: categories });

describe('compressed answers', () => {
  let plain: RawAnswer;
  beforeAll(async () => {
    plain = await postCategories();
  });

  it('answers plain JSON to a client that does not ask for compression', () => {
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // over the 1 kB below which nothing is compressed: the other answers differ by encoding only
    expect(plain.body.length).toBeGreaterThan(1024);
    // the demo categories (other test files may add one of their own)
    const names = JSON.parse(plain.body.toString('utf8')).data.categories.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Mariscos', 'Moluscos', 'Pescados', 'Preparados']));
  });

  it('gzips the answer for a client that accepts gzip', async () => {
    const answer = await postCategories({ 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(gunzipSync(answer.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('uses brotli for a client that accepts only brotli', async () => {
    const answer = await postCategories({ 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(answer.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('compresses the IDE files too (development)', async () => {
    const script = await raw('/ide/graphiql.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(script.body).toString('utf8')).toContain('renderYogaGraphiQL');
  });

  it('leaves the graphql-ws upgrade alone: 101, no encoding, plain protocol frames', async () => {
    const socket = new WebSocket(wsUrl(gatewayUrl()), 'graphql-transport-ws', { headers: { 'accept-encoding': 'gzip, br' } });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const upgraded = new Promise<http.IncomingMessage>((resolve) => socket.once('upgrade', resolve));
    // 'open' follows 'upgrade' in the same tick: both are listened for before either comes
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const upgrade = await upgraded;
    expect(upgrade.statusCode).toBe(101);
    expect(upgrade.headers['content-encoding']).toBeUndefined();
    // no token: the gateway reads the frame and refuses it as the protocol says
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(await closed).toBe(4401);
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id on an answer, a refusal, a probe and a compressed answer', async () => {
    const id = (name: string) => `echo-${name}-${process.pid}`;
    const answer = await postCategories({ 'x-request-id': id('answer') });
    expect(answer.headers['x-request-id']).toBe(id('answer'));
    const refusal = await raw('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id('refusal') },
      body: '{"query":"{ me "}',
    });
    expect(refusal.status).toBe(400);
    expect(refusal.headers['x-request-id']).toBe(id('refusal'));
    const probe = await raw('/health', { headers: { 'x-request-id': id('probe') } });
    expect(probe.headers['x-request-id']).toBe(id('probe'));
    const compressed = await postCategories({ 'x-request-id': id('gzip'), 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers['x-request-id']).toBe(id('gzip'));
  });

  it('gives an answer without one a fresh id', async () => {
    const [first, second] = await Promise.all([postCategories(), postCategories()]);
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });
});
