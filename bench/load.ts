// `npm run bench:load`: the catalog page under 50 connections for 30 s through `npm start` (the one-command market:
// embedded PGlite by default, or PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set), with the cores it used.
import { benchRequire, cpuSeconds, expectData, fillCatalog, load, rssMiB, runBenchmark, withMarket } from './support/stack';

const CATALOG_PAGE = `{ products(first: 50) { edges { node { id name priceCents seller { name } inventory { quantityAvailable } subcategory { name category { name } } } } } }`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function main(): Promise<void> {
  benchRequire('autocannon');
  const env: NodeJS.ProcessEnv = process.env.MARKET_THREADS ? { MARKET_THREADS: process.env.MARKET_THREADS } : {};
  const started = performance.now();
  await withMarket(env, async (market, real) => {
    const firstAnswer = (performance.now() - started) / 1000;
    const pid = market.child.pid!;
    const url = market.gatewayUrl;
    await fillCatalog(url, 60);
    const body = JSON.stringify({ query: CATALOG_PAGE });
    await expectData(url, body);
    await load(url, body, { connections: CONNECTIONS, seconds: 3, watch: {} });
    const rssBefore = rssMiB(pid);
    const cpuBefore = cpuSeconds(pid);
    const wallStart = performance.now();
    const result = await load(url, body, { connections: CONNECTIONS, seconds: SECONDS, watch: {} });
    const cores = (cpuSeconds(pid) - cpuBefore) / ((performance.now() - wallStart) / 1000);
    if (result.failures) throw new Error(`${result.failures} failed requests`);
    console.log(
      `\nnpm start (${real ? 'PostgreSQL + Redis' : 'embedded PGlite'}, MARKET_THREADS=${env.MARKET_THREADS ?? 'on'}), ${CONNECTIONS} connections, ${SECONDS} s, Node ${process.version}`,
    );
    console.log('| RPS | p50 ms | p99 ms | cores used | RSS MiB (before → after) | start-up to first answer |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| ${result.rps.toFixed(0)} | ${result.p50} | ${result.p99} | ${cores.toFixed(2)} | ${rssBefore.toFixed(0)} → ${rssMiB(pid).toFixed(0)} | ${firstAnswer.toFixed(1)} s |`,
    );
  });
}

runBenchmark(main);
