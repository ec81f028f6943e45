// Messages between the buyer and the seller of an order, listed on the order oldest first.
import { z } from 'zod';
import { ForbiddenError, ConflictError, NotFoundError } from '@espigon/kit/errors';
import { DomainTopic, type OrderMessageAddedPayload } from '@espigon/kit/events/domain-events';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import { parseInput } from '@espigon/kit/validation';
import type { OrderService } from '../order/order.service';
import { orderAudience, partyOf } from '../order/order.service';
import { OrderMessage } from './order-message.entity';

export const MESSAGE_MAX = 2000;
/** Messages one order may hold: a conversation about one basket of fish, not a chat room. */
export const MESSAGES_PER_ORDER_MAX = 500;

const body = z
  .string()
  .transform((v) => v.normalize('NFC').trim())
  .refine((v) => v.length >= 1, 'must not be empty')
  .refine((v) => v.length <= MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`)
  .refine((v) => !/[\p{Cc}\p{Cf}]/u.test(v.replace(/[\n\t]/g, '')), 'must not contain control or invisible characters');

export class OrderMessageService {
  constructor(private readonly orders: OrderService) {}

  /** By the buyer or the seller of the order; an admin may read but not write (FORBIDDEN); anyone else NOT_FOUND. */
  async send(ctx: ServiceContext, orderId: string, bodyInput: string): Promise<OrderMessage> {
    const viewer = actor(ctx);
    const text = parseInput(body, bodyInput, 'body');
    const order = await this.orders.find(ctx, orderId);
    if (!order) throw new NotFoundError('Order');
    const party = partyOf(order, viewer);
    if (party !== 'BUYER' && party !== 'SELLER') throw new ForbiddenError('Only the buyer and the seller of an order write on it');
    return ctx.em.transactional(async (tx) => {
      if ((await tx.count(OrderMessage, { orderId: order.id })) >= MESSAGES_PER_ORDER_MAX) {
        throw new ConflictError(`An order holds at most ${MESSAGES_PER_ORDER_MAX} messages`);
      }
      const message = tx.create(OrderMessage, { orderId: order.id, authorId: viewer.id, body: text } as OrderMessage);
      const payload: OrderMessageAddedPayload = {
        messageId: message.id,
        orderId: order.id,
        number: order.number,
        buyerId: order.buyerId,
        sellerId: order.sellerId,
        authorId: viewer.id,
        preview: text.slice(0, 200),
        createdAt: message.createdAt.toISOString(),
      };
      recordOutboxEvent(tx, DomainTopic.ORDER_MESSAGE_ADDED, { ...payload }, orderAudience(order));
      return message;
    });
  }
}
