// In production no secret has a fallback: a service without them refuses to start and names what is missing.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

function startInProduction(entry: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0', ESPIGON_DOTENV: 'off', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('production configuration', () => {
  it('users refuses to start without its database, Redis and keys, naming each', () => {
    const run = startInProduction('subgraphs/users/src/index.ts');
    expect(run.status).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_PUBLIC_KEY', 'JWT_PRIVATE_KEY']) expect(run.stderr).toContain(`${name}: missing`);
  });

  it('catalog refuses to start without the internal service credential', () => {
    const run = startInProduction('subgraphs/catalog/src/index.ts', {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      REDIS_URL: 'redis://127.0.0.1:9',
      JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('INTERNAL_SERVICE_TOKEN: missing');
    expect(run.stderr).not.toContain('DATABASE_URL');
  });

  it('the gateway refuses to start without the credential it presents to the subgraphs, or the key and Redis that check WebSocket tokens', () => {
    const run = startInProduction('gateway/src/index.ts');
    expect(run.status).toBe(1);
    for (const name of ['INTERNAL_SERVICE_TOKEN', 'JWT_PUBLIC_KEY', 'REDIS_URL']) expect(run.stderr).toContain(`${name}: missing`);
  });

  it('payments refuses to start without Stripe, its webhook secret and the key of partner secrets', () => {
    const run = startInProduction('subgraphs/payments/src/index.ts', {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      REDIS_URL: 'redis://127.0.0.1:9',
      JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----',
      INTERNAL_SERVICE_TOKEN: 'x'.repeat(40),
    });
    expect(run.status).toBe(1);
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'PARTNER_SECRETS_KEY']) expect(run.stderr).toContain(`${name}: missing`);
  });

  it('npm start names LOG_LEVEL when it is not a level', () => {
    const run = startInProduction('scripts/start-market.ts', {
      NODE_ENV: 'development',
      LOG_LEVEL: 'verbose',
      DATA_DIR: '/nonexistent/never-created',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('LOG_LEVEL: invalid');
  });

  it('rejects a malformed value with its name, whatever the environment', () => {
    const run = startInProduction('subgraphs/users/src/index.ts', { NODE_ENV: 'development', PORT: 'cuarenta', REDIS_URL: 'http://x' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PORT: invalid/);
    expect(run.stderr).toMatch(/REDIS_URL: invalid/);
  });
});
