import { outboxRetryDelayMs } from './outbox-relay';

describe('outboxRetryDelayMs', () => {
  it('doubles from one second and stops at five minutes', () => {
    expect([0, 1, 2, 3].map(outboxRetryDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(outboxRetryDelayMs(9)).toBe(300_000);
    expect(outboxRetryDelayMs(1000)).toBe(300_000);
    expect(outboxRetryDelayMs(-1)).toBe(1000);
  });
});
