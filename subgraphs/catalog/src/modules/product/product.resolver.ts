import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '@espigon/kit/database/uuid';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import { optionalViewer, requireViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { Subcategory } from '../category/subcategory.entity';
import { Inventory } from '../inventory/inventory.entity';
import { User } from '../user/user.stub';
import { ProductConnection } from './product-connection.type';
import { ProductSort } from './product-sort.enum';
import { canBeOrdered } from './product-rules';
import { Product } from './product.entity';
import { CreateProductInput, ProductFilter, UpdateProductInput } from './product.inputs';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'null when it does not exist, is deleted, or is unlisted and not yours' })
  async product(@Arg('id', () => ID, { description: "The product's id" }) id: string, @Ctx() ctx: CatalogContext): Promise<Product | null> {
    optionalViewer(ctx); // a refused token is an error, not an anonymous request
    return ctx.services.products.visible(ctx, isUuid(id) ? await ctx.loaders.product.load(id.toLowerCase()) : null);
  }

  @Query(() => ProductConnection, {
    description:
      'Browse and search the catalog, newest first unless sorted otherwise: anyone; unlisted products only to their seller and ADMIN, ' +
      'deleted ones to nobody',
  })
  products(
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Which products; all that the viewer may see without it' })
    filter: ProductFilter | null,
    @Arg('sort', () => ProductSort, { nullable: true, description: 'The order of the list; default NEWEST' }) sort: ProductSort | null,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<ProductConnection> {
    optionalViewer(ctx); // a refused token is an error, not an anonymous request
    return ctx.services.products.list(ctx, { filter, sort, first, after }, (inventory) =>
      ctx.loaders.inventory.prime(inventory.productId, inventory),
    );
  }

  @Mutation(() => Product, { description: "SELLER: list a product of one's own" })
  createProduct(
    @Arg('input', () => CreateProductInput, { description: 'The listing and its initial stock' }) input: CreateProductInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<Product> {
    return (requireViewer(ctx, [Role.SELLER]), ctx.services.products.create(ctx, input));
  }

  @Mutation(() => Product, { description: 'The seller of the product, or an ADMIN: changes the fields given (FORBIDDEN for anyone else)' })
  updateProduct(
    @Arg('id', () => ID, { description: "The product's id (NOT_FOUND when it does not exist or is deleted)" }) id: string,
    @Arg('input', () => UpdateProductInput, { description: 'The changes' }) input: UpdateProductInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<Product> {
    return (requireViewer(ctx, [Role.SELLER, Role.ADMIN]), ctx.services.products.update(ctx, id, input));
  }

  @Mutation(() => Boolean, {
    description:
      'The seller of the product, or an ADMIN: takes it off the catalog for good (a soft delete: past orders still show it); true when done',
  })
  deleteProduct(
    @Arg('id', () => ID, { description: "The product's id (NOT_FOUND when it does not exist or is deleted)" }) id: string,
    @Ctx() ctx: CatalogContext,
  ): Promise<boolean> {
    return (requireViewer(ctx, [Role.SELLER, Role.ADMIN]), ctx.services.products.delete(ctx, id));
  }

  @FieldResolver(() => Subcategory, { description: 'Where it is filed in the catalog' })
  async subcategory(@Root() product: Product, @Ctx() ctx: CatalogContext): Promise<Subcategory> {
    return (await ctx.loaders.subcategory.load(product.subcategoryId))!; // foreign key: always there
  }

  @FieldResolver(() => User, { description: 'The seller who lists it (resolved by the users subgraph)' })
  seller(@Root() product: Product): User {
    return User.of(product.sellerId);
  }

  @FieldResolver(() => Inventory, { description: 'Its stock: on hand, held for orders, available' })
  async inventory(@Root() product: Product, @Ctx() ctx: CatalogContext): Promise<Inventory> {
    return (await ctx.loaders.inventory.load(product.id))!; // created with the product
  }

  @FieldResolver(() => Date, { description: 'When the listing last changed (UTC; stock changes are on the inventory)' })
  updatedAt(@Root() product: Product): Date {
    return product.updatedAt;
  }

  @FieldResolver(() => Boolean, { description: 'Listed, not deleted, and quantityAvailable > 0' })
  async available(@Root() product: Product, @Ctx() ctx: CatalogContext): Promise<boolean> {
    return canBeOrdered(product, await ctx.loaders.inventory.load(product.id));
  }
}
