// With Redis unreachable the market stays up and says so: not ready, logins still braked, tokens not trusted blindly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { LoginMutation, MeQuery, RegisterMutation } from './operations/users.operations';
import { errorCode, execute, ok, uniqueEmail } from './support/client';
import { spawnMarket, type ChildService } from './support/processes';
import { createDatabase, dropDatabase, uniqueName } from './support/test-resources';

describe('Redis unreachable', () => {
  const database = uniqueName('espigon_outage');
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-outage-'));
  let market: ChildService;

  beforeAll(async () => {
    market = await spawnMarket(
      {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: await createDatabase(database),
        REDIS_URL: 'redis://127.0.0.1:9/0', // the discard port: nothing listens there
        DATA_DIR: dataDir,
        GATEWAY_PORT: '0',
        SUBGRAPH_PORTS: 'auto',
        SEED_DEMO_DATA: 'false',
      },
      join(dataDir, 'market.log'),
    );
  });

  afterAll(async () => {
    await market?.stop();
    await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports not ready, naming Redis', async () => {
    const users = await fetch(new URL('/ready', market.subgraphUrls.users));
    expect(users.status).toBe(503);
    expect(await users.json()).toMatchObject({ checks: { database: 'ok', redis: 'unavailable' } });
    expect((await fetch(new URL('/ready', market.gatewayUrl))).status).toBe(503);
    expect((await fetch(new URL('/health', market.gatewayUrl))).status).toBe(200);
  });

  it('still registers and logs in (rate limits fall back to memory)', async () => {
    const url = market.gatewayUrl;
    const email = uniqueEmail('outage');
    await ok(RegisterMutation, { input: { email, password: 'Sin-Redis-2026', name: 'Sin Redis', role: 'CLIENT' } }, { url });
    expect((await ok(LoginMutation, { email, password: 'Sin-Redis-2026' }, { url })).login.user.role).toBe('CLIENT');
    for (let i = 0; i < 5; i++) await execute(LoginMutation, { email, password: `wrong-${i}-password` }, { url });
    expect(errorCode(await execute(LoginMutation, { email, password: 'Sin-Redis-2026' }, { url }))).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses to trust a token it cannot check against logouts, with a retryable code', async () => {
    const privateKey = readFileSync(join(dataDir, 'keys', 'jwt-es256.private.pem'), 'utf8');
    const token = jwt.sign({ role: 'CLIENT' }, privateKey, {
      algorithm: 'ES256',
      header: { alg: 'ES256', typ: 'at+jwt' },
      subject: '6f1c7a1e-0000-4000-8000-000000000021',
      issuer: 'espigon-users',
      audience: 'espigon-api',
      jwtid: 'outage-test',
      expiresIn: 300,
    });
    const result = await execute(MeQuery, {}, { url: market.gatewayUrl, token });
    expect(result.status).toBe(200);
    expect(errorCode(result)).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|ioredis|max retries/i);
  });
});
