import { isUuid } from '@espigon/kit/database/uuid';
import { optionalViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import type { Inventory } from './inventory.entity';

/** A product's stock is seen by whoever may see the product. */
export async function resolveInventoryReference(reference: Pick<Inventory, 'productId'>, ctx: CatalogContext): Promise<Inventory | null> {
  if (!isUuid(reference.productId)) return null;
  const productId = reference.productId.toLowerCase();
  const [product, inventory] = await Promise.all([ctx.loaders.product.load(productId), ctx.loaders.inventory.load(productId)]);
  optionalViewer(ctx); // a refused token is an error, not an anonymous request
  return ctx.services.products.visible(ctx, product) ? inventory : null;
}
