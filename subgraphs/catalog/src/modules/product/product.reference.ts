import { isUuid } from '@espigon/kit/database/uuid';
import { optionalViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { canView } from './product-access';
import type { Product } from './product.entity';

/**
 * The same rule as `product(id)`: a deleted product, or an unlisted one that is not the viewer's own, resolves to
 * null, so no path through the gateway hands out what a query would not. (Orders keep a snapshot of what they show.)
 */
export async function resolveProductReference(reference: Pick<Product, 'id'>, ctx: CatalogContext): Promise<Product | null> {
  if (!isUuid(reference.id)) return null;
  const product = await ctx.loaders.product.load(reference.id.toLowerCase());
  return product && canView(product, optionalViewer(ctx)) ? product : null;
}
