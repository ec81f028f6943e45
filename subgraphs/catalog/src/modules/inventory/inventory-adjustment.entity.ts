import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The ledger of manual stock changes (adjustInventory): who changed what, by how much, and why. */
@Entity({ tableName: 'inventory_adjustment' })
export class InventoryAdjustment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

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

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
