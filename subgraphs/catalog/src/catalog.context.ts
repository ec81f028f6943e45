import type DataLoader from 'dataloader';
import type { EntityManager } from '../../kit/src/database/orm';
import type { RequestContext } from '../../kit/src/server/request-context';
import type { OutboxRelay } from '../../kit/src/events/outbox-relay';
import { createCategoryLoader, createSubcategoriesByCategoryLoader, createSubcategoryLoader } from './modules/category/category.loader';
import type { Category } from './modules/category/category.entity';
import type { CategoryService } from './modules/category/category.service';
import type { Subcategory } from './modules/category/subcategory.entity';
import { createInventoryLoader } from './modules/inventory/inventory.loader';
import type { Inventory } from './modules/inventory/inventory.entity';
import type { InventoryService } from './modules/inventory/inventory.service';
import { createProductLoader } from './modules/product/product.loader';
import type { Product } from './modules/product/product.entity';
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
    category: createCategoryLoader(em),
    subcategory: createSubcategoryLoader(em),
    subcategoriesByCategory: createSubcategoriesByCategoryLoader(em),
    product: createProductLoader(em),
    inventory: createInventoryLoader(em),
  };
}
