import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { OrdersContext } from '../../orders.context';
import { Product } from '../federation/product.stub';
import { CartItemView, CartView } from './cart.types';

@Resolver(() => CartView)
export class CartResolver {
  @Mutation(() => CartView, { description: 'CLIENT: adds units of a product on sale (adds to the line when it is there already); OUT_OF_STOCK beyond what is available' })
  addToCart(
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => Int, { description: '1 to 1000' }) quantity: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<CartView> {
    return (requireViewer(ctx, [Role.CLIENT]), ctx.services.carts.add(ctx, productId, quantity));
  }

  @Mutation(() => CartView, { description: "CLIENT: sets a line's quantity (0 removes it)" })
  updateCartItem(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('quantity', () => Int, { description: '0 to 1000' }) quantity: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<CartView> {
    return (requireViewer(ctx, [Role.CLIENT]), ctx.services.carts.update(ctx, itemId, quantity));
  }

  @Mutation(() => CartView, { description: 'CLIENT: empties the cart' })
  clearCart(@Ctx() ctx: OrdersContext): Promise<CartView> {
    return (requireViewer(ctx, [Role.CLIENT]), ctx.services.carts.clear(ctx));
  }
}

@Resolver(() => CartItemView)
export class CartItemResolver {
  @FieldResolver(() => Product, { description: 'Resolved by the catalog subgraph' })
  product(@Root() item: CartItemView): Product {
    return Product.of(item.productId);
  }
}
