// The hourly cap on failed logins (100 per account), against real Redis: too slow to reach through the short window.
import { Redis } from 'ioredis';
import { LoginRateLimiter } from '../src/modules/auth/login-rate-limiter';
import { deleteRedisKeys, redisUrl, uniqueName } from '../../../e2e/support/test-resources';

describe('LoginRateLimiter on Redis', () => {
  const prefix = `${uniqueName('espigon_limiter')}:`;
  const redis = new Redis(redisUrl());

  afterAll(async () => {
    await deleteRedisKeys(prefix);
    redis.disconnect();
  });

  it('allows 100 failures of one account in an hour, then refuses with a retry hint of up to an hour', async () => {
    const limiter = new LoginRateLimiter(
      { failuresPerMinute: 1000, failuresPerHour: 100, attemptsPerIpPerMinute: 1000 },
      { redis, keyPrefix: prefix },
    );
    for (let i = 0; i < 100; i++) {
      await limiter.beforeAttempt('victim@example.ec', '2001:db8::1');
      await limiter.recordFailure('victim@example.ec');
    }
    const refusal = await limiter.beforeAttempt('victim@example.ec', '2001:db8::1').catch((e: unknown) => e);
    expect(refusal).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    const retryAfter = (refusal as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // other accounts are untouched
    await expect(limiter.beforeAttempt('someone-else@example.ec', '2001:db8::1')).resolves.toBeUndefined();
  });

  it('clears the short window on success but keeps the hourly count', async () => {
    const limiter = new LoginRateLimiter(
      { failuresPerMinute: 3, failuresPerHour: 5, attemptsPerIpPerMinute: 1000 },
      { redis, keyPrefix: `${prefix}b:` },
    );
    for (let i = 0; i < 3; i++) await limiter.recordFailure('a@example.ec');
    await expect(limiter.beforeAttempt('a@example.ec', '2001:db8::2')).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    await limiter.recordSuccess('a@example.ec');
    await expect(limiter.beforeAttempt('a@example.ec', '2001:db8::2')).resolves.toBeUndefined();
    for (let i = 0; i < 2; i++) await limiter.recordFailure('a@example.ec');
    await expect(limiter.beforeAttempt('a@example.ec', '2001:db8::2')).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
  });
});
