// Starts pglite-server.ts as a child process (PGlite's WebAssembly loader does not run inside Jest's module sandbox,
// and a process of its own gives the database a core of its own) and gives back its URL.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface PgliteProcess {
  url: string;
  stop(): Promise<void>;
}

/** In memory unless a data folder is given (then kept there). The server exits when this process does. */
export async function startPgliteProcess(dataDir = 'memory://'): Promise<PgliteProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, 'pglite-server.ts'), dataDir], {
    cwd: resolve(__dirname, '..', '..', '..', '..'),
    // its stdin stays open while this process lives: the server stops when it closes
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => ['{}'])])) as [string];
  const { url } = JSON.parse(line) as { url?: string };
  if (!url) throw new Error('PGlite did not start');
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
