// One service of `npm start` in a worker thread of its own: its own event loop (and core), the same process.
// The parent names a module and an exported start function; the worker calls it, reports where the service
// listens, and stops it when asked. Used for the gateway and the embedded PostgreSQL, which share no in-process
// state with the subgraphs (they talk over HTTP, WebSocket and TCP).
import { extname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** What a start function returns: the service's address and how to stop it. */
export interface StartedService {
  url: string;
  stop(): Promise<void>;
}

export interface ServiceWorker {
  url: string;
  worker: Worker;
  stop(): Promise<void>;
}

interface StartRequest {
  modulePath: string;
  exportName: string;
  argument: unknown;
}

type WorkerMessage = { type: 'started'; url: string } | { type: 'failed'; message: string; code?: string; port?: number } | { type: 'stopped' };

/** An error that crossed from a worker, with the fields start-up failures are told by (EADDRINUSE, its port). */
export class ServiceWorkerError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly port?: number,
  ) {
    super(message);
  }
}

/**
 * Starts `exportName(argument)` of `modulePath` in a new worker thread and resolves once it listens. `onCrash` hears
 * of a worker that dies afterwards (the market then stops as a whole: half a market is not served).
 */
export async function startServiceWorker(
  name: string,
  modulePath: string,
  exportName: string,
  argument: unknown,
  onCrash: (err: Error) => void,
  options: { thread?: boolean } = {},
): Promise<ServiceWorker | StartedService> {
  if (options.thread === false) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(modulePath)[exportName] as (argument: unknown) => Promise<StartedService>)(argument);
  }
  return startInThread(name, modulePath, exportName, argument, onCrash);
}

function startInThread(
  name: string,
  modulePath: string,
  exportName: string,
  argument: unknown,
  onCrash: (err: Error) => void,
): Promise<ServiceWorker> {
  // the worker runs this same file (TypeScript under the register hook, or the compiled JavaScript)
  const worker = new Worker(join(__dirname, `service-worker${extname(__filename)}`), {
    name,
    workerData: { modulePath, exportName, argument } satisfies StartRequest,
    // a smaller young generation than a main thread's: a service worker's allocations are short-lived and small
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
  let stopped: (() => void) | undefined;
  let stopping = false;
  return new Promise((resolve, reject) => {
    let started = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') {
        started = true;
        resolve({
          url: message.url,
          worker,
          stop: () =>
            new Promise<void>((done) => {
              if (stopping) return done();
              stopping = true;
              stopped = done;
              worker.once('exit', () => done());
              worker.postMessage({ type: 'stop' });
            }),
        });
      } else if (message.type === 'failed') {
        reject(new ServiceWorkerError(message.message, message.code, message.port));
      } else if (message.type === 'stopped') {
        stopped?.();
      }
    });
    worker.on('error', (err) => (started ? !stopping && onCrash(err) : reject(err)));
    worker.on('exit', (code) => {
      if (!started) reject(new Error(`${name} stopped before it started (exit code ${code})`));
      else if (!stopping) onCrash(new Error(`${name} stopped unexpectedly (exit code ${code})`));
    });
  });
}

/** Inside the worker: start the service, report, and stop it on request. */
async function runInWorker(request: StartRequest): Promise<void> {
  const port = parentPort!;
  let service: StartedService;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const start = require(request.modulePath)[request.exportName] as (argument: unknown) => Promise<StartedService>;
    service = await start(request.argument);
  } catch (err) {
    const error = err as NodeJS.ErrnoException & { port?: number };
    port.postMessage({ type: 'failed', message: error?.message ?? String(err), code: error?.code, port: error?.port } satisfies WorkerMessage);
    return;
  }
  port.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    service.stop().finally(() => {
      port.postMessage({ type: 'stopped' } satisfies WorkerMessage);
      process.exit(0);
    });
  });
  port.postMessage({ type: 'started', url: service.url } satisfies WorkerMessage);
}

if (!isMainThread && (workerData as StartRequest | undefined)?.modulePath) void runInWorker(workerData as StartRequest);
