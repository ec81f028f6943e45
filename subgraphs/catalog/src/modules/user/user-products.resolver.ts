import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION, pageSize } from '@espigon/kit/graphql/connection';
import { optionalViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { ProductConnection } from '../product/product-connection.type';
import { ProductSort } from '../product/product-sort.enum';
import { User } from './user.stub';

/** Adds a seller's listings to the users subgraph's User. */
@Resolver(() => User)
export class UserProductsResolver {
  @FieldResolver(() => ProductConnection, { description: "A seller's listings, newest first (unlisted ones to the seller and admins)" })
  products(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<ProductConnection> {
    optionalViewer(ctx); // a refused token is an error, not an anonymous request
    // the first page is batched across every user of the request; later pages go one seller at a time
    if (!after) return ctx.loaders.sellerListings.load({ sellerId: user.id, first: pageSize(first) });
    return ctx.services.products.list(ctx, {
      filter: { sellerId: user.id },
      sort: ProductSort.NEWEST,
      first,
      after,
    });
  }
}
