import {
  DomainTopic,
  type InventoryAlertPayload,
  type OrderCreatedPayload,
  type OrderMessageAddedPayload,
  type OrderStatusChangedPayload,
} from '@espigon/kit/events/domain-events';
import { notificationsFor, UnreadableEventError, TITLE_MAX } from './notification-rules';

const BUYER = '0a000000-0000-4000-8000-000000000001';
const SELLER = '0a000000-0000-4000-8000-000000000002';
const ADMIN = '0a000000-0000-4000-8000-000000000003';
const ORDER = '0b000000-0000-4000-8000-000000000001';
const PRODUCT = '0c000000-0000-4000-8000-000000000001';

const created = (overrides: Partial<OrderCreatedPayload> = {}): OrderCreatedPayload => ({
  orderId: ORDER,
  number: 'MNT-2026-000123',
  checkoutId: '0d000000-0000-4000-8000-000000000001',
  buyerId: BUYER,
  sellerId: SELLER,
  status: 'PENDING',
  totalCents: 1250,
  itemCount: 3,
  deliveryMethod: 'PICKUP',
  createdAt: '2026-11-29T10:00:00.000Z',
  ...overrides,
});

const changed = (overrides: Partial<OrderStatusChangedPayload> = {}): OrderStatusChangedPayload => ({
  orderId: ORDER,
  number: 'MNT-2026-000123',
  buyerId: BUYER,
  sellerId: SELLER,
  from: 'PAID',
  to: 'PREPARING',
  actorId: SELLER,
  actorRole: 'SELLER',
  reason: null,
  refundDue: false,
  totalCents: 1250,
  occurredAt: '2026-11-29T10:00:00.000Z',
  ...overrides,
});

const message = (overrides: Partial<OrderMessageAddedPayload> = {}): OrderMessageAddedPayload => ({
  messageId: '0e000000-0000-4000-8000-000000000001',
  orderId: ORDER,
  number: 'MNT-2026-000123',
  buyerId: BUYER,
  sellerId: SELLER,
  authorId: BUYER,
  preview: '¿Lo pueden limpiar?',
  createdAt: '2026-11-29T10:00:00.000Z',
  ...overrides,
});

const alert = (overrides: Partial<InventoryAlertPayload> = {}): InventoryAlertPayload => ({
  productId: PRODUCT,
  sellerId: SELLER,
  productName: 'Corvina de roca',
  quantityAvailable: 2,
  lowStockThreshold: 3,
  ...overrides,
});

