// The catalog subgraph: categories, products and their search, stock, and the reservations orders hold.
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { resolveInternalServiceToken } from '@espigon/kit/auth/internal-credential';
import { catalogConfigSchema, catalogProductionRequired, type CatalogConfig } from './config';
import { createCatalogLoaders, type CatalogContext, type CatalogServices } from './catalog.context';
import { Migration20261123100000_catalog } from './migrations/Migration20261123100000_catalog';
import { Migration20261124000000_search_quotes } from './migrations/Migration20261124000000_search_quotes';
import { Migration20261124010000_reservation_checkout } from './migrations/Migration20261124010000_reservation_checkout';
import { Category } from './modules/category/category.entity';
import { CategoryService } from './modules/category/category.service';
import { Subcategory } from './modules/category/subcategory.entity';
import { InventoryAdjustment } from './modules/inventory/inventory-adjustment.entity';
import { Inventory } from './modules/inventory/inventory.entity';
import { InventoryService } from './modules/inventory/inventory.service';
import { Product } from './modules/product/product.entity';
import { ProductService } from './modules/product/product.service';
import { ProductLookupController } from './modules/product/product-lookup.controller';
import { ReservationController } from './modules/reservation/reservation.controller';
import { Reservation } from './modules/reservation/reservation.entity';
import { ReservationService } from './modules/reservation/reservation.service';
import { buildCatalogSchema } from './schema';
import { seedDemoCatalog } from './seed/demo-catalog.seed';

export const catalogSubgraph: SubgraphDefinition<CatalogConfig, CatalogContext, CatalogServices> = {
  name: 'catalog',
  configSchema: catalogConfigSchema,
  productionRequired: catalogProductionRequired,
  entities: [Category, Subcategory, Product, Inventory, InventoryAdjustment, Reservation],
  outbox: true,
  migrations: [Migration20261123100000_catalog, Migration20261124000000_search_quotes, Migration20261124010000_reservation_checkout],
  buildSchema: buildCatalogSchema,
  createServices: () => {
    const products = new ProductService();
    return {
      categories: new CategoryService(),
      products,
      inventory: new InventoryService(products),
      reservations: new ReservationService(),
    };
  },
  extendContext: (base, services, { events }) => ({ ...base, services, loaders: createCatalogLoaders(base, services.products), events }),
  routes: (app, services, { config, orm, logger }) => {
    const token = resolveInternalServiceToken(config.INTERNAL_SERVICE_TOKEN, config.NODE_ENV, config.DATA_DIR);
    new ReservationController(services.reservations, orm, logger).mount(app, token);
    new ProductLookupController(services.products, orm, logger).mount(app, token);
  },
  seed: async (em, _services, { logger }) => {
    const created = await seedDemoCatalog(em);
    if (created.categories || created.products) logger.info(created, 'demo catalog seeded');
  },
};
