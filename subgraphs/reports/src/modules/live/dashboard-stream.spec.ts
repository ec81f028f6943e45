// The dashboardUpdated stream on its own, over an in-process pub/sub and a fake dashboard: whose changes it follows,
// the throttle (a burst of changes gives one recomputation, the last change always delivered), equal figures never
// pushed twice, and ending it mid-wait.
import { PubSub } from 'graphql-subscriptions';
import type { EventBus } from '@espigon/kit/events/pubsub';
import { dashboardStream } from './dashboard-stream';
import { REPORTS_CHANGED, type ReportsChangedPayload } from './reports-changed';

const SELLER = '6f1c7a1e-0000-4000-8000-00000000000a';
const OTHER = '6f1c7a1e-0000-4000-8000-00000000000b';

function busAndFigures() {
  const engine = new PubSub();
  const bus: EventBus = {
    engine,
    channel: (topic) => `test:${topic}`,
    publish: (topic, payload) => engine.publish(`test:${topic}`, payload),
    close: async () => {},
  };
  const state = { figures: 0, reads: 0 };
  const signal = (sellerIds: string[] | null) => bus.publish(REPORTS_CHANGED, { sellerIds } satisfies ReportsChangedPayload);
  const listeners = () => (engine as unknown as { ee: { listenerCount(name: string): number } }).ee.listenerCount(`test:${REPORTS_CHANGED}`);
  return { bus, state, signal, listeners };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

it("follows a seller's own changes and the market's, never another seller's, and pushes no figures twice", async () => {
  const { bus, state, signal } = busAndFigures();
  const stream = dashboardStream({ bus, sellerId: SELLER, intervalMs: 30, compute: async () => (state.reads++, { figures: state.figures }) });
  await tick(); // subscribed, baseline read
  const first = stream.next();
  state.figures = 1;
  await signal([OTHER]);
  await tick();
  await signal([OTHER, SELLER]);
  expect(await first).toEqual({ value: { figures: 1 }, done: false });
  // a change that leaves the figures as they were is not pushed; a rebuild's signal (every seller) is followed
  const second = stream.next();
  await signal([SELLER]);
  await tick();
  await tick();
  state.figures = 2;
  await signal(null);
  expect(await second).toEqual({ value: { figures: 2 }, done: false });
  await stream.return!();
  // baseline, the seller's first change, its unchanged one, the rebuild's: never for the other seller's alone
  expect(state.reads).toBe(4);
});

it('folds a burst of changes into one recomputation after the interval, delivering the last one', async () => {
  const { bus, state, signal } = busAndFigures();
  const stream = dashboardStream({ bus, sellerId: null, intervalMs: 200, compute: async () => (state.reads++, { figures: state.figures }) });
  await tick();
  const first = stream.next();
  state.figures = 1;
  await signal([SELLER]);
  expect((await first).value).toEqual({ figures: 1 });
  const readsAfterFirst = state.reads;
  const second = stream.next();
  for (let i = 2; i <= 10; i++) {
    state.figures = i;
    await signal([i % 2 ? SELLER : OTHER]);
  }
  expect((await second).value).toEqual({ figures: 10 });
  expect(state.reads - readsAfterFirst).toBe(1);
  await stream.return!();
});

it('ends at once when the subscriber leaves, even while waiting, and stops listening', async () => {
  const { bus, signal, listeners } = busAndFigures();
  const stream = dashboardStream({ bus, sellerId: SELLER, compute: async () => ({ figures: 0 }) });
  await tick();
  expect(listeners()).toBe(1);
  const waiting = stream.next();
  await stream.return!();
  expect(await waiting).toEqual({ value: undefined, done: true });
  expect(listeners()).toBe(0);
  await signal([SELLER]);
  expect(await stream.next()).toEqual({ value: undefined, done: true });
});
