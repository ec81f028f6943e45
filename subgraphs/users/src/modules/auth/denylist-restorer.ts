// Keeps the Redis denylist trustworthy: whenever its "loaded" marker is missing (first start, Redis restarted empty,
// the denylist evicted or deleted), every unexpired logout is written back from PostgreSQL and the marker set again.
// Until then every subgraph refuses tokens as SERVICE_UNAVAILABLE rather than accept one that was logged out.
import type { Redis } from 'ioredis';
import type { Orm } from '@espigon/kit/database/orm';
import { REVOCATION_GRACE_MS, type RedisTokenDenylist, type RevokedToken } from '@espigon/kit/auth/token-denylist';
import type { Logger } from '@espigon/kit/logger';
import { RevokedAccessToken } from './revoked-access-token.entity';

/** Entries of expired tokens are dropped about this often (they no longer matter: an expired token is refused anyway). */
const PRUNE_EVERY_MS = 60_000;

export class DenylistRestorer {
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = Date.now();
  private pass: Promise<void> | null = null;
  /**
   * Set when Redis may have missed a logout that PostgreSQL recorded (it reconnected, or a logout could not write to
   * it): the next pass writes every unexpired revocation again, even though the marker is still there.
   */
  private topUpPending = false;
  private readonly onReady = () => this.requestTopUp();
  private readonly onTick = () => void this.ensureLoaded();

  constructor(
    private readonly orm: Orm,
    private readonly denylist: RedisTokenDenylist,
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly checkIntervalMs: number,
  ) {}

  start(): void {
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(this.onTick, this.checkIntervalMs);
    void this.ensureLoaded();
  }

  async stop(): Promise<void> {
    this.redis.off('ready', this.onReady);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pass;
  }

  /** A logout reached PostgreSQL but not Redis (down, or too slow): put it there as soon as Redis answers. */
  requestTopUp(): void {
    this.topUpPending = true;
    void this.ensureLoaded();
  }

  /** One pass at a time; a failed pass (Redis or PostgreSQL unreachable) is retried at the next check. */
  ensureLoaded(): Promise<void> {
    this.pass ??= this.check().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  private async check(): Promise<void> {
    try {
      if (!(await this.denylist.isLoaded())) return await this.restore();
      if (this.topUpPending) {
        this.topUpPending = false;
        await this.topUp().catch((err: unknown) => {
          this.topUpPending = true;
          throw err;
        });
        return;
      }
      await this.pruneNowAndThen();
    } catch (err) {
      this.logger.warn({ cause: err instanceof Error ? err.message : String(err) }, 'token denylist not checked; trying again at the next check');
    }
  }

  private async restore(): Promise<void> {
    // the nonce goes in before PostgreSQL is read: a logout committed after the read reaches Redis after the nonce,
    // so if Redis loses it again before the pass completes, it loses the nonce too and the pass is not trusted
    const nonce = await this.denylist.beginRestore();
    const revoked = await this.unexpiredRevocations();
    if (await this.denylist.completeRestore(nonce, revoked)) {
      this.topUpPending = false;
      this.logger.info({ restored: revoked.length }, 'token denylist loaded from PostgreSQL');
    } else {
      this.logger.warn('token denylist emptied again while loading; loading again at the next check');
    }
  }

  private async topUp(): Promise<void> {
    const revoked = await this.unexpiredRevocations();
    await this.denylist.addMany(revoked);
    this.logger.info({ written: revoked.length }, 'token denylist topped up from PostgreSQL');
  }

  private unexpiredRevocations(): Promise<RevokedToken[]> {
    const keepAfter = new Date(Date.now() - REVOCATION_GRACE_MS);
    return this.orm.em.fork().find(RevokedAccessToken, { expiresAt: { $gt: keepAfter } }, { fields: ['jti', 'expiresAt'] });
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const pruned = await this.denylist.prune();
    if (pruned) this.logger.debug({ pruned }, 'expired entries dropped from the token denylist');
  }
}
