// Brute-force brakes on login: failures per account (a short window and an hourly cap) and attempts per client address.
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../../../../kit/src/errors';

export interface LoginLimits {
  failuresPerMinute: number;
  failuresPerHour: number;
  attemptsPerIpPerMinute: number;
}

export class LoginRateLimiter {
  private readonly accountShort: RateLimiterAbstract;
  private readonly accountHour: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;

  constructor(limits: LoginLimits, store: { redis?: Redis; keyPrefix: string }) {
    const make = (name: string, points: number, duration: number) =>
      store.redis
        ? new RateLimiterRedis({
            storeClient: store.redis,
            keyPrefix: `${store.keyPrefix}ratelimit:${name}`,
            points,
            duration,
            // while Redis is unreachable each replica keeps counting in memory, so logins stay braked, not broken
            insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
          })
        : new RateLimiterMemory({ keyPrefix: name, points, duration });
    this.accountShort = make('login-account-minute', limits.failuresPerMinute, 60);
    this.accountHour = make('login-account-hour', limits.failuresPerHour, 3600);
    this.address = make('login-address-minute', limits.attemptsPerIpPerMinute, 60);
  }

  /** Counts this attempt against the address and refuses it when the address or the account is over its limit. */
  async beforeAttempt(accountKey: string, clientAddress: string): Promise<void> {
    try {
      await this.address.consume(clientAddress);
    } catch (res) {
      throw this.tooMany(res, 'Too many login attempts from your network; try again later');
    }
    for (const limiter of [this.accountShort, this.accountHour]) {
      const state = await limiter.get(accountKey);
      if (state && state.consumedPoints >= limiter.points) {
        throw this.tooMany(state, 'Too many failed logins for this account; try again later');
      }
    }
  }

  async recordFailure(accountKey: string): Promise<void> {
    for (const limiter of [this.accountShort, this.accountHour]) {
      await limiter.consume(accountKey).catch((res) => {
        if (!(res instanceof RateLimiterRes)) throw res;
      });
    }
  }

  /** A successful login clears the short window; the hourly cap keeps counting. */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.accountShort.delete(accountKey);
  }

  private tooMany(res: unknown, message: string): Error {
    if (!(res instanceof RateLimiterRes)) return res as Error;
    return new TooManyRequestsError(message, res.msBeforeNext / 1000);
  }
}
