// A client's cart: lines of products by id, checked against what catalog says is available (nothing is reserved
// until checkout). Lines of products that were unlisted or deleted stay, shown apart, until the client removes them.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { CatalogProductsClient, ProductForOrders } from '@espigon/kit/clients/catalog-products.client';
import type { EntityManager } from '@espigon/kit/database/orm';
import { isUuid } from '@espigon/kit/database/uuid';
import { AppError, ErrorCode, NotFoundError } from '@espigon/kit/errors';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import { parseInput } from '@espigon/kit/validation';
import { Cart, CartItem } from './cart.entity';
import { CartView, CartItemView, UnavailableCartItem } from './cart.types';

/** Distinct products one cart may hold (catalog's lookup and reservation take at most 100 lines). */
export const CART_LINES_MAX = 50;
/** Units of one product one line may hold. */
export const LINE_QUANTITY_MAX = 1000;

const id = (field: string) =>
  z
    .string()
    .refine(isUuid, `${field} must be an id`)
    .transform((v) => v.toLowerCase());
const addInput = z.object({ productId: id('productId'), quantity: z.number().int().min(1).max(LINE_QUANTITY_MAX) });
const updateInput = z.object({ itemId: id('itemId'), quantity: z.number().int().min(0).max(LINE_QUANTITY_MAX) });

export class CartService {
  constructor(private readonly catalog: CatalogProductsClient) {}

  /** The viewer's cart (created empty on first use), priced with catalog's current data. */
  async view(ctx: ServiceContext): Promise<CartView> {
    const cart = await this.ensureCart(ctx.em, actor(ctx).id);
    const items = await ctx.em.find(CartItem, { cartId: cart.id }, { orderBy: { addedAt: 'asc', id: 'asc' } });
    return this.price(cart, items, await this.catalog.lookup(items.map((i) => i.productId)));
  }

