import DataLoader from 'dataloader';
import type { EntityManager } from '@espigon/kit/database/orm';
import { Subcategory } from './subcategory.entity';

/** Category.subcategories for every category of the request in one query, by name. */
export function createSubcategoriesByCategoryLoader(em: EntityManager): DataLoader<string, Subcategory[]> {
  return new DataLoader(async (categoryIds) => {
    const rows = await em.find(Subcategory, { categoryId: { $in: [...categoryIds] } }, { orderBy: { name: 'asc', id: 'asc' } });
    const byCategory = new Map<string, Subcategory[]>();
    for (const row of rows) byCategory.set(row.categoryId, [...(byCategory.get(row.categoryId) ?? []), row]);
    return categoryIds.map((id) => byCategory.get(id) ?? []);
  });
}
