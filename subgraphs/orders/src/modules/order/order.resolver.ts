import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import { optionalViewer, requireViewer } from '@espigon/kit/server/request-context';
import type { OrdersContext } from '../../orders.context';
import { CheckoutInput } from '../checkout/checkout.input';
import { Product } from '../federation/product.stub';
import { User } from '../federation/user.stub';
import { OrderMessage } from '../message/order-message.entity';
import { Delivery } from './delivery.type';
import { OrderConnection } from './order-connection.type';
import { deliveryStatus } from './order-state-machine';
import { OrderStatus } from './order-status.enum';
import { Order, OrderItem } from './order.entity';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { nullable: true, description: 'Its buyer, its seller or an ADMIN; null for anyone else, as for an unknown id' })
  order(@Arg('id', () => ID, { description: "The order's id" }) id: string, @Ctx() ctx: OrdersContext): Promise<Order | null> {
    return (optionalViewer(ctx), ctx.services.orders.find(ctx, id));
  }

  @Query(() => Order, {
    nullable: true,
    description:
      'By its number (MNT-2026-000123, any letter case): its buyer, its seller or an ADMIN; null for anyone else, as for an unknown number',
  })
  orderByNumber(
    @Arg('number', () => String, { description: "The order's number, as its buyer and seller see it" }) number: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order | null> {
    return (optionalViewer(ctx), ctx.services.orders.findByNumber(ctx, number));
  }

  @Query(() => OrderConnection, { description: 'SELLER: its incoming orders, newest first (ADMIN: every order)' })
  sellerOrders(
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Arg('status', () => OrderStatus, { nullable: true, description: 'Only the orders in this status' }) status: OrderStatus | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderConnection> {
    return (requireViewer(ctx, [Role.SELLER, Role.ADMIN]), ctx.services.orders.sellerOrders(ctx, { first, after, status }));
  }

  @Mutation(() => [Order], {
    description:
      'CLIENT: the cart becomes one order per seller, every line reserved or none (OUT_OF_STOCK naming the lines); the cart is emptied ' +
      'only on success. Send an idempotency key (argument or Idempotency-Key header) to make retries safe.',
  })
  checkout(
    @Arg('input', () => CheckoutInput, { description: 'Delivery, notes and idempotency key, the same for every order' }) input: CheckoutInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order[]> {
    return (requireViewer(ctx, [Role.CLIENT]), ctx.services.checkouts.checkout(ctx, input, ctx.idempotencyKey));
  }

  @Mutation(() => Order, {
    description:
      'Legal moves only (CONFLICT otherwise): the seller of the order or an ADMIN; CANCELLED also by the buyer while PENDING; ' +
      'PAID is set when its payment succeeds (an ADMIN may also set it).',
  })
  updateOrderStatus(
    @Arg('orderId', () => ID, { description: "The order's id (NOT_FOUND when it is not the viewer's to see)" }) orderId: string,
    @Arg('status', () => OrderStatus, { description: 'The status to move it to' }) status: OrderStatus,
    @Ctx() ctx: OrdersContext,
  ): Promise<Order> {
    return (requireViewer(ctx), ctx.services.orders.changeStatus(ctx, orderId, status));
  }

  @Mutation(() => OrderMessage, {
    description:
      'The buyer or the seller of the order writes to the other (an ADMIN may read but not write: FORBIDDEN); at most 500 messages ' +
      'an order (CONFLICT)',
  })
  sendOrderMessage(
    @Arg('orderId', () => ID, { description: "The order's id (NOT_FOUND when it is not the viewer's to see)" }) orderId: string,
    @Arg('body', () => String, { description: 'The text: 1 to 2000 characters, without control or invisible characters but tabs and line breaks' })
    body: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderMessage> {
    return (requireViewer(ctx), ctx.services.messages.send(ctx, orderId, body));
  }

  @FieldResolver(() => User, { description: 'The client who placed it (resolved by the users subgraph)' })
  buyer(@Root() order: Order): User {
    return User.of(order.buyerId);
  }

  @FieldResolver(() => User, { description: 'The seller who serves it (resolved by the users subgraph)' })
  seller(@Root() order: Order): User {
    return User.of(order.sellerId);
  }

  @FieldResolver(() => [OrderItem], { description: 'What was bought, one line per product' })
  items(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<OrderItem[]> {
    return ctx.loaders.itemsByOrder.load(order.id);
  }

  @FieldResolver(() => Delivery, { description: 'How and where it is handed over, and how far that has gone' })
  delivery(@Root() order: Order): Delivery {
    return Object.assign(new Delivery(), {
      method: order.deliveryMethod,
      address: order.deliveryAddress,
      status: deliveryStatus(order.status, order.deliveryMethod),
      scheduledFor: null,
    });
  }

  @FieldResolver(() => [OrderMessage], { description: 'Between the buyer and the seller, oldest first' })
  messages(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<OrderMessage[]> {
    return ctx.loaders.messagesByOrder.load(order.id);
  }

  @FieldResolver(() => Date, { description: 'When its status (or anything else) last changed (UTC)' })
  updatedAt(@Root() order: Order): Date {
    return order.updatedAt;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'PENDING orders unpaid by then (UTC; 30 minutes after checkout by default) are cancelled and their stock released; null once not PENDING',
  })
  expiresAt(@Root() order: Order): Date | null {
    return order.status === OrderStatus.PENDING ? order.expiresAt : null;
  }
}

@Resolver(() => OrderItem)
export class OrderItemResolver {
  @FieldResolver(() => Product, { description: 'Resolved by the catalog subgraph (productName keeps the name it had at checkout)' })
  product(@Root() item: OrderItem): Product {
    return Product.of(item.productId);
  }
}

@Resolver(() => OrderMessage)
export class OrderMessageResolver {
  @FieldResolver(() => Order, { description: 'The order it is written on' })
  async order(@Root() message: OrderMessage, @Ctx() ctx: OrdersContext): Promise<Order> {
    return (await ctx.loaders.order.load(message.orderId))!;
  }

  @FieldResolver(() => User, { description: 'Who wrote it: the buyer or the seller (resolved by the users subgraph)' })
  author(@Root() message: OrderMessage): User {
    return User.of(message.authorId);
  }
}
