// The in-process denylist is shared by the process's threads: `npm start` runs the gateway on a worker thread, and a
// logout recorded by the users subgraph on the main thread must reach the gateway's check of WebSocket tokens.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { eventually } from '../testing/eventually';
import { MemoryTokenDenylist } from './token-denylist';

/** A thread with a denylist of its own module instance: it adds `add` (if any), then reports whether it holds `ask`. */
function inWorker(add: string | null, ask: string): Promise<boolean> {
  const source = `
    require('@swc-node/register');
    const { parentPort, workerData } = require('node:worker_threads');
    const { MemoryTokenDenylist } = require(${JSON.stringify(require.resolve('./token-denylist'))});
    const denylist = new MemoryTokenDenylist();
    (async () => {
      if (workerData.add) await denylist.add(workerData.add, 60);
      // the main thread's answer to this thread's request for what it holds arrives asynchronously
      for (let i = 0; i < 100 && !(await denylist.has(workerData.ask)); i++) await new Promise((r) => setTimeout(r, 20));
      parentPort.postMessage(await denylist.has(workerData.ask));
    })();
  `;
  const worker = new Worker(source, { eval: true, workerData: { add, ask } });
  return new Promise((resolve, reject) => {
    worker.once('message', (held: boolean) => {
      void worker.terminate();
      resolve(held);
    });
    worker.once('error', reject);
  });
}

it('a token revoked on another thread is revoked on this one', async () => {
  const denylist = new MemoryTokenDenylist();
  const jti = randomUUID();
  expect(await denylist.has(jti)).toBe(false);
  await inWorker(jti, jti);
  await eventually(async () => expect(await denylist.has(jti)).toBe(true), { timeoutMs: 5000, intervalMs: 20 });
});

it('a thread that starts later learns what was revoked before it', async () => {
  const denylist = new MemoryTokenDenylist();
  const jti = randomUUID();
  await denylist.add(jti, 60);
  expect(await inWorker(null, jti)).toBe(true);
  expect(await inWorker(null, randomUUID())).toBe(false);
});