  async add(ctx: ServiceContext, productIdInput: string, quantityInput: number): Promise<CartView> {
    const { productId, quantity } = parseInput(addInput, { productId: productIdInput, quantity: quantityInput });
    const buyerId = actor(ctx).id;
    const product = (await this.catalog.lookup([productId])).get(productId);
    if (!product?.visible) throw new NotFoundError('Product');
    const cart = await this.ensureCart(ctx.em, buyerId);
    await ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(CartItem, { cartId: cart.id, productId });
      const wanted = (existing?.quantity ?? 0) + quantity;
      assertAvailable(product, wanted);
      if (wanted > LINE_QUANTITY_MAX)
        throw new AppError(ErrorCode.BAD_USER_INPUT, `A line holds at most ${LINE_QUANTITY_MAX} units`, { field: 'quantity' });
      if (existing) {
        existing.quantity = wanted;
        existing.productName = product.name;
      } else {
        if ((await tx.count(CartItem, { cartId: cart.id })) >= CART_LINES_MAX) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `A cart holds at most ${CART_LINES_MAX} different products`, { field: 'productId' });
        }
        tx.create(CartItem, { cartId: cart.id, productId, sellerId: product.sellerId, productName: product.name, quantity } as CartItem);
      }
      await tx.nativeUpdate(Cart, { id: cart.id }, { updatedAt: new Date() });
    });
    return this.view(ctx);
  }

  /** Sets a line's quantity; 0 removes it. Only lines of the viewer's own cart (anyone else's: NOT_FOUND). */
  async update(ctx: ServiceContext, itemIdInput: string, quantityInput: number): Promise<CartView> {
    const { itemId, quantity } = parseInput(updateInput, { itemId: itemIdInput, quantity: quantityInput });
    const cart = await this.ensureCart(ctx.em, actor(ctx).id);
    const item = await ctx.em.findOne(CartItem, { id: itemId, cartId: cart.id });
    if (!item) throw new NotFoundError('Cart item');
    if (quantity === 0) {
      await ctx.em.nativeDelete(CartItem, { id: item.id });
    } else {
      const product = (await this.catalog.lookup([item.productId])).get(item.productId);
      if (!product?.visible) throw new AppError(ErrorCode.CONFLICT, 'This product is no longer on sale: remove it from the cart');
      assertAvailable(product, quantity);
      await ctx.em.nativeUpdate(CartItem, { id: item.id }, { quantity, productName: product.name });
    }
    await ctx.em.nativeUpdate(Cart, { id: cart.id }, { updatedAt: new Date() });
    return this.view(ctx);
  }

  async clear(ctx: ServiceContext): Promise<CartView> {
    const cart = await this.ensureCart(ctx.em, actor(ctx).id);
    await ctx.em.nativeDelete(CartItem, { cartId: cart.id });
    return this.view(ctx);
  }

  /** The lines a checkout turns into orders. */
  async lines(em: EntityManager, buyerId: string): Promise<CartItem[]> {
    const cart = await em.findOne(Cart, { buyerId });
    return cart ? em.find(CartItem, { cartId: cart.id }, { orderBy: { addedAt: 'asc', id: 'asc' } }) : [];
  }

  /** Takes out what a checkout bought (lines added or raised meanwhile keep the difference). */
  async removeBought(tx: EntityManager, buyerId: string, bought: readonly { productId: string; quantity: number }[]): Promise<void> {
    const cart = await tx.findOne(Cart, { buyerId });
    if (!cart) return;
    for (const line of bought) {
      await tx.execute(`delete from "orders"."cart_item" where "cart_id" = ? and "product_id" = ? and "quantity" <= ?`, [
        cart.id,
        line.productId,
        line.quantity,
      ]);
      await tx.execute(`update "orders"."cart_item" set "quantity" = "quantity" - ? where "cart_id" = ? and "product_id" = ?`, [
        line.quantity,
        cart.id,
        line.productId,
      ]);
    }
    await tx.nativeUpdate(Cart, { id: cart.id }, { updatedAt: new Date() });
  }

  private async ensureCart(em: EntityManager, buyerId: string): Promise<Cart> {
    const found = await em.findOne(Cart, { buyerId });
    if (found) return found;
    try {
      const cart = em.create(Cart, { buyerId } as Cart);
      await em.persistAndFlush(cart);
      return cart;
    } catch (err) {
      // the same client's concurrent first request made it
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      em.clear();
      return em.findOneOrFail(Cart, { buyerId });
    }
  }

  private price(cart: Cart, items: CartItem[], products: Map<string, ProductForOrders>): CartView {
    const view = Object.assign(new CartView(), {
      id: cart.id,
      items: [] as CartItemView[],
      unavailableItems: [] as UnavailableCartItem[],
      subtotalCents: 0,
    });
    for (const item of items) {
      const product = products.get(item.productId);
      if (!product?.visible) {
        view.unavailableItems.push(
          Object.assign(new UnavailableCartItem(), {
            id: item.id,
            productId: item.productId,
            productName: item.productName,
            quantity: item.quantity,
          }),
        );
        continue;
      }
      const line = Object.assign(new CartItemView(), {
        id: item.id,
        productId: item.productId,
        quantity: item.quantity,
        productName: product.name,
        unitPriceCents: product.priceCents,
        lineTotalCents: product.priceCents * item.quantity,
        quantityAvailable: product.quantityAvailable,
        available: product.quantityAvailable >= item.quantity,
      });
      view.items.push(line);
      view.subtotalCents += line.lineTotalCents;
    }
    return view;
  }
}

function assertAvailable(product: ProductForOrders, wanted: number): void {
  if (product.quantityAvailable >= wanted) return;
  throw new AppError(ErrorCode.OUT_OF_STOCK, `Only ${product.quantityAvailable} available of ${product.name}`, {
    lines: [{ productId: product.id, requested: wanted, available: product.quantityAvailable }],
  });
}
