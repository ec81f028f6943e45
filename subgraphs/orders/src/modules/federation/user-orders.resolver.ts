import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import { optionalViewer, requireViewer } from '@espigon/kit/server/request-context';
import type { OrdersContext } from '../../orders.context';
import { CartView } from '../cart/cart.types';
import { OrderConnection } from '../order/order-connection.type';
import { OrderStatus } from '../order/order-status.enum';
import { User } from './user.stub';

/** Adds the cart and the orders to the users subgraph's User. */
@Resolver(() => User)
export class UserOrdersResolver {
  @FieldResolver(() => CartView, {
    nullable: true,
    description: "The viewer's own cart (CLIENT); null for anyone else's, and for sellers and admins",
  })
  async cart(@Root() user: User, @Ctx() ctx: OrdersContext): Promise<CartView | null> {
    const viewer = optionalViewer(ctx);
    if (!viewer || viewer.id !== user.id || viewer.role !== Role.CLIENT) return null;
    return ctx.services.carts.view(ctx);
  }

  @FieldResolver(() => OrderConnection, {
    description: "The user's orders as a buyer, newest first: one's own (ADMIN: anyone's; FORBIDDEN for anyone else)",
  })
  orders(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Arg('status', () => OrderStatus, { nullable: true, description: 'Only the orders in this status' }) status: OrderStatus | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderConnection> {
    requireViewer(ctx);
    return ctx.services.orders.buyerOrders(ctx, user.id, { first, after, status }, ctx.loaders.buyerFirstPages);
  }
}
