import DataLoader from 'dataloader';
import type { EntityManager } from '../../../../kit/src/database/orm';
import { Inventory } from './inventory.entity';

/** Stock of every product the request touches (Product.inventory and Product.available), in one query. */
export function createInventoryLoader(em: EntityManager): DataLoader<string, Inventory | null> {
  return new DataLoader(async (productIds) => {
    const rows = await em.find(Inventory, { productId: { $in: [...productIds] } });
    const byProduct = new Map(rows.map((i) => [i.productId, i]));
    return productIds.map((id) => byProduct.get(id) ?? null);
  });
}
