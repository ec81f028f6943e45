import { amountOf, deliveryText, marketTime, money, orderStatusText, paymentStatusText, pricePerUnit, unitName } from './offline-format';

describe('money', () => {
  it('says cents as US dollars with two decimals and thousands separated', () => {
    expect(money(550)).toBe('US$5.50');
    expect(money(5)).toBe('US$0.05');
    expect(money(6000)).toBe('US$60.00');
    expect(money(123456)).toBe('US$1,234.56');
  });
});

describe('units', () => {
  it('names each unit, singular for one and plural otherwise', () => {
    expect(['KG', 'LB', 'UNIT', 'DOZEN'].map((unit) => unitName(unit))).toEqual(['kilo', 'libra', 'unidad', 'docena']);
    expect(amountOf(1, 'LB')).toBe('1 libra');
    expect(amountOf(40, 'LB')).toBe('40 libras');
    expect(amountOf(0, 'KG')).toBe('0 kilos');
    expect(amountOf(8, 'UNIT')).toBe('8 unidades');
    expect(amountOf(10, 'DOZEN')).toBe('10 docenas');
  });

  it('says a price per unit with its article', () => {
    expect(pricePerUnit(550, 'LB')).toBe('US$5.50 la libra');
    expect(pricePerUnit(400, 'KG')).toBe('US$4.00 el kilo');
    expect(pricePerUnit(1200, 'UNIT')).toBe('US$12.00 la unidad');
    expect(pricePerUnit(1800, 'DOZEN')).toBe('US$18.00 la docena');
  });
});

describe('statuses', () => {
  it('says every order status in Spanish, READY by how the order is handed over', () => {
    expect(['PENDING', 'PAID', 'PREPARING', 'DELIVERED', 'CANCELLED'].map((status) => orderStatusText(status))).toEqual([
      'pendiente de pago',
      'pagado',
      'en preparación',
      'entregado',
      'cancelado',
    ]);
    expect(orderStatusText('READY', 'PICKUP')).toBe('listo para retirar');
    expect(orderStatusText('READY', 'DELIVERY')).toBe('listo para entrega');
  });

  it('says payment statuses and delivery in Spanish', () => {
    expect(paymentStatusText('SUCCEEDED')).toBe('pagado');
    expect(paymentStatusText('REQUIRES_PAYMENT')).toBe('por pagar');
    expect(paymentStatusText('PARTIALLY_REFUNDED')).toBe('devuelto en parte');
    expect(deliveryText('PICKUP')).toBe('retiro en el puesto');
    expect(deliveryText('DELIVERY', 'Av. Flavio Reyes y calle 20, Manta')).toBe('entrega a domicilio (Av. Flavio Reyes y calle 20, Manta)');
  });
});

describe('marketTime', () => {
  it("says a UTC time in Guayaquil's clock (UTC−5), across midnight too", () => {
    expect(marketTime('2026-11-30T04:27:00.000Z')).toBe('29/11/2026 a las 23:27');
    expect(marketTime(new Date('2026-03-08T15:05:00Z'))).toBe('08/03/2026 a las 10:05');
  });
});
