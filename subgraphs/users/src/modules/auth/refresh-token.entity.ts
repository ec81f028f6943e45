import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Index, Property } from '@mikro-orm/core';

/**
 * One issued refresh token, stored as a SHA-256 hash. Every use rotates it (usedAt set, a new one
 * issued in the same family); presenting a used or revoked one revokes the whole family.
 */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  userId!: string;

  @Index()
  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
