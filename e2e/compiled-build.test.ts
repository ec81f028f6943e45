// `npm run build`, then what the production image runs: the compiled JavaScript under plain node (no register hook, no
// TypeScript), the workspaces resolved to their dist/ by the "espigon-dist" export condition, answering through the
// gateway. There is no Docker engine here: this is the image's code path, tried without the image.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { readSupergraphConfig } from '../scripts/supergraph-config';
import { ProductsQuery } from './operations/catalog.operations';
import { LoginMutation, MeQuery } from './operations/users.operations';
import { demo, ok } from './support/client';
import { startOwnMarket, type OwnMarket } from './support/own-market';

const root = resolve(__dirname, '..');
const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[] }>;
};

describe('the compiled build (npm run build, then plain node)', () => {
  let own: OwnMarket | undefined;

  beforeAll(() => {
    // tsc -b is incremental: after CI's own `npm run build` this only checks that the output is up to date
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  }, 250_000);

  afterAll(async () => {
    await own?.stop();
  });

  it('emits the file the image and every docker-compose service run, and they run it without a register hook', () => {
    const image = JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync(resolve(root, 'Dockerfile'), 'utf8'))![1]) as string[];
    const services = Object.values(compose.services).flatMap((service) => (service.command?.[0] === 'node' ? [service.command] : []));
    expect(services.length).toBe(1 + readSupergraphConfig().length); // the gateway and every subgraph
    const commands = [image, ...services];
    for (const command of commands) {
      expect(command.slice(0, 2)).toEqual(['node', '--conditions=espigon-dist']);
      expect(command.join(' ')).not.toMatch(/register|\.ts\b/);
      expect(existsSync(resolve(root, command[command.length - 1]))).toBe(true);
    }
  });

  it('resolves the workspaces to dist/ under the espigon-dist condition, and to their TypeScript sources without it', () => {
    const resolveKit = (flags: string[]) =>
      spawnSync(process.execPath, [...flags, '-p', "require.resolve('@espigon/kit/logger')"], { cwd: root, encoding: 'utf8' }).stdout.trim();
    expect(resolveKit(['--conditions=espigon-dist'])).toBe(resolve(root, 'subgraphs/kit/dist/logger.js'));
    expect(resolveKit([])).toBe(resolve(root, 'subgraphs/kit/src/logger.ts'));
  });

  it('starts the whole market from dist/ and answers through the gateway: login (argon2), me, products with their sellers', async () => {
    own = await startOwnMarket('compiled', {}, { compiled: true });
    const args = own.market.child.spawnargs.slice(1);
    expect(args[0]).toBe('--conditions=espigon-dist');
    expect(args[args.length - 1]).toBe('dist/scripts/start-market.js');
    expect(args.join(' ')).not.toContain('register');

    expect((await fetch(new URL('/health', own.url))).status).toBe(200);
    const rosa = demo('rosa@espigon.ec');
    const { login } = await ok(LoginMutation, { email: rosa.email, password: rosa.password }, { url: own.url });
    expect((await ok(MeQuery, {}, { url: own.url, token: login.accessToken })).me).toMatchObject({ email: rosa.email, role: 'SELLER' });
    // catalog's products with users' sellers: the gateway's query plan across two compiled subgraphs
    const { products } = await ok(ProductsQuery, { first: 5 }, { url: own.url });
    expect(products.edges.length).toBeGreaterThan(0);
    for (const { node } of products.edges) expect(node.seller.name).toEqual(expect.any(String));
  });
});
