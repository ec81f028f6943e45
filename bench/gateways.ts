// `npm run bench:gateways`: our gateway and Hive Gateway side by side on the same supergraph and the same subgraphs
// (users and catalog, each in its own process on PostgreSQL + Redis), alternating runs of the same queries.
import { join } from 'node:path';
import { spawnGateway } from '../e2e/support/processes';
import {
  alternatingRuns,
  benchRequire,
  expectData,
  fillCatalog,
  freePort,
  loginToken,
  median,
  runBenchmark,
  spawnChild,
  startStack,
  stopChild,
  waitForData,
} from './support/stack';

const CATALOG_PAGE = `{ products(first: 50) { edges { node { id name priceCents seller { name } inventory { quantityAvailable } subcategory { name category { name } } } } } }`;
const ME = `{ me { id name email role sellerProfile { stallName } } }`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function main(): Promise<void> {
  benchRequire('autocannon');
  const hiveBin = require.resolve('@graphql-hive/gateway/package.json', { paths: [__dirname] }).replace(/package\.json$/, 'dist/bin.js');
  const stack = await startStack(['users', 'catalog']);
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const gateways: { name: string; url: string; pid: number }[] = [];
    const ours = await spawnGateway(stack.gatewayEnv(await freePort()), join(stack.dataDir, 'gateway.log'));
    stops.push(ours.stop);
    gateways.push({ name: 'ours', url: ours.gatewayUrl, pid: ours.child.pid! });
    if (process.env.BENCH_WITHOUT_DEDUP === '1') {
      const plain = await spawnGateway(
        { ...stack.gatewayEnv(await freePort()), SUBGRAPH_DEDUPLICATION: 'false' },
        join(stack.dataDir, 'gateway-plain.log'),
      );
      stops.push(plain.stop);
      gateways.push({ name: 'ours, no deduplication', url: plain.gatewayUrl, pid: plain.child.pid! });
    }
    const hivePort = await freePort();
    const hive = spawnChild(
      process.execPath,
      [
        hiveBin,
        'supergraph',
        stack.supergraphPath,
        '--port',
        String(hivePort),
        '--host',
        '127.0.0.1',
        '--config-path',
        join(__dirname, 'hive', 'gateway.config.mjs'),
      ],
      { PATH: process.env.PATH },
      join(stack.dataDir, 'hive.log'),
    );
    stops.push(() => stopChild(hive));
    gateways.push({ name: 'Hive Gateway', url: `http://127.0.0.1:${hivePort}/graphql`, pid: hive.pid! });

    await fillCatalog(ours.gatewayUrl, 60);
    const token = await loginToken(ours.gatewayUrl, 'SELLER');
    const queries = [
      { name: 'catalog page (50 products: users + catalog)', body: JSON.stringify({ query: CATALOG_PAGE }), token: undefined },
      { name: 'me (users)', body: JSON.stringify({ query: ME }), token },
    ];
    await waitForData(gateways[gateways.length - 1].url, queries[0].body, 60);
    // every gateway answers the same, before anything is timed
    for (const q of queries) {
      const answers = await Promise.all(gateways.map(async (g) => JSON.stringify(await expectData(g.url, q.body, q.token))));
      if (new Set(answers).size !== 1)
        throw new Error(`the gateways answer ${q.name} differently:\n${answers.map((a) => a.slice(0, 300)).join('\n')}`);
    }
    const watch = (pid: number) => ({ gateway: pid, users: stack.subgraphs.users.child.pid!, catalog: stack.subgraphs.catalog.child.pid! });
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s runs, ${ROUNDS} rounds alternating; Node ${process.version}\n`);
    for (const q of queries) {
      const results = await alternatingRuns(gateways, q.body, {
        rounds: ROUNDS,
        seconds: SECONDS,
        connections: CONNECTIONS,
        token: q.token,
        watch: (g) => watch(g.pid),
      });
      console.log(`## ${q.name}`);
      console.log('| gateway | RPS (runs) | p50 ms | p99 ms | CPU ms/request: gateway, catalog, users |');
      console.log('|---|---|---|---|---|');
      for (const g of gateways) {
        const rs = results.get(g.name)!;
        const cpu = (k: string) => median(rs.map((r) => r.cpuMsPerRequest[k])).toFixed(2);
        console.log(
          `| ${g.name} | ${rs.map((r) => r.rps.toFixed(0)).join(', ')} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${cpu('gateway')}, ${cpu('catalog')}, ${cpu('users')} |`,
        );
      }
      const rps = (name: string) => median(results.get(name)!.map((r) => r.rps));
      console.log(`\nours / Hive Gateway (median RPS): ${(rps('ours') / rps('Hive Gateway')).toFixed(2)}×\n`);
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    await stack.stop();
  }
}

runBenchmark(main);
