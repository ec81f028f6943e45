// An embedded PGlite served over a socket (the kit's, as `npm start` serves it), in a process of its own: prints its
// URL as one JSON line; stops on SIGTERM, or when the process that started it goes (its stdin closes).
import { startEmbeddedPostgres } from '../database/embedded-postgres';

// a test market's subgraphs take up to 10 connections each (DATABASE_POOL_MAX), more than `npm start`'s 4
startEmbeddedPostgres({ dataDir: process.argv[2] ?? 'memory://', maxConnections: 100 }).then((server) => {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  console.log(JSON.stringify({ url: server.url }));
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop).on('close', stop).resume();
});
