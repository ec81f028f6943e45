// Embedded PostgreSQL (PGlite persisted on disk) served over TCP, so the app can run with no external Postgres server.
import { mkdirSync } from 'node:fs';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// require() rather than import: tsconfig's moduleResolution "node" ignores package "exports", so TS can't see contrib/* subpaths.
function contribExtensions(): Extensions {
  const extensions: Extensions = { unaccent: require('@electric-sql/pglite/contrib/unaccent').unaccent };
  try {
    extensions.pg_trgm = require('@electric-sql/pglite/contrib/pg_trgm').pg_trgm;
  } catch {
    // pg_trgm is optional (fuzzy-match fallback only); older PGlite builds do not ship it.
  }
  return extensions;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  host?: string;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  // "memory://" keeps it in memory (tests); anything else is a folder on disk
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  // Extensions must be registered at open time: CREATE EXTENSION only finds bundles loaded here.
  // 16 MB of shared buffers, not PostgreSQL's 128 MB: a market's working set fits many times over, and PGlite's
  // WebAssembly memory never shrinks back (140 MiB less resident memory for `npm start`)
  const db = await PGlite.create(options.dataDir, { extensions: contribExtensions(), postgresqlconf: 'shared_buffers = 16MB' });
  const server = new PGLiteSocketServer({ db, host, port: options.port ?? 0, maxConnections: options.maxConnections ?? 32 });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  // start() replaces port 0 with the port the OS actually assigned.
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      if (!db.closed) await db.close();
    },
  };
}
