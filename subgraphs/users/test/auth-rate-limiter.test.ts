// The login and sign-up brakes against real Redis: counted before the password is checked, atomically.
import { Redis } from 'ioredis';
import { AuthRateLimiter, type AuthLimits } from '../src/modules/auth/auth-rate-limiter';
import { deleteRedisKeys, redisUrl, uniqueName } from '@espigon/kit/testing/test-resources';
import { describeWithRedis } from '@espigon/kit/testing/test-services';

describeWithRedis('AuthRateLimiter on Redis', () => {
  const prefix = `${uniqueName('espigon_limiter')}:`;
  let redis: Redis;
  let run = 0;
  const limiter = (limits: Partial<AuthLimits>) =>
    new AuthRateLimiter(
      { failuresPerMinute: 1000, failuresPerHour: 1000, attemptsPerIpPerMinute: 1000, registrationsPerIpPerHour: 1000, ...limits },
      { redis, keyPrefix: `${prefix}${run++}:` },
    );
  const refused = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e,
    );

  beforeAll(() => {
    redis = new Redis(redisUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(prefix);
    redis.disconnect();
  });

  it('lets 100 attempts of one account through in an hour, then refuses with a retry hint of up to an hour', async () => {
    const brakes = limiter({ failuresPerHour: 100 });
    for (let i = 0; i < 100; i++) await brakes.beforeLogin('victim@example.ec', '2001:db8::1');
    const refusal = await refused(brakes.beforeLogin('victim@example.ec', '2001:db8::1'));
    expect(refusal).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    const retryAfter = (refusal as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // other accounts are untouched
    await expect(brakes.beforeLogin('someone-else@example.ec', '2001:db8::1')).resolves.toBeUndefined();
  });

  it('of 100 concurrent attempts on one account lets exactly the limit through', async () => {
    const brakes = limiter({ failuresPerMinute: 5 });
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => refused(brakes.beforeLogin('target@example.ec', '2001:db8::3'))));
    expect(outcomes.filter((o) => o === null)).toHaveLength(5);
    expect(outcomes.filter((o) => o !== null).every((o) => (o as { extensions: { code: string } }).extensions.code === 'TOO_MANY_REQUESTS')).toBe(
      true,
    );
  });

  it('a success starts the short window again and gives the hourly point back', async () => {
    const brakes = limiter({ failuresPerMinute: 3, failuresPerHour: 4 });
    for (let i = 0; i < 3; i++) await brakes.beforeLogin('a@example.ec', '2001:db8::2');
    expect(await refused(brakes.beforeLogin('a@example.ec', '2001:db8::2'))).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    await brakes.recordSuccess('a@example.ec'); // hour: 3 - 1 = 2
    await brakes.beforeLogin('a@example.ec', '2001:db8::2'); // hour 3
    await brakes.beforeLogin('a@example.ec', '2001:db8::2'); // hour 4
    expect(await refused(brakes.beforeLogin('a@example.ec', '2001:db8::2'))).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
  });

  it('counts every sign-up attempt of an address', async () => {
    const brakes = limiter({ registrationsPerIpPerHour: 3 });
    for (let i = 0; i < 3; i++) await brakes.beforeRegistration('2001:db8::9');
    expect(await refused(brakes.beforeRegistration('2001:db8::9'))).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    await expect(brakes.beforeRegistration('2001:db8::10')).resolves.toBeUndefined();
  });
});
