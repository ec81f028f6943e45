import { isUuid } from '@espigon/kit/database/uuid';
import type { CatalogContext } from '../../catalog.context';
import type { Category } from './category.entity';

export async function resolveCategoryReference(reference: Pick<Category, 'id'>, ctx: CatalogContext): Promise<Category | null> {
  return isUuid(reference.id) ? ctx.loaders.category.load(reference.id.toLowerCase()) : null;
}
