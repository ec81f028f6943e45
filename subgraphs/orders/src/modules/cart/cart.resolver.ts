import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { OrdersContext } from '../../orders.context';
import { Product } from '../federation/product.stub';
import { CartItemView, CartView } from './cart.types';

@Resolver(() => CartView)
export class CartResolver {
  @Mutation(() => CartView, {
    description:
      'CLIENT: adds units of a product on sale (adds to the line when it is there already); OUT_OF_STOCK beyond what is available. ' +
      'Nothing is reserved until checkout',
  })
  addToCart(
    @Arg('productId', () => ID, { description: 'A product on sale (NOT_FOUND otherwise); a cart holds at most 50 different products' })
    productId: string,
    @Arg('quantity', () => Int, { description: "Units to add, in the product's unit: 1 to 1000 (a line holds at most 1000)" }) quantity: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<CartView> {
    return (requireViewer(ctx, [Role.CLIENT]), ctx.services.carts.add(ctx, productId, quantity));
  }

  @Mutation(() => CartView, {
    description:
      "CLIENT: sets a line's quantity (0 removes it); OUT_OF_STOCK beyond what is available, CONFLICT when the product is no longer on sale",
  })
  updateCartItem(
    @Arg('itemId', () => ID, { description: "A line of the viewer's cart: CartItem.id or UnavailableCartItem.id (NOT_FOUND otherwise)" })
    itemId: string,
    @Arg('quantity', () => Int, { description: 'The new quantity: 0 to 1000' }) quantity: number,
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
  @FieldResolver(() => Product, { description: 'The product as it is now (resolved by the catalog subgraph)' })
  product(@Root() item: CartItemView): Product {
    return Product.of(item.productId);
  }
}
