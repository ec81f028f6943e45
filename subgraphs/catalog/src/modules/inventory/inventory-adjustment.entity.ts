import { BaseEntity } from '@espigon/kit/database/base-entity';
import { Entity, Property } from '@mikro-orm/core';

/** The ledger of manual stock changes (adjustInventory): who changed what, by how much, and why. */
@Entity({ tableName: 'inventory_adjustment' })
export class InventoryAdjustment extends BaseEntity {
  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'integer' })
  delta!: number;

  @Property({ type: 'string', length: 200, nullable: true })
  reason: string | null = null;

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'integer' })
  quantityOnHandAfter!: number;
}
