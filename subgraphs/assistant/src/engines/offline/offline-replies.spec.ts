import {
  availabilityReply,
  helpReply,
  marketLowStockReply,
  myOrdersReply,
  offlineReply,
  orderNotFoundReply,
  orderReply,
  priceReply,
  sellerLowStockReply,
  toolErrorReply,
  type OrderView,
  type ProductView,
} from './offline-replies';

const rosa = { name: 'Rosa Delgado', stall: 'Mariscos Doña Rosa', pierSection: 'Muelle A, puesto 4' };
const product = (name: string, priceCents: number, extra: Partial<ProductView> = {}): ProductView => ({
  name,
  description: null,
  priceCents,
  unit: 'LB',
  available: true,
  quantityAvailable: 40,
  seller: rosa,
  ...extra,
});

const order: OrderView = {
  number: 'MNT-2026-000001',
  status: 'READY',
  totalCents: 1375,
  createdAt: '2026-11-30T04:27:00.000Z',
  seller: { name: 'Rosa Delgado', stall: 'Mariscos Doña Rosa' },
  items: [
    { product: 'Camarón blanco jumbo', quantity: 2, unit: 'LB' },
    { product: 'Concha negra', quantity: 1, unit: 'UNIT' },
  ],
  delivery: { method: 'DELIVERY', address: 'Av. Flavio Reyes y calle 20, Manta' },
  paymentStatus: 'SUCCEEDED',
};

