// One subscriber's `dashboardUpdated` stream: it listens to the "reports changed" signal, and when a change that
// concerns it arrived (an ADMIN: any; a SELLER: its own), recomputes its dashboard from the read model and pushes it —
// at most once per `intervalMs` (a second), on the trailing edge: changes that arrive while it waits are folded into
// one recomputation after the wait, so the last change is always delivered. A dashboard equal to the last one pushed
// (or, before the first push, to the one at subscription time) is not pushed: another seller's order does not move a
// seller's figures. Ending the iteration (the client left) unsubscribes from pub/sub at once, even mid-wait.
import type { EventBus } from '@espigon/kit/events/pubsub';
import { isDeepStrictEqual } from 'node:util';
import { REPORTS_CHANGED, type ReportsChangedPayload } from './reports-changed';

export interface DashboardStreamOptions<T> {
  bus: EventBus;
  /** Whose changes matter: null for every seller's (ADMIN), else one seller's id. */
  sellerId: string | null;
  /** Reads the subscriber's dashboard now. */
  compute(): Promise<T>;
  intervalMs?: number;
  /** A recomputation that failed (the database away): told here, and retried after the interval. */
  onError?(err: unknown): void;
}

export function dashboardStream<T>(options: DashboardStreamOptions<T>): AsyncIterableIterator<T> {
  const intervalMs = options.intervalMs ?? 1000;
  let dirty = false;
  let closed = false;
  let lastPushAt = 0;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  const rouse = () => {
    const resolve = wake;
    wake = null;
    clearTimeout(timer);
    resolve?.();
  };
  const onSignal = (payload: ReportsChangedPayload) => {
    const sellers = payload?.sellerIds;
    if (options.sellerId !== null && Array.isArray(sellers) && !sellers.includes(options.sellerId)) return;
    dirty = true;
    rouse();
  };
  // subscribed before the baseline is read, so no change falls between the two
  const subscription = options.bus.engine.subscribe(options.bus.channel(REPORTS_CHANGED), onSignal, {});
  let last: Promise<T | undefined> = subscription.then(() => options.compute()).catch(() => undefined);
  const until = (ms: number | null) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      if (ms !== null) timer = setTimeout(rouse, ms);
    });
  const done = (): IteratorResult<T> => ({ value: undefined, done: true });
  const close = async () => {
    if (closed) return;
    closed = true;
    rouse();
    await subscription.then((id) => options.bus.engine.unsubscribe(id)).catch(() => undefined);
  };

  return {
    async next() {
      for (;;) {
        while (!closed && !dirty) await until(null);
        // the throttle: at most one push per interval; what arrives meanwhile waits for this recomputation
        while (!closed && Date.now() - lastPushAt < intervalMs) await until(intervalMs - (Date.now() - lastPushAt));
        if (closed) return done();
        dirty = false;
        let dashboard: T;
        try {
          dashboard = await options.compute();
        } catch (err) {
          options.onError?.(err);
          dirty = true;
          lastPushAt = Date.now();
          continue;
        }
        if (closed) return done();
        if (isDeepStrictEqual(dashboard, await last)) continue;
        last = Promise.resolve(dashboard);
        lastPushAt = Date.now();
        return { value: dashboard, done: false };
      }
    },
    async return() {
      await close();
      return done();
    },
    async throw(error?: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
