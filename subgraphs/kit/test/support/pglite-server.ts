// An embedded PGlite served over a socket, in a process of its own (PGlite's WebAssembly loader does not run inside
// Jest's module sandbox): prints its URL as one JSON line, stops on SIGTERM.
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

startEmbeddedPostgres({ dataDir: process.argv[2] }).then((server) => {
  console.log(JSON.stringify({ url: server.url }));
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
});
