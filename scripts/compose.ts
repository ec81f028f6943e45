// Prints each subgraph's SDL from its code, composes supergraph.graphql with @apollo/composition, and prints the API
// schema clients see (with the contract's promises) as docs/api.graphql.
// --check writes nothing and fails when a committed file differs from what the code produces.
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { printFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { subgraphDefinitions } from './subgraph-registry';
import { apiSchemaOf, printApiDocument } from './api-schema';
import { readSupergraphConfig } from './supergraph-config';

const root = resolve(__dirname, '..');
const supergraphPath = resolve(root, 'supergraph.graphql');
const apiDocumentPath = resolve(root, 'docs', 'api.graphql');

export async function composeSupergraph(): Promise<{ files: Map<string, string> }> {
  const files = new Map<string, string>();
  const services = [];
  for (const entry of readSupergraphConfig()) {
    const definition = subgraphDefinitions[entry.name];
    if (!definition) throw new Error(`supergraph.yaml names "${entry.name}" but scripts/subgraph-registry.ts does not`);
    const sdl = printFederatedSchema(await definition.buildSchema());
    files.set(entry.schemaFile, sdl);
    services.push({ name: entry.name, url: entry.routingUrl, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  files.set(supergraphPath, `${result.supergraphSdl.trim()}\n`);
  files.set(apiDocumentPath, printApiDocument(apiSchemaOf(result.supergraphSdl)));
  return { files };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { files } = await composeSupergraph();
  const drifted: string[] = [];
  for (const [path, content] of files) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) continue;
    if (check) drifted.push(relative(root, path));
    else writeFileSync(path, content);
  }
  if (check && drifted.length) {
    console.error(`These files differ from what the code produces; run \`npm run compose\` and commit:\n  ${drifted.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    check ? 'subgraph SDL, supergraph and docs/api.graphql are up to date' : `wrote ${[...files.keys()].map((p) => relative(root, p)).join(', ')}`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
