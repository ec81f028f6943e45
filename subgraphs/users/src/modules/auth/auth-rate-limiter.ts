// Brakes on the two doors an attacker leans on: login (failures per account, a short window and an hourly cap;
// attempts per client address) and registration (attempts per client address).
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '@espigon/kit/errors';

export interface AuthLimits {
  failuresPerMinute: number;
  failuresPerHour: number;
  attemptsPerIpPerMinute: number;
  registrationsPerIpPerHour: number;
}

export class AuthRateLimiter {
  private readonly accountShort: RateLimiterAbstract;
  private readonly accountHour: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly registrations: RateLimiterAbstract;

  constructor(limits: AuthLimits, store: { redis?: Redis; keyPrefix: string }) {
    const make = (name: string, points: number, duration: number) =>
      store.redis
        ? new RateLimiterRedis({
            storeClient: store.redis,
            keyPrefix: `${store.keyPrefix}ratelimit:${name}`,
            points,
            duration,
            // while Redis is unreachable each replica keeps counting in memory, so the brakes hold, not break
            insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
          })
        : new RateLimiterMemory({ keyPrefix: name, points, duration });
    this.accountShort = make('login-account-minute', limits.failuresPerMinute, 60);
    this.accountHour = make('login-account-hour', limits.failuresPerHour, 3600);
    this.address = make('login-address-minute', limits.attemptsPerIpPerMinute, 60);
    this.registrations = make('register-address-hour', limits.registrationsPerIpPerHour, 3600);
  }

  /**
   * Counts the attempt against the address and, before the password is checked, as a failure of the account: the
   * counters are incremented atomically, so of N concurrent guesses at most the limit reach the password check.
   * A login that succeeds gives its account point back (recordSuccess).
   */
  async beforeLogin(accountKey: string, clientAddress: string): Promise<void> {
    await this.take(this.address, clientAddress, 'Too many login attempts from your network; try again later');
    const message = 'Too many failed logins for this account; try again later';
    await this.take(this.accountShort, accountKey, message);
    try {
      await this.take(this.accountHour, accountKey, message);
    } catch (err) {
      await this.accountShort.reward(accountKey, 1).catch(() => undefined);
      throw err;
    }
  }

  /** A successful login is no failure: the short window starts again and the hourly count gets its point back. */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.accountShort.delete(accountKey);
    await this.accountHour.reward(accountKey, 1);
  }

  /** Every registration attempt from an address counts, whatever its outcome: it is what an enumeration costs. */
  async beforeRegistration(clientAddress: string): Promise<void> {
    await this.take(this.registrations, clientAddress, 'Too many sign-ups from your network; try again later');
  }

  private async take(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw new TooManyRequestsError(message, res.msBeforeNext / 1000);
    }
  }
}
