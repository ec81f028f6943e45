// Reads supergraph.yaml (Rover's config format).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

export function readSupergraphConfig(path = resolve(__dirname, '..', 'supergraph.yaml')): SubgraphEntry[] {
  const doc = parse(readFileSync(path, 'utf8')) as {
    subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
  };
  return Object.entries(doc.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: entry.routing_url,
    schemaFile: resolve(dirname(path), entry.schema.file),
  }));
}
