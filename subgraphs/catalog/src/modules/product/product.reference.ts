import { isUuid } from '../../../../kit/src/database/uuid';
import type { CatalogContext } from '../../catalog.context';
import type { Product } from './product.entity';

/** Deleted and unlisted products resolve too: an order or a report may point at them. */
export async function resolveProductReference(reference: Pick<Product, 'id'>, ctx: CatalogContext): Promise<Product | null> {
  return isUuid(reference.id) ? ctx.loaders.product.load(reference.id.toLowerCase()) : null;
}
