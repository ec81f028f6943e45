import { BoundedQueue } from './bounded-queue';

describe('BoundedQueue', () => {
  it('hands items over in order, to a waiting reader at once', async () => {
    const queue = new BoundedQueue<number>(3, () => {});
    const waiting = queue.next();
    queue.push(1);
    queue.push(2);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
  });

  it('drops the oldest items for a slow reader, and counts them', async () => {
    let dropped = 0;
    const queue = new BoundedQueue<number>(
      3,
      () => {},
      () => (dropped += 1),
    );
    for (let i = 1; i <= 10; i++) queue.push(i);
    expect([queue.dropped, dropped]).toEqual([7, 7]);
    queue.end();
    const read: number[] = [];
    for await (const item of queue) read.push(item);
    expect(read).toEqual([8, 9, 10]);
  });

  it('lets a reader that is waiting go when it returns, and stops the source once', async () => {
    let stops = 0;
    const queue = new BoundedQueue<number>(3, () => (stops += 1));
    const waiting = queue.next();
    await queue.return();
    await queue.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(stops).toBe(1);
    queue.push(1); // after the end: ignored
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('gives what is queued, then the failure the source ended with', async () => {
    const queue = new BoundedQueue<number>(3, () => {});
    queue.push(1);
    queue.end(new Error('upstream lost'));
    expect(await queue.next()).toEqual({ value: 1, done: false });
    await expect(queue.next()).rejects.toThrow('upstream lost');
  });
});
