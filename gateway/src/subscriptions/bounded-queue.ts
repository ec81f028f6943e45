// The events of one subscription on their way to a client: in order, and bounded. A client that reads slower than
// events arrive loses the oldest ones (counted), never makes the gateway's memory grow.

export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private failure: unknown = null;
  private closed = false;
  private returned = false;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly onReturn: () => void,
    private readonly onDrop: () => void = () => {},
  ) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped += 1;
      this.onDrop();
    }
    this.items.push(item);
  }

  /** No more items: the reader gets what is queued, then the end (or the failure). */
  end(failure?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = failure ?? null;
    if (this.waiting && this.items.length === 0) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.closed) {
      if (this.failure) {
        const failure = this.failure;
        this.failure = null;
        return Promise.reject(failure);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** The reader left (the client unsubscribed or disconnected): stop the source, drop what is queued. */
  return(): Promise<IteratorResult<T>> {
    this.closed = true;
    this.items.length = 0;
    if (this.waiting) {
      this.waiting({ value: undefined, done: true });
      this.waiting = null;
    }
    if (!this.returned) {
      this.returned = true;
      this.onReturn();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
