import DataLoader from 'dataloader';
import type { EntityManager } from '../../../../kit/src/database/orm';
import { Product } from './product.entity';

/** Products by id, deleted ones included: federation references (past orders) must still resolve them. */
export function createProductLoader(em: EntityManager): DataLoader<string, Product | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(Product, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
