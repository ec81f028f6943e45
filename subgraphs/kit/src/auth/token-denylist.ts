// Access tokens revoked before their expiry (logout); every subgraph consults it when it checks a token.
import type { Redis } from 'ioredis';

export interface TokenDenylist {
  add(jti: string, ttlSeconds: number): Promise<void>;
  /** Throws when the answer cannot be trusted (store unreachable, or emptied and not yet restored). */
  has(jti: string): Promise<boolean>;
}

export interface RevokedToken {
  jti: string;
  expiresAt: Date;
}

/**
 * Redis is not the record of revocations (PostgreSQL is, in the users subgraph): a Redis that restarts empty would
 * forget every logout. So the denylist counts only while its "loaded" marker exists; the users subgraph writes the
 * marker after restoring every unexpired revocation, and until then no token is trusted.
 */
export class RedisTokenDenylist implements TokenDenylist {
  private readonly markerKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.markerKey = `${prefix}denylist:loaded`;
  }

  private key(jti: string): string {
    return `${this.prefix}denylist:${jti}`;
  }

  async add(jti: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.key(jti), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  /** One round trip: the marker and the token's entry together. */
  async has(jti: string): Promise<boolean> {
    const [loaded, revoked] = await this.redis.mget(this.markerKey, this.key(jti));
    if (loaded === null) throw new Error('token denylist not loaded');
    return revoked !== null;
  }

  async isLoaded(): Promise<boolean> {
    return (await this.redis.exists(this.markerKey)) === 1;
  }

  /** Writes every unexpired revocation, then the marker, in one transaction. */
  async restore(revoked: readonly RevokedToken[]): Promise<void> {
    const now = Date.now();
    const batch = this.redis.multi();
    for (const { jti, expiresAt } of revoked) {
      const ttlMs = expiresAt.getTime() - now;
      if (ttlMs > 0) batch.set(this.key(jti), '1', 'PX', ttlMs);
    }
    batch.set(this.markerKey, new Date(now).toISOString());
    const results = await batch.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('denylist restore aborted');
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
