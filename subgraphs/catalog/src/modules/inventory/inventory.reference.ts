import { isUuid } from '../../../../kit/src/database/uuid';
import type { CatalogContext } from '../../catalog.context';
import type { Inventory } from './inventory.entity';

export async function resolveInventoryReference(reference: Pick<Inventory, 'productId'>, ctx: CatalogContext): Promise<Inventory | null> {
  return isUuid(reference.productId) ? ctx.loaders.inventory.load(reference.productId.toLowerCase()) : null;
}
