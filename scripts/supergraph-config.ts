// Reads supergraph.yaml (Rover's config format).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

/** supergraph.yaml at the repository's root: one folder up from scripts/, two from the compiled dist/scripts/. */
const defaultConfigPath =
  [resolve(__dirname, '..', 'supergraph.yaml'), resolve(__dirname, '..', '..', 'supergraph.yaml')].find(existsSync) ??
  resolve(__dirname, '..', 'supergraph.yaml');

export function readSupergraphConfig(path = defaultConfigPath): SubgraphEntry[] {
  const doc = parse(readFileSync(path, 'utf8')) as {
    subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
  };
  return Object.entries(doc.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: entry.routing_url,
    schemaFile: resolve(dirname(path), entry.schema.file),
  }));
}
