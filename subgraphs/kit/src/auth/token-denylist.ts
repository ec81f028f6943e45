// Access tokens revoked before their expiry (logout); every subgraph consults it when it checks a token.
import type { Redis } from 'ioredis';

export interface TokenDenylist {
  add(jti: string, ttlSeconds: number): Promise<void>;
  has(jti: string): Promise<boolean>;
}

export class RedisTokenDenylist implements TokenDenylist {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(jti: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`${this.prefix}denylist:${jti}`, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async has(jti: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}denylist:${jti}`)) === 1;
  }
}

/** In-process store for the embedded mode, shared by every service running in this process. */
export class MemoryTokenDenylist implements TokenDenylist {
  private static readonly shared = new Map<string, number>();

  async add(jti: string, ttlSeconds: number): Promise<void> {
    MemoryTokenDenylist.shared.set(jti, Date.now() + ttlSeconds * 1000);
    this.sweep();
  }

  async has(jti: string): Promise<boolean> {
    const until = MemoryTokenDenylist.shared.get(jti);
    return until !== undefined && until > Date.now();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [jti, until] of MemoryTokenDenylist.shared) if (until <= now) MemoryTokenDenylist.shared.delete(jti);
  }
}
