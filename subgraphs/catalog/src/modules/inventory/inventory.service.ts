// Manual stock changes by the seller, never below what orders hold; a fall to the low-stock threshold raises an alert.
import { Role } from '@espigon/kit/auth/role';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@espigon/kit/database/orm';
import { BadUserInputError } from '@espigon/kit/errors';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';
import type { ProductService } from '../product/product.service';
import { adjustmentReason, stockDelta } from '../product/product-rules';
import { recordProductsChanged } from '../product/product-events';
import { InventoryAdjustment } from './inventory-adjustment.entity';
import { Inventory } from './inventory.entity';
import { DomainTopic, type InventoryAlertPayload } from '@espigon/kit/events/domain-events';
import { lowStockAlertDue } from './low-stock-rule';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';

export class InventoryService {
  constructor(private readonly products: ProductService) {}

  async adjust(ctx: ServiceContext, productId: string, deltaInput: number, reasonInput?: string | null): Promise<Inventory> {
    const viewer = actor(ctx);
    const delta = stockDelta(deltaInput);
    const reason = adjustmentReason(reasonInput);
    // a low-stock alert is written to the outbox in the same transaction; the kit wakes the relay when it commits
    return ctx.em.transactional(async (tx) => {
      const product = await this.products.findManaged({ ...ctx, em: tx }, productId, 'productId');
      // the row lock orders this change against concurrent reservations of the same product
      const stock = await tx.findOneOrFail(Inventory, { productId: product.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (stock.quantityOnHand + delta < stock.quantityReserved) {
        throw new BadUserInputError(
          `Stock cannot go below what orders hold: ${stock.quantityReserved} reserved, ${stock.quantityOnHand} on hand`,
          'delta',
        );
      }
      const availableBefore = stock.quantityAvailable;
      stock.quantityOnHand += delta;
      tx.create(InventoryAdjustment, {
        productId: product.id,
        delta,
        reason,
        actorId: viewer.id,
        quantityOnHandAfter: stock.quantityOnHand,
      } as InventoryAdjustment);
      recordAlertIfDue(tx, { sellerId: product.sellerId, name: product.name }, stock, availableBefore);
      await tx.flush();
      await recordProductsChanged(tx, [product.id]);
      return stock;
    });
  }
}

/** Writes an inventory.alert into the outbox (same transaction as the change) when the rule says so. */
export function recordAlertIfDue(
  em: EntityManager,
  product: { sellerId: string; name: string },
  stock: Pick<Inventory, 'productId' | 'quantityAvailable' | 'lowStockThreshold'>,
  availableBefore: number,
): boolean {
  if (!lowStockAlertDue(availableBefore, stock.quantityAvailable, stock.lowStockThreshold)) return false;
  const payload: InventoryAlertPayload = {
    productId: stock.productId,
    sellerId: product.sellerId,
    productName: product.name,
    quantityAvailable: stock.quantityAvailable,
    lowStockThreshold: stock.lowStockThreshold,
  };
  // pushed live to the product's seller and to administrators
  recordOutboxEvent(em, DomainTopic.INVENTORY_ALERT, { ...payload }, { userIds: [product.sellerId], roles: [Role.ADMIN] });
  return true;
}
