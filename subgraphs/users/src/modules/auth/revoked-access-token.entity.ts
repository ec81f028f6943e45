import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An access token ended by logout before its expiry: the durable record behind the Redis denylist, from which
 * the denylist is restored when Redis comes back empty. Kept until the token would have expired anyway (plus a grace
 * for clocks that run behind: REVOCATION_GRACE_MS).
 */
@Entity({ tableName: 'revoked_access_token' })
export class RevokedAccessToken {
  @PrimaryKey({ type: 'string', length: 64 })
  jti!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Index()
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
