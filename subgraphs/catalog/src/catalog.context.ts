import DataLoader from 'dataloader';
import type { RequestContext } from '@espigon/kit/server/request-context';
import { createEntityLoader } from '@espigon/kit/database/entity-loader';
import { createSubcategoriesByCategoryLoader } from './modules/category/category.loader';
import { Category } from './modules/category/category.entity';
import type { CategoryService } from './modules/category/category.service';
import { Subcategory } from './modules/category/subcategory.entity';
import { Inventory } from './modules/inventory/inventory.entity';
import type { InventoryService } from './modules/inventory/inventory.service';
import { Product } from './modules/product/product.entity';
import type { ProductService } from './modules/product/product.service';
import type { ProductConnection } from './modules/product/product-connection.type';
import { isUuid } from '@espigon/kit/database/uuid';
import type { ReservationService } from './modules/reservation/reservation.service';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import type { EventBus } from '@espigon/kit/events/pubsub';

export interface CatalogServices {
  categories: CategoryService;
  products: ProductService;
  inventory: InventoryService;
  reservations: ReservationService;
}

export interface CatalogLoaders {
  /** First pages of sellers' listings (User.products without `after`), keyed by seller and page size. */
  sellerListings: DataLoader<{ sellerId: string; first: number }, ProductConnection>;
  category: DataLoader<string, Category | null>;
  subcategory: DataLoader<string, Subcategory | null>;
  subcategoriesByCategory: DataLoader<string, Subcategory[]>;
  product: DataLoader<string, Product | null>;
  inventory: DataLoader<string, Inventory | null>;
}

export interface CatalogContext extends RequestContext {
  services: CatalogServices;
  loaders: CatalogLoaders;
  /** Live pub/sub, for subscriptions. */
  events: EventBus;
}

/** Fresh per request, bound to the request's entity-manager fork and viewer. */
export function createCatalogLoaders(ctx: ServiceContext, products: ProductService): CatalogLoaders {
  const { em } = ctx;
  return {
    sellerListings: new DataLoader(
      async (keys) => {
        // one batch per page size (a request normally asks every seller for the same size)
        const pages = new Map<number, Map<string, ProductConnection>>();
        for (const first of new Set(keys.map((k) => k.first))) {
          const sellerIds = [...new Set(keys.filter((k) => k.first === first && isUuid(k.sellerId)).map((k) => k.sellerId.toLowerCase()))];
          pages.set(first, sellerIds.length ? await products.firstPagesBySeller(ctx, sellerIds, first) : new Map());
        }
        return keys.map((k) => pages.get(k.first)?.get(k.sellerId.toLowerCase()) ?? products.emptyPage());
      },
      { cacheKeyFn: (k) => `${k.sellerId}:${k.first}` },
    ),
    category: createEntityLoader(em, Category),
    subcategory: createEntityLoader(em, Subcategory),
    subcategoriesByCategory: createSubcategoriesByCategoryLoader(em),
    // every row, deleted and unlisted included: the callers decide who may see it (product-access.ts)
    product: createEntityLoader(em, Product),
    inventory: createEntityLoader(em, Inventory, 'productId'),
  };
}
