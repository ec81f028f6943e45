import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@espigon/kit/graphql/federated-schema';
import { resolveCategoryReference } from './modules/category/category.reference';
import { CategoryResolver } from './modules/category/category.resolver';
import { resolveSubcategoryReference } from './modules/category/subcategory.reference';
import { SubcategoryResolver } from './modules/category/subcategory.resolver';
import { resolveInventoryReference } from './modules/inventory/inventory.reference';
import { InventoryResolver } from './modules/inventory/inventory.resolver';
import { InventoryAlertResolver } from './modules/inventory/inventory-alert.resolver';
import { resolveProductReference } from './modules/product/product.reference';
import { ProductResolver } from './modules/product/product.resolver';
import { UserProductsResolver } from './modules/user/user-products.resolver';
import { resolveUserReference } from './modules/user/user.reference';

export function buildCatalogSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CategoryResolver, SubcategoryResolver, ProductResolver, InventoryResolver, UserProductsResolver, InventoryAlertResolver],
    referenceResolvers: {
      Category: { __resolveReference: resolveCategoryReference },
      Subcategory: { __resolveReference: resolveSubcategoryReference },
      Product: { __resolveReference: resolveProductReference },
      Inventory: { __resolveReference: resolveInventoryReference },
      User: { __resolveReference: resolveUserReference },
    },
  });
}
