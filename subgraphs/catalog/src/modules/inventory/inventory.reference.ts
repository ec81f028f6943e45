import { isUuid } from '@espigon/kit/database/uuid';
import { optionalViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { canView } from '../product/product-access';
import type { Inventory } from './inventory.entity';

/** A product's stock is seen by whoever may see the product. */
export async function resolveInventoryReference(reference: Pick<Inventory, 'productId'>, ctx: CatalogContext): Promise<Inventory | null> {
  if (!isUuid(reference.productId)) return null;
  const productId = reference.productId.toLowerCase();
  const [product, inventory] = await Promise.all([ctx.loaders.product.load(productId), ctx.loaders.inventory.load(productId)]);
  return product && canView(product, optionalViewer(ctx)) ? inventory : null;
}
