import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { optionalViewer } from '../../../../kit/src/server/request-context';
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
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<ProductConnection> {
    return ctx.services.products.list(ctx.em, optionalViewer(ctx), {
      filter: { sellerId: user.id },
      sort: ProductSort.NEWEST,
      first,
      after,
    });
  }
}
