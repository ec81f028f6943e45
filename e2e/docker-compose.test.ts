// docker-compose.yml is for users (no Docker engine here): parse it and hold it to supergraph.yaml.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { readSupergraphConfig } from '../scripts/supergraph-config';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(resolve(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const subgraphs = readSupergraphConfig();

describe('docker-compose.yml', () => {
  it('has PostgreSQL, Redis, the gateway and exactly the subgraphs of supergraph.yaml', () => {
    const expected = ['postgres', 'redis', 'gateway', ...subgraphs.map((s) => s.name)].sort();
    expect(Object.keys(compose.services).sort()).toEqual(expected);
  });

  it.each(subgraphs.map((s) => [s.name, s] as const))('runs %s on the port of its routing_url, with its own entry and a health check', (name, entry) => {
    const service = compose.services[name];
    const port = new URL(entry.routingUrl).port;
    expect(service.environment?.PORT).toBe(port);
    // reachable by the gateway on the compose network, never published on the host
    expect(service.ports).toBeUndefined();
    expect(service.environment?.HOST).toBe('0.0.0.0');
    expect(service.command?.join(' ')).toContain(`subgraphs/${name}/src/index.ts`);
    expect(service.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(service.healthcheck?.test.join(' ')).toContain(`:${port}/ready`);
  });

  it('points the gateway at every subgraph by service name and waits for them', () => {
    const gateway = compose.services.gateway;
    expect(gateway.environment?.PORT).toBe('4000');
    expect(gateway.ports).toEqual(['4000:4000']);
    for (const entry of subgraphs) {
      const port = new URL(entry.routingUrl).port;
      expect(gateway.environment?.[`SUBGRAPH_URL_${entry.name.toUpperCase()}`]).toBe(`http://${entry.name}:${port}/graphql`);
      expect(gateway.depends_on?.[entry.name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('checks the health of its databases', () => {
    expect(compose.services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(compose.services.redis.healthcheck?.test.join(' ')).toContain('ping');
  });
});
