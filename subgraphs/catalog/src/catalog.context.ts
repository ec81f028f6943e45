import type DataLoader from 'dataloader';
import type { EntityManager } from '../../kit/src/database/orm';
import type { RequestContext } from '../../kit/src/server/request-context';
import type { OutboxRelay } from '../../kit/src/events/outbox-relay';
import { createEntityLoader } from '../../kit/src/database/entity-loader';
import { createSubcategoriesByCategoryLoader } from './modules/category/category.loader';
import { Category } from './modules/category/category.entity';
import type { CategoryService } from './modules/category/category.service';
import { Subcategory } from './modules/category/subcategory.entity';
import { Inventory } from './modules/inventory/inventory.entity';
import type { InventoryService } from './modules/inventory/inventory.service';
import { Product } from './modules/product/product.entity';
import type { ProductService } from './modules/product/product.service';
import type { ReservationService } from './modules/reservation/reservation.service';

export interface CatalogServices {
  categories: CategoryService;
  products: ProductService;
  inventory: InventoryService;
  reservations: ReservationService;
  outboxRelay: OutboxRelay;
}

export interface CatalogLoaders {
  category: DataLoader<string, Category | null>;
  subcategory: DataLoader<string, Subcategory | null>;
  subcategoriesByCategory: DataLoader<string, Subcategory[]>;
  product: DataLoader<string, Product | null>;
  inventory: DataLoader<string, Inventory | null>;
}

export interface CatalogContext extends RequestContext {
  services: CatalogServices;
  loaders: CatalogLoaders;
}

/** Fresh per request, bound to the request's entity-manager fork. */
export function createCatalogLoaders(em: EntityManager): CatalogLoaders {
  return {
    category: createEntityLoader(em, Category),
    subcategory: createEntityLoader(em, Subcategory),
    subcategoriesByCategory: createSubcategoriesByCategoryLoader(em),
    // deleted products included: federation references (past orders) must still resolve them
    product: createEntityLoader(em, Product),
    inventory: createEntityLoader(em, Inventory, 'productId'),
  };
}