describe('notificationsFor', () => {
  it('tells the seller of a new order: how many products, how much, how it is delivered', () => {
    expect(notificationsFor(DomainTopic.ORDER_CREATED, created())).toEqual([
      {
        userId: SELLER,
        kind: 'ORDER_CREATED',
        title: 'Nuevo pedido MNT-2026-000123',
        body: 'Un cliente pidió 3 productos por $12.50 (retiro en el muelle)',
        orderId: ORDER,
        productId: null,
      },
    ]);
    expect(notificationsFor(DomainTopic.ORDER_CREATED, created({ itemCount: 1, totalCents: 123456, deliveryMethod: 'DELIVERY' }))[0].body).toBe(
      'Un cliente pidió 1 producto por $1,234.56 (entrega a domicilio)',
    );
  });

  it.each([
    ['PAID', 'Tu pedido MNT-2026-000123 está pagado'],
    ['PREPARING', 'Tu pedido MNT-2026-000123 está en preparación'],
    ['READY', 'Tu pedido MNT-2026-000123 está listo'],
    ['DELIVERED', 'Tu pedido MNT-2026-000123 fue entregado'],
    ['CANCELLED', 'Tu pedido MNT-2026-000123 fue cancelado: lo canceló el vendedor'],
  ] as const)('tells the buyer their order became %s', (to, title) => {
    const drafts = notificationsFor(DomainTopic.ORDER_STATUS_CHANGED, changed({ to, reason: to === 'CANCELLED' ? 'SELLER_CANCELLED' : null }));
    // a paid order is news for its seller too: it can be prepared now
    expect(drafts).toHaveLength(to === 'PAID' ? 2 : 1);
    expect(drafts[0]).toMatchObject({ userId: BUYER, kind: 'ORDER_STATUS_CHANGED', title, orderId: ORDER });
    if (to === 'PAID')
      expect(drafts[1]).toMatchObject({ userId: SELLER, title: 'El pedido MNT-2026-000123 está pagado', body: 'Total del pedido: $12.50.' });
  });

  it('tells the seller, not the buyer, what the buyer did', () => {
    const drafts = notificationsFor(
      DomainTopic.ORDER_STATUS_CHANGED,
      changed({ from: 'PAID', to: 'CANCELLED', actorId: BUYER, actorRole: 'BUYER', reason: 'BUYER_CANCELLED', refundDue: true }),
    );
    expect(drafts).toEqual([
      expect.objectContaining({
        userId: SELLER,
        title: 'El pedido MNT-2026-000123 fue cancelado: lo canceló el cliente',
        body: 'Se devolverán $12.50 al cliente.',
      }),
    ]);
  });

  it('tells both of an order that expired unpaid', () => {
    const drafts = notificationsFor(
      DomainTopic.ORDER_STATUS_CHANGED,
      changed({ from: 'PENDING', to: 'CANCELLED', actorId: null, actorRole: 'SYSTEM', reason: 'EXPIRED' }),
    );
    expect(drafts.map((d) => [d.userId, d.title])).toEqual([
      [BUYER, 'Tu pedido MNT-2026-000123 fue cancelado: no se pagó a tiempo'],
      [SELLER, 'El pedido MNT-2026-000123 fue cancelado: no se pagó a tiempo'],
    ]);
  });

  it('tells the buyer of a refund due after a cancellation', () => {
    const [draft] = notificationsFor(
      DomainTopic.ORDER_STATUS_CHANGED,
      changed({ to: 'CANCELLED', actorId: ADMIN, actorRole: 'ADMIN', reason: 'ADMIN_CANCELLED', refundDue: true }),
    );
    expect(draft).toMatchObject({
      userId: BUYER,
      title: 'Tu pedido MNT-2026-000123 fue cancelado: lo canceló la administración del mercado',
      body: 'Te devolveremos $12.50.',
    });
  });

  it('names a cancellation the market made, and says nothing of a reason it does not know', () => {
    const titleFor = (reason: string) =>
      notificationsFor(DomainTopic.ORDER_STATUS_CHANGED, changed({ to: 'CANCELLED', actorId: null, actorRole: 'SYSTEM', reason }))[0].title;
    expect(titleFor('SYSTEM_CANCELLED')).toBe('Tu pedido MNT-2026-000123 fue cancelado: lo canceló el mercado');
    expect(titleFor('SOMETHING_NEW')).toBe('Tu pedido MNT-2026-000123 fue cancelado');
  });

  it('notifies nobody of an order going back to PENDING, and each person once', () => {
    expect(notificationsFor(DomainTopic.ORDER_STATUS_CHANGED, changed({ to: 'PENDING' }))).toEqual([]);
    const ownOrder = notificationsFor(
      DomainTopic.ORDER_STATUS_CHANGED,
      changed({ buyerId: SELLER, to: 'CANCELLED', actorId: null, reason: 'EXPIRED' }),
    );
    expect(ownOrder.map((d) => d.userId)).toEqual([SELLER]);
  });

  it('tells the other party of a message, both when someone else wrote it', () => {
    expect(notificationsFor(DomainTopic.ORDER_MESSAGE_ADDED, message())).toEqual([
      {
        userId: SELLER,
        kind: 'ORDER_MESSAGE',
        title: 'Nuevo mensaje sobre el pedido MNT-2026-000123',
        body: '¿Lo pueden limpiar?',
        orderId: ORDER,
        productId: null,
      },
    ]);
    expect(notificationsFor(DomainTopic.ORDER_MESSAGE_ADDED, message({ authorId: SELLER }))[0].userId).toBe(BUYER);
    expect(notificationsFor(DomainTopic.ORDER_MESSAGE_ADDED, message({ authorId: ADMIN })).map((d) => d.userId)).toEqual([BUYER, SELLER]);
  });

  it('tells the seller of low stock and of a product sold out, by name when the alert has it', () => {
    expect(notificationsFor(DomainTopic.INVENTORY_ALERT, alert())).toEqual([
      {
        userId: SELLER,
        kind: 'LOW_STOCK',
        title: 'Quedan pocas unidades de Corvina de roca',
        body: 'Quedan 2 disponibles (tu aviso es con 3 o menos).',
        orderId: null,
        productId: PRODUCT,
      },
    ]);
    expect(notificationsFor(DomainTopic.INVENTORY_ALERT, alert({ quantityAvailable: 0 }))[0]).toMatchObject({
      kind: 'SOLD_OUT',
      title: 'Se agotó Corvina de roca',
    });
    expect(notificationsFor(DomainTopic.INVENTORY_ALERT, alert({ productName: undefined, quantityAvailable: 0 }))[0].title).toBe(
      'Se agotó uno de tus productos',
    );
  });

  it('keeps titles within their column, whole characters only', () => {
    const [draft] = notificationsFor(DomainTopic.INVENTORY_ALERT, alert({ productName: '🐟'.repeat(300) }));
    expect([...draft.title]).toHaveLength(TITLE_MAX);
    expect(draft.title.endsWith('🐟…')).toBe(true);
  });

  it('refuses a payload off the contract, and ignores topics that notify nobody', () => {
    expect(() => notificationsFor(DomainTopic.ORDER_CREATED, { ...created(), sellerId: 'not-an-id' })).toThrow(UnreadableEventError);
    expect(() => notificationsFor(DomainTopic.INVENTORY_ALERT, null)).toThrow(UnreadableEventError);
    expect(notificationsFor('payment.captured', {})).toEqual([]);
  });
});
