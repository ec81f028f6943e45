import { isUuid } from '@espigon/kit/database/uuid';
import { optionalViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import type { Product } from './product.entity';

/**
 * The same rule as `product(id)`: a deleted product, or an unlisted one that is not the viewer's own, resolves to
 * null, so no path through the gateway hands out what a query would not. (Orders keep a snapshot of what they show.)
 */
export async function resolveProductReference(reference: Pick<Product, 'id'>, ctx: CatalogContext): Promise<Product | null> {
  if (!isUuid(reference.id)) return null;
  optionalViewer(ctx); // a refused token is an error, not an anonymous request
  return ctx.services.products.visible(ctx, await ctx.loaders.product.load(reference.id.toLowerCase()));
}
