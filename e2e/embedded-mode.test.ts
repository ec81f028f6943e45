// `npm start` on a machine with no database and no Redis: the embedded PGlite keeps accounts across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginMutation, MeQuery, RegisterMutation } from './operations/users.operations';
import { ok, uniqueEmail } from './support/client';
import { spawnMarket, type ChildService } from './support/processes';

describe('embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-embedded-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    SUBGRAPH_PORTS: 'auto',
    SEED_DEMO_DATA: 'false',
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
    expect(await market.stop()).toBe(0); // drained and closed cleanly on SIGTERM

    market = await spawnMarket(env, join(dataDir, 'second-run.log'));
    const again = await ok(LoginMutation, { email, password }, { url: market.gatewayUrl });
    expect(again.login.user.id).toBe(first.login.user.id);
    // the signing keys were kept too: a token from before the restart still verifies
    expect((await ok(MeQuery, {}, { url: market.gatewayUrl, token: first.login.accessToken })).me?.id).toBe(first.login.user.id);
  });
});
