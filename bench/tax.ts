// `npm run bench:tax`: what the gateway costs. The same single-subgraph query sent to the catalog subgraph directly
// and through our gateway (with and without in-flight deduplication), alternating runs.
import { join } from 'node:path';
import { spawnGateway } from '../e2e/support/processes';
import { alternatingRuns, benchRequire, expectData, freePort, median, runBenchmark, startStack } from './support/stack';

const QUERY = JSON.stringify({ query: '{ categories { id name slug subcategories { id name slug } } }' });
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function main(): Promise<void> {
  benchRequire('autocannon');
  const stack = await startStack(['users', 'catalog']);
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const ours = await spawnGateway(stack.gatewayEnv(await freePort()), join(stack.dataDir, 'gateway.log'));
    stops.push(ours.stop);
    const plain = await spawnGateway(
      { ...stack.gatewayEnv(await freePort()), SUBGRAPH_DEDUPLICATION: 'false' },
      join(stack.dataDir, 'gateway-plain.log'),
    );
    stops.push(plain.stop);
    const catalog = stack.subgraphs.catalog;
    const targets = [
      { name: 'catalog subgraph, directly', url: catalog.url, pid: catalog.child.pid! },
      { name: 'through the gateway', url: ours.gatewayUrl, pid: ours.child.pid! },
      { name: 'through the gateway, no deduplication', url: plain.gatewayUrl, pid: plain.child.pid! },
    ];
    const answers = await Promise.all(targets.map(async (t) => JSON.stringify(await expectData(t.url, QUERY))));
    if (new Set(answers).size !== 1) throw new Error('the gateway and the subgraph answer differently');
    const results = await alternatingRuns(targets, QUERY, {
      rounds: ROUNDS,
      seconds: SECONDS,
      connections: CONNECTIONS,
      watch: (t) => ({ gateway: t.pid, catalog: catalog.child.pid! }),
    });
    const direct = median(results.get(targets[0].name)!.map((r) => r.rps));
    console.log(
      `\n{ categories { … subcategories { … } } }, ${CONNECTIONS} connections, ${SECONDS} s runs, ${ROUNDS} rounds; Node ${process.version}\n`,
    );
    console.log('| path | RPS (runs) | p50 ms | p99 ms | ÷ direct (median RPS) |');
    console.log('|---|---|---|---|---|');
    for (const t of targets) {
      const rs = results.get(t.name)!;
      const rps = median(rs.map((r) => r.rps));
      console.log(
        `| ${t.name} | ${rs.map((r) => r.rps.toFixed(0)).join(', ')} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${(rps / direct).toFixed(2)} |`,
      );
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    await stack.stop();
  }
}

runBenchmark(main);
