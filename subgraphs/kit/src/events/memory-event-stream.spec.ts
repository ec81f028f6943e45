// The in-process stream (embedded mode) with a batched consumer: whole batches when they succeed; when one fails, its
// events go one at a time, the failing one is retried in place, and nothing is handled twice or skipped.
import { randomUUID } from 'node:crypto';
import { createLogger } from '../logger';
import { MemoryEventStream } from './event-stream';
import type { OutboxEnvelope } from './outbox.entity';

const logger = createLogger('memory-stream-test', 'silent');

test('a batched consumer takes whole batches, and one at a time after a failing batch', async () => {
  const topic = `probe.${randomUUID()}`;
  const stream = new MemoryEventStream();
  const envelopes: OutboxEnvelope[] = Array.from({ length: 7 }, (_, seq) => ({ eventId: randomUUID(), topic, occurredAt: '', payload: { seq } }));
  for (const envelope of envelopes) await stream.append(envelope);
  const handled: number[] = [];
  const batches: number[][] = [];
  let failuresLeft = 1;
  const seqOf = (e: OutboxEnvelope) => (e.payload as { seq: number }).seq;
  let check = () => {};
  const done = new Promise<void>((resolve) => (check = () => handled.length >= 7 && resolve()));
  const consumer = stream.consume({
    group: 'probe',
    topics: [topic],
    logger,
    batchSize: 3,
    handle: async (e) => {
      if (seqOf(e) === 4 && failuresLeft-- > 0) throw new Error('busy');
      handled.push(seqOf(e));
      check();
    },
    handleBatch: async (list) => {
      if (list.some((e) => seqOf(e) === 4) && failuresLeft > 0) throw new Error('busy');
      batches.push(list.map(seqOf));
      handled.push(...list.map(seqOf));
      check();
    },
  });
  await done;
  await consumer.stop();
  expect(handled).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(batches[0]).toEqual([0, 1, 2]);
});
