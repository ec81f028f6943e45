// docker-compose.yml and the Dockerfile are for users (no Docker engine here): parse them and hold them to
// supergraph.yaml, to the compiled build and to the rules of the image (multi-stage, Node 24 slim, user `node`, a
// writable data folder, a health check, only the gateway published).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { readSupergraphConfig } from '../scripts/supergraph-config';

interface ComposeService {
  image?: string;
  build?: string;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const root = resolve(__dirname, '..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const subgraphs = readSupergraphConfig();
/** What `docker compose up` starts: every service outside an opt-in profile. */
const byDefault = Object.entries(compose.services).filter(([, service]) => !service.profiles?.length);
const appServices = ['gateway', ...subgraphs.map((s) => s.name)];

/** The Dockerfile's instructions (continuation lines joined, comments dropped), split into its stages. */
const instructions = read('Dockerfile')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => {
  if (/^FROM\s/i.test(line)) all.push([line]);
  else all[all.length - 1].push(line);
  return all;
}, []);
const runtime = stages[stages.length - 1];
const execForm = (line: string) => JSON.parse(line.replace(/^\w+\s+/, '')) as string[];

describe('docker-compose.yml', () => {
  it('starts PostgreSQL, Redis, the gateway and exactly the subgraphs of supergraph.yaml', () => {
    const expected = ['postgres', 'redis', ...appServices].sort();
    expect(byDefault.map(([name]) => name).sort()).toEqual(expected);
  });

  it.each(subgraphs.map((s) => [s.name, s] as const))('runs %s compiled, on the port of its routing_url, with a health check', (name, entry) => {
    const service = compose.services[name];
    const port = new URL(entry.routingUrl).port;
    expect(service.environment?.PORT).toBe(port);
    // reachable by the gateway on the compose network, never published on the host
    expect(service.ports).toBeUndefined();
    expect(service.environment?.HOST).toBe('0.0.0.0');
    expect(service.command).toEqual(['node', '--conditions=espigon-dist', `subgraphs/${name}/dist/index.js`]);
    expect(service.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(service.healthcheck?.test.join(' ')).toContain(`:${port}/ready`);
  });

  it('points the gateway at every subgraph by service name and waits for them', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['node', '--conditions=espigon-dist', 'gateway/dist/index.js']);
    expect(gateway.environment?.PORT).toBe('4000');
    expect(gateway.healthcheck?.test.join(' ')).toContain(':4000/ready');
    for (const entry of subgraphs) {
      const port = new URL(entry.routingUrl).port;
      expect(gateway.environment?.[`SUBGRAPH_URL_${entry.name.toUpperCase()}`]).toBe(`http://${entry.name}:${port}/graphql`);
      expect(gateway.depends_on?.[entry.name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('publishes only the gateway by default; PostgreSQL and Redis reach the host only through the opt-in profile, on loopback and other ports', () => {
    const published = byDefault.filter(([, service]) => service.ports?.length).map(([name]) => name);
    expect(published).toEqual(['gateway']);
    expect(compose.services.gateway.ports).toEqual(['4000:4000']);
    const optIn = Object.values(compose.services).filter((service) => service.profiles?.length);
    expect(optIn.length).toBeGreaterThan(0);
    for (const service of optIn) {
      expect(service.profiles).toEqual(['db-ports']);
      for (const port of service.ports ?? []) {
        const [address, hostPort] = port.split(':');
        expect(address).toBe('127.0.0.1');
        expect(['5432', '6379']).not.toContain(hostPort);
      }
    }
  });

  it('runs every service of the market from the one image, with the data volume where the image made its data folder', () => {
    const dataDir = runtime.find((line) => /^RUN .*mkdir -p \/app\/\.data/.test(line));
    expect(dataDir).toContain('chown node:node /app/.data');
    for (const name of appServices) {
      const service = compose.services[name];
      expect(service.build).toBe('.');
      expect(service.image).toBe('espigon-marketplace');
      expect(service.environment?.DATA_DIR).toBe('/app/.data');
      expect(service.volumes).toEqual(['espigon-data:/app/.data']);
    }
    expect(Object.keys(compose.volumes)).toContain('espigon-data');
  });

  it('checks the health of its databases', () => {
    expect(compose.services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(compose.services.redis.healthcheck?.test.join(' ')).toContain('ping');
  });
});

describe('Dockerfile', () => {
  it('builds in one stage and runs in another, every stage on Node 24 (bookworm-slim)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const [from] of stages) expect(from).toMatch(/^FROM (node:24-bookworm-slim|manifests) AS [\w-]+$/);
    expect(runtime[0]).toBe('FROM node:24-bookworm-slim AS runtime');
    const build = stages.find(([from]) => / AS build$/.test(from))!;
    expect(build.join('\n')).toMatch(/^RUN npm ci --no-audit --no-fund$/m);
    expect(build.join('\n')).toMatch(/^RUN npm run build/m);
  });

  it('ships production dependencies only and the compiled code, not the sources', () => {
    expect(instructions.join('\n')).toMatch(/^RUN npm ci --omit=dev/m);
    const copies = runtime.filter((line) => line.startsWith('COPY'));
    for (const line of copies) expect(line).not.toMatch(/\bsrc\b|^COPY \. /);
    for (const workspace of ['subgraphs/kit', ...subgraphs.map((s) => `subgraphs/${s.name}`), 'gateway']) {
      expect(copies).toContain(`COPY --from=build /app/${workspace}/dist ${workspace}/dist`);
    }
    expect(copies).toContain('COPY supergraph.graphql supergraph.yaml ./');
    expect(runtime).toContain('ENV NODE_ENV=production');
  });

  it('runs as node, checks /health, and starts the compiled market without a register hook', () => {
    const user = runtime.indexOf('USER node');
    expect(user).toBeGreaterThan(runtime.findIndex((line) => line.includes('chown node:node /app/.data')));
    expect(runtime.slice(user + 1).some((line) => /^(RUN|USER)\b/.test(line))).toBe(false);
    const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK'));
    expect(healthcheck).toContain('/health');
    const cmd = execForm(runtime.find((line) => line.startsWith('CMD'))!);
    expect(cmd).toEqual(['node', '--conditions=espigon-dist', 'dist/scripts/start-market.js']);
  });

  it('agrees with .nvmrc, the engines of package.json and its lock file on the Node.js major', () => {
    const major = read('.nvmrc').trim();
    expect(major).toBe('24');
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(new RegExp(`>=\\s*${major}\\b`));
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node: string } }> };
    expect(lock.packages[''].engines?.node).toBe(engines);
    for (const [from] of stages.filter(([line]) => /^FROM node:/.test(line))) expect(from).toContain(`node:${major}-`);
  });
});
