// Benchmarks for the README: start-up to first answer, memory of the running stack, latency of common operations.
// `npm run bench` (embedded PGlite by default; set DATABASE_URL and REDIS_URL to measure on PostgreSQL and Redis).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateProductMutation } from '../e2e/operations/catalog.operations';
import { AddToCartMutation, CheckoutMutation } from '../e2e/operations/orders.operations';
import { LoginMutation, MeQuery, RegisterMutation } from '../e2e/operations/users.operations';
import { ok } from '../e2e/support/client';
import { spawnMarket } from '../e2e/support/processes';
import { createDatabase, dropDatabase, deleteRedisKeys, uniqueName } from '../e2e/support/test-resources';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';

const rssMiB = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeMany(label: string, n: number, run: () => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return `${label}: n=${n} p50=${percentile(samples, 50).toFixed(1)} ms p95=${percentile(samples, 95).toFixed(1)} ms`;
}

/** A checkout of 2 sellers × 3 lines (the cart filled beforehand, outside the timing): saga, reservation, snapshots. */
async function benchCheckout(url: string): Promise<string> {
  const sellers = demoAccounts.filter((a) => a.role === 'SELLER').slice(0, 2);
  const productIds: string[] = [];
  for (const seller of sellers) {
    const { login } = await ok(LoginMutation, { email: seller.email, password: seller.password }, { url });
    for (let i = 0; i < 3; i++) {
      const input = {
        name: `Pesca de banco ${i}`,
        priceCents: 500 + i,
        unit: 'KG' as const,
        subcategoryId: '6f1c7a1e-0002-4000-8000-000000000008',
        quantityOnHand: 1_000_000,
      };
      productIds.push((await ok(CreateProductMutation, { input }, { url, token: login.accessToken })).createProduct.id);
    }
  }
  const { register } = await ok(
    RegisterMutation,
    {
      input: { email: `bench.${Date.now()}@example.ec`, password: 'Bench-checkout-2026', name: 'Cliente de prueba', role: 'CLIENT' },
    },
    { url },
  );
  const token = register.accessToken;
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    for (const productId of productIds) await ok(AddToCartMutation, { productId, quantity: 1 }, { url, token });
    const start = performance.now();
    const { checkout } = await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { url, token });
    samples.push(performance.now() - start);
    if (checkout.length !== 2) throw new Error('expected two orders');
  }
  samples.sort((a, b) => a - b);
  return `mutation checkout, 2 sellers × 3 lines (orders -> catalog reservation): n=100 p50=${percentile(samples, 50).toFixed(1)} ms p95=${percentile(samples, 95).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'espigon-bench-'));
  const real = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  const database = real ? uniqueName('espigon_bench') : undefined;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, GATEWAY_PORT: '0', SUBGRAPH_PORTS: 'auto', LOG_LEVEL: 'warn' };
  if (real) Object.assign(env, { DATABASE_URL: await createDatabase(database!), REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `${database}:` });
  const lines: string[] = [`mode: ${real ? 'PostgreSQL + Redis' : 'embedded PGlite, in-process pub/sub'}`];
  try {
    const started = performance.now();
    const market = await spawnMarket({ ...env, LOG_LEVEL: 'info' }, join(dataDir, 'bench.log'));
    const seller = demoAccounts.find((a) => a.role === 'SELLER')!;
    const url = market.gatewayUrl;
    const { login } = await ok(LoginMutation, { email: seller.email, password: seller.password }, { url });
    lines.push(`start-up to first answer (fresh data folder, migrations + seed): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    lines.push(`memory of the running stack (RSS, one process): ${rssMiB(market.child.pid!).toFixed(0)} MiB`);
    lines.push(await timeMany('query me (gateway -> users)', 300, () => ok(MeQuery, {}, { url, token: login.accessToken })));
    lines.push(
      await timeMany('mutation login (argon2id verify)', 30, () =>
        ok(LoginMutation, { email: seller.email, password: seller.password }, { url, ip: `2001:db8::${Math.random().toString(16).slice(2, 6)}` }),
      ),
    );
    const browse = `query Browse($search: String) {
      products(first: 20, filter: { search: $search, availableOnly: true }) {
        totalCount edges { node { id name priceCents seller { name } subcategory { name category { name } } inventory { quantityAvailable } } }
      }
    }`;
    lines.push(await timeMany('products(first: 20) with seller, category, stock (gateway -> catalog -> users)', 200, () => ok(browse, {}, { url })));
    lines.push(await timeMany('products search "camarones" (Spanish full text)', 200, () => ok(browse, { search: 'camarones' }, { url })));
    lines.push(await benchCheckout(url));
    lines.push(`memory after the runs (RSS): ${rssMiB(market.child.pid!).toFixed(0)} MiB`);
    await market.stop();
  } finally {
    if (database) {
      await dropDatabase(database);
      await deleteRedisKeys(`${database}:`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
