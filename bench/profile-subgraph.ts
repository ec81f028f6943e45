// `npm run bench:profile -- <subgraph>`: where a subgraph's CPU goes on the catalog page, with no gateway in between.
// Starts users and catalog in processes of their own (the profiled one under `node --cpu-prof`), sends the exact fetch
// the gateway's query plan sends it for the catalog page, and prints the self time by function and by package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillCatalog, freePort, load, runBenchmark, startStack } from './support/stack';
import { spawnGateway } from '../e2e/support/processes';

/** What the gateway sends each subgraph for `{ products(first: 50) { … seller { name } … } }`. */
const fetches: Record<string, (ids: string[]) => string> = {
  catalog: () =>
    JSON.stringify({
      query:
        '{products(first:50){edges{node{id name priceCents seller{__typename id}inventory{quantityAvailable}subcategory{name category{name}}}}}}',
    }),
  users: (ids) =>
    JSON.stringify({
      query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}',
      variables: { representations: ids.map((id) => ({ __typename: 'User', id })) },
    }),
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function summarise(path: string): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') {
      byPackage.set(functionName, (byPackage.get(functionName) ?? 0) + micros);
      continue;
    }
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.startsWith('node:') ? 'node' : url ? url.replace(/^.*\/(subgraphs|gateway)\//, '$1/') : '(native)');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const key = `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`by package (self time):\n${top(byPackage, 20)}\n\nby function (self time):\n${top(byFunction, 30)}`);
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? 'catalog';
  if (!fetches[target]) throw new Error(`profile one of: ${Object.keys(fetches).join(', ')}`);
  const profileDir = join(require('node:os').tmpdir(), `espigon-profile-${Date.now()}`);
  const stack = await startStack(['users', 'catalog'], { [target]: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  try {
    const gateway = await spawnGateway(stack.gatewayEnv(await freePort()), join(stack.dataDir, 'gateway.log'));
    await fillCatalog(gateway.gatewayUrl, 60);
    const page = (await (
      await fetch(stack.subgraphs.catalog.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: fetches.catalog([]) })
    ).json()) as {
      data: { products: { edges: { node: { seller: { id: string } } }[] } };
    };
    await gateway.stop();
    const ids = page.data.products.edges.map((e) => e.node.seller.id);
    const body = fetches[target](ids);
    const pid = stack.subgraphs[target].child.pid!;
    const result = await load(stack.subgraphs[target].url, body, {
      connections: 10,
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
      watch: { [target]: pid },
    });
    console.log(
      `${target} directly: ${result.rps.toFixed(0)} RPS, p50 ${result.p50} ms, CPU ${result.cpuMsPerRequest[target].toFixed(2)} ms per request`,
    );
  } finally {
    await stack.stop();
  }
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${profileDir}`);
  console.log(`profile: ${join(profileDir, file)} (open it in Chrome DevTools → Performance)\n`);
  summarise(join(profileDir, file));
}

runBenchmark(main);
