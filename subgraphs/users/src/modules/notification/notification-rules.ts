// Which domain events notify whom, and with what words (Spanish, as the market speaks). Pure: the consumer parses the
// envelope's payload here and writes what comes back.
import { z } from 'zod';
import { DomainTopic, type OrderStatusName } from '@espigon/kit/events/domain-events';
import { isUuid } from '@espigon/kit/database/uuid';
import { formatUsd } from '@espigon/kit/money';

export const NotificationKind = {
  ORDER_CREATED: 'ORDER_CREATED',
  ORDER_STATUS_CHANGED: 'ORDER_STATUS_CHANGED',
  ORDER_MESSAGE: 'ORDER_MESSAGE',
  LOW_STOCK: 'LOW_STOCK',
  SOLD_OUT: 'SOLD_OUT',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** The topics that fill inboxes. */
export const notifyingTopics: string[] = [
  DomainTopic.ORDER_CREATED,
  DomainTopic.ORDER_STATUS_CHANGED,
  DomainTopic.ORDER_MESSAGE_ADDED,
  DomainTopic.INVENTORY_ALERT,
];

export const TITLE_MAX = 200;

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  orderId: string | null;
  productId: string | null;
}

/** A payload that does not have the contract's shape: nothing can be said from it, and retrying will not change it. */
export class UnreadableEventError extends Error {
  constructor(topic: string, reason: string) {
    super(`${topic}: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

const id = z
  .string()
  .refine(isUuid, 'must be a UUID')
  .transform((value) => value.toLowerCase());
const orderNumber = z.string().min(1).max(40);
const cents = z.number().int().min(0);
const status = z.enum(['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED']);

const orderCreated = z.object({
  orderId: id,
  number: orderNumber,
  sellerId: id,
  totalCents: cents,
  itemCount: z.number().int().min(0),
  deliveryMethod: z.enum(['PICKUP', 'DELIVERY']),
});

const orderStatusChanged = z.object({
  orderId: id,
  number: orderNumber,
  buyerId: id,
  sellerId: id,
  to: status,
  actorId: id.nullable(),
  reason: z.string().nullable(),
  refundDue: z.boolean(),
  totalCents: cents,
});

const orderMessageAdded = z.object({
  orderId: id,
  number: orderNumber,
  buyerId: id,
  sellerId: id,
  authorId: id,
  preview: z.string(),
});

const inventoryAlert = z.object({
  productId: id,
  sellerId: id,
  productName: z.string().trim().min(1).optional(),
  quantityAvailable: z.number().int(),
  lowStockThreshold: z.number().int(),
});

/** The notifications an event causes (none for a topic that notifies nobody). Throws UnreadableEventError. */
export function notificationsFor(topic: string, payload: unknown): NotificationDraft[] {
  switch (topic) {
    case DomainTopic.ORDER_CREATED:
      return forOrderCreated(parse(orderCreated, topic, payload));
    case DomainTopic.ORDER_STATUS_CHANGED:
      return forOrderStatusChanged(parse(orderStatusChanged, topic, payload));
    case DomainTopic.ORDER_MESSAGE_ADDED:
      return forOrderMessage(parse(orderMessageAdded, topic, payload));
    case DomainTopic.INVENTORY_ALERT:
      return forInventoryAlert(parse(inventoryAlert, topic, payload));
    default:
      return [];
  }
}

function parse<S extends z.ZodType>(schema: S, topic: string, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UnreadableEventError(topic, `${issue.path.join('.') || 'payload'}: ${issue.message}`);
}

function forOrderCreated(event: z.infer<typeof orderCreated>): NotificationDraft[] {
  const products = event.itemCount === 1 ? '1 producto' : `${event.itemCount} productos`;
  const delivery = event.deliveryMethod === 'PICKUP' ? 'retiro en el muelle' : 'entrega a domicilio';
  const body = `Un cliente pidió ${products} por ${formatUsd(event.totalCents)} (${delivery})`;
  return [draft(event.sellerId, NotificationKind.ORDER_CREATED, `Nuevo pedido ${event.number}`, body, { orderId: event.orderId })];
}

/** What the title says the order became. */
const statusPhrase: Record<Exclude<OrderStatusName, 'PENDING'>, string> = {
  PAID: 'está pagado',
  PREPARING: 'está en preparación',
  READY: 'está listo',
  DELIVERED: 'fue entregado',
  CANCELLED: 'fue cancelado',
};

/** Why a cancellation happened, in the title's words. */
const cancellationReason: Record<string, string> = {
  EXPIRED: 'no se pagó a tiempo',
  BUYER_CANCELLED: 'lo canceló el cliente',
  SELLER_CANCELLED: 'lo canceló el vendedor',
  ADMIN_CANCELLED: 'lo canceló la administración del mercado',
  SYSTEM_CANCELLED: 'lo canceló el mercado',
};

/**
 * The buyer hears of what others did to their order; what the buyer did themselves (paid, cancelled) goes to the
 * seller instead. An order that expired unpaid is news to both.
 */
function forOrderStatusChanged(event: z.infer<typeof orderStatusChanged>): NotificationDraft[] {
  const to = event.to;
  if (to === 'PENDING') return [];
  const byBuyer = event.actorId !== null && event.actorId === event.buyerId;
  const recipients: ('buyer' | 'seller')[] = byBuyer ? ['seller'] : ['buyer'];
  if (event.reason === 'EXPIRED' && !recipients.includes('seller')) recipients.push('seller');
  // paid: the seller can start preparing (the buyer hears it too)
  if (to === 'PAID' && !recipients.includes('seller')) recipients.push('seller');

  const reason = to === 'CANCELLED' && event.reason ? cancellationReason[event.reason] : undefined;
  const phrase = `${statusPhrase[to]}${reason ? `: ${reason}` : ''}`;
  const total = formatUsd(event.totalCents);
  const users = new Set<string>();
  return recipients.flatMap((recipient) => {
    const userId = recipient === 'buyer' ? event.buyerId : event.sellerId;
    if (users.has(userId)) return [];
    users.add(userId);
    const title = recipient === 'buyer' ? `Tu pedido ${event.number} ${phrase}` : `El pedido ${event.number} ${phrase}`;
    return [
      draft(userId, NotificationKind.ORDER_STATUS_CHANGED, title, statusBody(to, recipient, event.refundDue, total), { orderId: event.orderId }),
    ];
  });
}

function statusBody(to: Exclude<OrderStatusName, 'PENDING'>, recipient: 'buyer' | 'seller', refundDue: boolean, total: string): string {
  if (to === 'CANCELLED' && refundDue) {
    return recipient === 'buyer' ? `Te devolveremos ${total}.` : `Se devolverán ${total} al cliente.`;
  }
  if (recipient === 'seller') return `Total del pedido: ${total}.`;
  switch (to) {
    case 'PAID':
      return `Recibimos tu pago de ${total}.`;
    case 'PREPARING':
      return 'El vendedor está preparando tus productos.';
    case 'READY':
      return 'Ya puedes retirarlo en el muelle, o espéralo si pediste entrega a domicilio.';
    case 'DELIVERED':
      return 'Gracias por comprar en el Espigón.';
    case 'CANCELLED':
      return `Total del pedido: ${total}.`;
  }
}

/** To the other party; a message from anyone else (an administrator) to both. */
function forOrderMessage(event: z.infer<typeof orderMessageAdded>): NotificationDraft[] {
  const recipients = new Set([event.buyerId, event.sellerId]);
  recipients.delete(event.authorId);
  return [...recipients].map((userId) =>
    draft(userId, NotificationKind.ORDER_MESSAGE, `Nuevo mensaje sobre el pedido ${event.number}`, event.preview.trim() || null, {
      orderId: event.orderId,
    }),
  );
}

function forInventoryAlert(event: z.infer<typeof inventoryAlert>): NotificationDraft[] {
  const soldOut = event.quantityAvailable <= 0;
  const title = event.productName
    ? soldOut
      ? `Se agotó ${event.productName}`
      : `Quedan pocas unidades de ${event.productName}`
    : soldOut
      ? 'Se agotó uno de tus productos'
      : 'Quedan pocas unidades de uno de tus productos';
  const body = soldOut
    ? 'Nadie puede pedirlo hasta que agregues existencias.'
    : `Quedan ${event.quantityAvailable} disponibles (tu aviso es con ${event.lowStockThreshold} o menos).`;
  return [draft(event.sellerId, soldOut ? NotificationKind.SOLD_OUT : NotificationKind.LOW_STOCK, title, body, { productId: event.productId })];
}

function draft(
  userId: string,
  kind: NotificationKind,
  title: string,
  body: string | null,
  refs: { orderId?: string; productId?: string },
): NotificationDraft {
  const characters = [...title]; // by code point: a cut never splits a surrogate pair
  const clipped = characters.length > TITLE_MAX ? `${characters.slice(0, TITLE_MAX - 1).join('')}…` : title;
  return { userId, kind, title: clipped, body, orderId: refs.orderId ?? null, productId: refs.productId ?? null };
}
