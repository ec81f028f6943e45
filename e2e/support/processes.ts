// Starts the market (or the gateway alone) as a child process, the way an operator would, and waits until it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(__dirname, '..', '..');

export interface ChildService {
  child: ChildProcess;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** SIGTERM, then waits; resolves with the exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
}

export interface SpawnOptions {
  /**
   * Run the compiled build (`npm run build`) as the production image does: plain node, the workspaces resolved to
   * their dist/ by the "espigon-dist" export condition, no register hook, and (where Node can strip types) TypeScript
   * refused, so a source file loaded by mistake fails instead of passing. ESPIGON_TEST_COMPILED=1 makes it the default.
   */
  compiled?: boolean;
  /** Options for node itself, before the entry point (e.g. --cpu-prof for a benchmark's profile). */
  nodeArgs?: string[];
}

/** The compiled counterpart of an entry point: scripts/x.ts → dist/scripts/x.js, <workspace>/src/x.ts → <workspace>/dist/x.js. */
export const compiledEntry = (entry: string) =>
  entry.startsWith('scripts/') ? `dist/${entry.replace(/\.ts$/, '.js')}` : entry.replace('/src/', '/dist/').replace(/\.ts$/, '.js');

/** How node runs `entry`: the TypeScript through the register hook, or its compiled JavaScript. */
export function nodeArguments(entry: string, { compiled = process.env.ESPIGON_TEST_COMPILED === '1' }: SpawnOptions = {}): string[] {
  if (!compiled) return ['-r', '@swc-node/register', entry];
  return ['--conditions=espigon-dist', ...(process.features.typescript ? ['--no-experimental-strip-types'] : []), compiledEntry(entry)];
}

/** Spawns `entry` (a .ts file under the repo) and resolves once a log line with `readyMsg` appears. */
export function spawnService(
  entry: string,
  env: NodeJS.ProcessEnv,
  readyMsg: string,
  logFile: string,
  options: SpawnOptions = {},
): Promise<ChildService> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...nodeArguments(entry, options)], {
    cwd: root,
    // a developer's .env never reaches a test market: the test says everything it sets
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'info', ESPIGON_DOTENV: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr!.pipe(log);
  const stop = () =>
    new Promise<number | null>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => {
        clearTimeout(force);
        done(code);
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${entry} was not ready within 90 s; see ${logFile}`));
    }, 90_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      if (!line.startsWith('{')) return;
      try {
        const entryLog = JSON.parse(line) as { msg?: string; gateway?: string; url?: string; subgraphs?: Record<string, string> };
        if (entryLog.msg === readyMsg) {
          clearTimeout(timer);
          resolveReady({ child, gatewayUrl: entryLog.gateway ?? entryLog.url!, subgraphUrls: entryLog.subgraphs ?? {}, stop });
        }
      } catch {
        // not a log line of ours
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with code ${code} before it was ready; see ${logFile}`));
    });
  });
}

export const spawnMarket = (env: NodeJS.ProcessEnv, logFile: string, options?: SpawnOptions) =>
  spawnService('scripts/start-market.ts', env, 'market ready', logFile, options);

export const spawnGateway = (env: NodeJS.ProcessEnv, logFile: string) => spawnService('gateway/src/index.ts', env, 'gateway ready', logFile);
