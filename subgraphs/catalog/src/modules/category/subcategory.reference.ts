import { isUuid } from '@espigon/kit/database/uuid';
import type { CatalogContext } from '../../catalog.context';
import type { Subcategory } from './subcategory.entity';

export async function resolveSubcategoryReference(reference: Pick<Subcategory, 'id'>, ctx: CatalogContext): Promise<Subcategory | null> {
  return isUuid(reference.id) ? ctx.loaders.subcategory.load(reference.id.toLowerCase()) : null;
}
