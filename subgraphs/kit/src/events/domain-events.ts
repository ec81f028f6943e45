// The market's domain events: the topics and payloads one subgraph emits (through its outbox) and others consume
// (durably, each service its own consumer group) or push live. This is the contract between services, so it lives in
// the kit, where producers and consumers both read it; a subgraph never imports another's code for it.

export const DomainTopic = {
  /** catalog: a product's available stock fell to or below its threshold, or sold out. */
  INVENTORY_ALERT: 'inventory.alert',
  /** catalog: a product was listed, changed, unlisted or deleted, or its stock changed (its whole state, for read models). */
  PRODUCT_CHANGED: 'product.changed',
  /** orders: a checkout placed an order (one per seller). */
  ORDER_CREATED: 'order.created',
  /** orders: an order moved from one status to another. */
  ORDER_STATUS_CHANGED: 'order.status_changed',
  /** orders: the buyer or the seller wrote on an order. */
  ORDER_MESSAGE_ADDED: 'order.message_added',
  /** payments: an order's payment went through (orders marks the order PAID). */
  PAYMENT_SUCCEEDED: 'payment.succeeded',
  /** payments: a card payment was declined or failed (the order stays PENDING). */
  PAYMENT_FAILED: 'payment.failed',
  /** payments: money went back (part or all of it). */
  PAYMENT_REFUNDED: 'payment.refunded',
  /** users: a notification landed in a user's inbox (live pushes only). */
  NOTIFICATION_ADDED: 'notification.added',
} as const;
export type DomainTopic = (typeof DomainTopic)[keyof typeof DomainTopic];

export type OrderStatusName = 'PENDING' | 'PAID' | 'PREPARING' | 'READY' | 'DELIVERED' | 'CANCELLED';

export interface InventoryAlertPayload {
  productId: string;
  sellerId: string;
  /** The product's name when the alert was raised (absent in alerts older than the field). */
  productName?: string;
  quantityAvailable: number;
  lowStockThreshold: number;
}

/** One line of an order as it was bought (the order's snapshot of the product). */
export interface OrderLinePayload {
  productId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  /** quantity × unitPriceCents. */
  lineTotalCents: number;
}

/**
 * A product's whole state after a change, so a read model keeps its own copy (the last one by `changedAt` wins,
 * whatever order events arrive in). Sent on create, update, unlist, delete, and every change of its stock.
 */
export interface ProductChangedPayload {
  productId: string;
  sellerId: string;
  name: string;
  subcategoryId: string;
  categoryId: string;
  listed: boolean;
  deleted: boolean;
  quantityAvailable: number;
  lowStockThreshold: number;
  priceCents: number;
  /** When the change was committed (ISO 8601, microseconds), from the database's clock. */
  changedAt: string;
}

export interface OrderCreatedPayload {
  orderId: string;
  /** Human-readable, e.g. MNT-2026-000123. */
  number: string;
  checkoutId: string;
  buyerId: string;
  sellerId: string;
  status: OrderStatusName;
  totalCents: number;
  itemCount: number;
  deliveryMethod: 'PICKUP' | 'DELIVERY';
  createdAt: string;
  /** What was bought (absent in events written before it was added). */
  lines?: OrderLinePayload[];
}

export interface OrderStatusChangedPayload {
  orderId: string;
  number: string;
  buyerId: string;
  sellerId: string;
  from: OrderStatusName;
  to: OrderStatusName;
  /** Who made the change; null when the market did (expiry, a payment event). */
  actorId: string | null;
  /** BUYER, SELLER, ADMIN or SYSTEM. */
  actorRole: string;
  /** Why, for cancellations: BUYER_CANCELLED, SELLER_CANCELLED, ADMIN_CANCELLED, EXPIRED (unpaid in time). */
  reason: string | null;
  /** A cancellation after payment: the money must go back (payments acts on it). */
  refundDue: boolean;
  totalCents: number;
  occurredAt: string;
}

export interface OrderMessageAddedPayload {
  messageId: string;
  orderId: string;
  number: string;
  buyerId: string;
  sellerId: string;
  authorId: string;
  /** The message, cut to 200 characters (a preview for notifications; the order holds the whole text). */
  preview: string;
  createdAt: string;
}

export interface NotificationAddedPayload {
  notificationId: string;
  userId: string;
}

export type PaymentMethodName = 'CARD' | 'CASH' | 'TRANSFER';

export interface PaymentSucceededPayload {
  paymentId: string;
  orderId: string;
  buyerId: string;
  sellerId: string;
  method: PaymentMethodName;
  amountCents: number;
}

export interface PaymentFailedPayload {
  paymentId: string;
  orderId: string;
  buyerId: string;
  sellerId: string;
  reason: string | null;
}

export interface PaymentRefundedPayload {
  paymentId: string;
  refundId: string;
  orderId: string;
  buyerId: string;
  sellerId: string;
  amountCents: number;
  /** All refunded so far, this refund included. */
  refundedCents: number;
  /** The whole payment is back. */
  full: boolean;
}
