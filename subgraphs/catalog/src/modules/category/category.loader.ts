import DataLoader from 'dataloader';
import type { EntityManager } from '../../../../kit/src/database/orm';
import { Category } from './category.entity';
import { Subcategory } from './subcategory.entity';

/** One query per request for every category the request touches (Subcategory.category, references). */
export function createCategoryLoader(em: EntityManager): DataLoader<string, Category | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(Category, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** One query per request for every subcategory the request touches (Product.subcategory, references). */
export function createSubcategoryLoader(em: EntityManager): DataLoader<string, Subcategory | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(Subcategory, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Category.subcategories for every category of the request in one query, by name. */
export function createSubcategoriesByCategoryLoader(em: EntityManager): DataLoader<string, Subcategory[]> {
  return new DataLoader(async (categoryIds) => {
    const rows = await em.find(Subcategory, { categoryId: { $in: [...categoryIds] } }, { orderBy: { name: 'asc', id: 'asc' } });
    const byCategory = new Map<string, Subcategory[]>();
    for (const row of rows) byCategory.set(row.categoryId, [...(byCategory.get(row.categoryId) ?? []), row]);
    return categoryIds.map((id) => byCategory.get(id) ?? []);
  });
}
