// The assistant's brakes, per user: questions per minute (Redis with REDIS_URL, shared by every replica), and model
// tokens per UTC day (a row per user and day in the assistant's schema, added to in the reply's transaction).
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { EntityManager } from '@espigon/kit/database/orm';
import { TooManyRequestsError } from '@espigon/kit/errors';

export interface AssistantLimitSettings {
  messagesPerMinute: number;
  dailyTokenBudget: number;
}

export class AssistantLimits {
  private readonly perMinute: RateLimiterAbstract;

  constructor(
    private readonly settings: AssistantLimitSettings,
    store: { redis?: Redis; keyPrefix: string },
  ) {
    const points = settings.messagesPerMinute;
    this.perMinute = store.redis
      ? new RateLimiterRedis({
          storeClient: store.redis,
          keyPrefix: `${store.keyPrefix}ratelimit:assistant-minute`,
          points,
          duration: 60,
          // while Redis is unreachable each replica keeps counting in memory, so the brake holds
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: 'assistant-minute', points, duration: 60 }),
        })
      : new RateLimiterMemory({ keyPrefix: 'assistant-minute', points, duration: 60 });
  }

  /** Counts a question; TOO_MANY_REQUESTS (with retryAfterSeconds) past the per-minute limit. */
  async takeQuestion(userId: string): Promise<void> {
    try {
      await this.perMinute.consume(userId);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw new TooManyRequestsError(
        `You have asked the assistant ${this.settings.messagesPerMinute} times this minute; wait a moment`,
        res.msBeforeNext / 1000,
      );
    }
  }

  /** A question that was not answered (refused, failed) does not count. */
  async giveBack(userId: string): Promise<void> {
    await this.perMinute.reward(userId, 1).catch(() => undefined);
  }

  /** TOO_MANY_REQUESTS, until the next UTC day, once the user's tokens of today reach the budget. */
  async checkBudget(em: EntityManager, userId: string, now = new Date()): Promise<void> {
    const rows = await em.execute<{ tokens: number }[]>(`select "tokens" from "assistant"."assistant_usage" where "user_id" = ? and "day" = ?`, [
      userId,
      utcDay(now),
    ]);
    if ((rows[0]?.tokens ?? 0) >= this.settings.dailyTokenBudget) {
      throw new TooManyRequestsError("You have used today's assistant budget; it renews at midnight UTC", secondsToNextUtcDay(now));
    }
  }

  /** Adds a reply's tokens to the user's day, in the caller's transaction. */
  async spend(em: EntityManager, userId: string, tokens: number, now = new Date()): Promise<void> {
    if (tokens <= 0) return;
    await em.execute(
      `insert into "assistant"."assistant_usage" ("user_id", "day", "tokens") values (?, ?, ?)
       on conflict ("user_id", "day") do update set "tokens" = "assistant_usage"."tokens" + excluded."tokens"`,
      [userId, utcDay(now), Math.min(tokens, 2_000_000_000)],
      'run',
    );
  }
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function secondsToNextUtcDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return (next - now.getTime()) / 1000;
}
