// Keeps the Redis denylist trustworthy: whenever its "loaded" marker is missing (first start, Redis restarted empty,
// keys evicted), every unexpired logout is written back from PostgreSQL and the marker set again. Until then every
// subgraph refuses tokens as SERVICE_UNAVAILABLE rather than accept one that was logged out.
import type { Redis } from 'ioredis';
import type { Orm } from '@espigon/kit/database/orm';
import type { RedisTokenDenylist } from '@espigon/kit/auth/token-denylist';
import type { Logger } from '@espigon/kit/logger';
import { RevokedAccessToken } from './revoked-access-token.entity';

export class DenylistRestorer {
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> | null = null;
  private readonly onReady = () => void this.ensureLoaded();

  constructor(
    private readonly orm: Orm,
    private readonly denylist: RedisTokenDenylist,
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly checkIntervalMs: number,
  ) {}

  start(): void {
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(this.onReady, this.checkIntervalMs);
    void this.ensureLoaded();
  }

  async stop(): Promise<void> {
    this.redis.off('ready', this.onReady);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pass;
  }

  /** One pass at a time; a failed pass (Redis or PostgreSQL unreachable) is retried at the next check. */
  ensureLoaded(): Promise<void> {
    this.pass ??= this.restoreIfMissing().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  private async restoreIfMissing(): Promise<void> {
    try {
      if (await this.denylist.isLoaded()) return;
      const revoked = await this.orm.em.fork().find(RevokedAccessToken, { expiresAt: { $gt: new Date() } }, { fields: ['jti', 'expiresAt'] });
      await this.denylist.restore(revoked);
      this.logger.info({ restored: revoked.length }, 'token denylist loaded from PostgreSQL');
    } catch (err) {
      this.logger.warn({ cause: err instanceof Error ? err.message : String(err) }, 'token denylist not loaded yet; tokens are refused until it is');
    }
  }
}