describe('offline replies', () => {
  it('mark the first line as offline mode', () => {
    expect(offlineReply(['Hola', 'otra'])).toEqual(['(Modo sin conexión) Hola', 'otra']);
  });

  it('list what is for sale with price, amount and stall, and count what is not listed', () => {
    const products = Array.from({ length: 8 }, (_, i) => product(`Camarón ${i}`, 500 + i));
    const lines = availabilityReply('camarón', products, { totalCount: 9, maxPriceCents: null, alike: false });
    expect(lines[0]).toBe('Sí, hoy hay camarón:');
    expect(lines[1]).toBe('• Camarón 0: US$5.00 la libra, 40 libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).');
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines.at(-1)).toBe('Y 3 productos más en el catálogo.');
    const pulpo = product('Pulpo', 500, { quantityAvailable: 1, seller: { ...rosa, pierSection: null } });
    expect(availabilityReply('pulpo', [pulpo], { totalCount: 1, maxPriceCents: 600, alike: false })).toEqual([
      'Sí, hoy hay pulpo a US$6.00 o menos:',
      '• Pulpo: US$5.00 la libra, 1 libra disponible. Mariscos Doña Rosa.',
    ]);
  });

  it('say plainly when there is none, with a suggestion', () => {
    const [first, second] = availabilityReply('camarón', [], { totalCount: 0, maxPriceCents: null, alike: false });
    expect(first).toBe('Hoy no encontré camarón a la venta en el mercado.');
    expect(second).toMatch(/^Prueba con otro nombre/);
  });

  it('give prices from the cheapest, those sold out last and said so', () => {
    const lines = priceReply(
      'corvina',
      [product('Filete', 650), product('Corvina agotada', 100, { available: false, quantityAvailable: 0 }), product('Corvina de roca', 450)],
      { totalCount: 3, maxPriceCents: null, alike: false },
    );
    expect(lines).toEqual([
      'Precios de corvina hoy:',
      '• Corvina de roca: US$4.50 la libra, 40 libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
      '• Filete: US$6.50 la libra, 40 libras disponibles. Mariscos Doña Rosa (Muelle A, puesto 4).',
      '• Corvina agotada: US$1.00 la libra, agotado. Mariscos Doña Rosa (Muelle A, puesto 4).',
    ]);
  });

  it('say when the products are only alike what was asked (the catalog found nothing that names it)', () => {
    const alike = { totalCount: 1, maxPriceCents: null, alike: true };
    expect(availabilityReply('camarón titi', [product('Camarón 4', 100)], alike)[0]).toBe(
      'No encontré camarón titi tal cual, pero hay algo parecido:',
    );
    expect(priceReply('camarón titi', [product('Camarón 4', 100)], alike)[0]).toBe('No encontré camarón titi tal cual; esto es lo más parecido:');
  });

  it("tell an order's status, lines, total, payment, delivery and time in Spanish", () => {
    expect(orderReply(order, true)).toEqual([
      'Tu pedido MNT-2026-000001 está listo para entrega.',
      'Puesto: Mariscos Doña Rosa.',
      'Productos: 2 libras de Camarón blanco jumbo, 1 × Concha negra.',
      'Total: US$13.75. Pago: pagado.',
      'Entrega: entrega a domicilio (Av. Flavio Reyes y calle 20, Manta).',
      'Hecho el 29/11/2026 a las 23:27 (hora de Guayaquil).',
    ]);
    expect(orderReply({ ...order, status: 'PENDING', paymentStatus: null }, false)[0]).toBe('El pedido MNT-2026-000001 está pendiente de pago.');
  });

  it("list a client's latest orders, or say there are none", () => {
    expect(myOrdersReply([order, { ...order, number: 'MNT-2026-000002', status: 'CANCELLED' }], 5)).toEqual([
      'Tienes 5 pedidos; estos son los 2 más recientes:',
      '• MNT-2026-000001: listo para entrega, US$13.75, Mariscos Doña Rosa, del 29/11/2026 a las 23:27.',
      '• MNT-2026-000002: cancelado, US$13.75, Mariscos Doña Rosa, del 29/11/2026 a las 23:27.',
      'Pregúntame por uno con su número para ver el detalle.',
    ]);
    expect(myOrdersReply([], 0)[0]).toMatch(/^Todavía no tienes pedidos/);
  });

  it('say an unknown order number is not among yours, hinting nothing about it', () => {
    expect(orderNotFoundReply('MNT-2026-000009')[0]).toBe('No encontré el pedido MNT-2026-000009 entre los tuyos.');
  });

  it("list a seller's low stock in their units, and the market's for an administrator", () => {
    const row = (name: string, quantityAvailable: number, low: boolean) => ({ name, unit: 'LB', quantityAvailable, lowStockThreshold: 4, low });
    expect(sellerLowStockReply([row('Corvina', 3, true), row('Pargo', 20, false), row('Pulpo', 1, true), row('Wahoo', 0, true)])).toEqual([
      'Estos 3 productos tuyos están bajos de stock:',
      '• Corvina: quedan 3 libras (aviso en 4).',
      '• Pulpo: queda 1 libra (aviso en 4).',
      '• Wahoo: agotado (aviso en 4).',
    ]);
    expect(sellerLowStockReply([row('Pargo', 20, false)])[0]).toMatch(/^Nada está bajo de stock/);
    expect(marketLowStockReply([{ product: 'Atún entero', seller: 'Lucía Chávez', quantityAvailable: 1, lowStockThreshold: 1 }])).toEqual([
      'Un producto del mercado está bajo de stock:',
      '• Atún entero (Lucía Chávez): queda 1 disponible (aviso en 1).',
    ]);
  });

  it('put tool failures in polite Spanish, never their codes', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'TOO_MANY_REQUESTS']) {
      const text = toolErrorReply(code).join('\n');
      expect(text).not.toMatch(/[A-Z]{2,}_|UNAUTHENTICATED|FORBIDDEN/);
    }
    expect(toolErrorReply('SERVICE_UNAVAILABLE')).toEqual(['No pude consultar el mercado en este momento. Intenta de nuevo en unos minutos.']);
  });

  it('offer a client orders and a seller stock in the help', () => {
    expect(helpReply('CLIENT', true).join('\n')).toMatch(/mis pedidos/);
    expect(helpReply('CLIENT', true).join('\n')).not.toMatch(/stock/);
    expect(helpReply('SELLER', false).join('\n')).toMatch(/bajo de stock/);
  });
});
