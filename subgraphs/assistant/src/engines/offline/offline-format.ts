// How the offline replies say the market's values in Spanish: money (integer cents to US$5.50), units and amounts,
// order, payment and delivery statuses, and times in the market's own clock (Guayaquil).
import { MARKET_TIME_ZONE } from '@espigon/kit/market-time';
import { formatUsd } from '@espigon/kit/money';

/** Cents as dollars, as the pier writes prices, the currency named: 550 → "US$5.50", 123456 → "US$1,234.56". */
export function money(cents: number): string {
  return `US${formatUsd(cents)}`;
}

const UNITS: Record<string, { one: string; many: string; article: string }> = {
  KG: { one: 'kilo', many: 'kilos', article: 'el' },
  LB: { one: 'libra', many: 'libras', article: 'la' },
  UNIT: { one: 'unidad', many: 'unidades', article: 'la' },
  DOZEN: { one: 'docena', many: 'docenas', article: 'la' },
};

/** A product's unit by its name: "libra", or "libras" for any amount but one. */
export function unitName(unit: string, amount = 1): string {
  const names = UNITS[unit] ?? { one: 'unidad', many: 'unidades' };
  return amount === 1 ? names.one : names.many;
}

/** A price per unit: "US$5.50 la libra", "US$18.00 la docena", "US$4.00 el kilo". */
export function pricePerUnit(cents: number, unit: string): string {
  return `${money(cents)} ${UNITS[unit]?.article ?? 'la'} ${unitName(unit)}`;
}

/** An amount in a unit: "40 libras", "1 docena". */
export function amountOf(quantity: number, unit: string): string {
  return `${quantity} ${unitName(unit, quantity)}`;
}

/** What an order's status means to its buyer; READY says how it is handed over. */
export function orderStatusText(status: string, deliveryMethod?: string | null): string {
  switch (status) {
    case 'PENDING':
      return 'pendiente de pago';
    case 'PAID':
      return 'pagado';
    case 'PREPARING':
      return 'en preparación';
    case 'READY':
      return deliveryMethod === 'DELIVERY' ? 'listo para entrega' : 'listo para retirar';
    case 'DELIVERED':
      return 'entregado';
    case 'CANCELLED':
      return 'cancelado';
    default:
      return 'en trámite';
  }
}

const PAYMENT_STATUSES: Record<string, string> = {
  REQUIRES_PAYMENT: 'por pagar',
  PROCESSING: 'en proceso',
  SUCCEEDED: 'pagado',
  FAILED: 'no se completó',
  REFUNDED: 'devuelto',
  PARTIALLY_REFUNDED: 'devuelto en parte',
  CANCELLED: 'cancelado',
};

/** A payment's status in Spanish ("pagado", "devuelto en parte"). */
export function paymentStatusText(status: string): string {
  return PAYMENT_STATUSES[status] ?? 'en trámite';
}

/** How an order reaches its buyer: "retiro en el puesto", "entrega a domicilio (Av. Flavio Reyes y calle 20)". */
export function deliveryText(method: string, address?: string | null): string {
  if (method !== 'DELIVERY') return 'retiro en el puesto';
  return address ? `entrega a domicilio (${address})` : 'entrega a domicilio';
}

const clock = new Intl.DateTimeFormat('es-EC', {
  timeZone: MARKET_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC time as the pier reads it: "29/11/2026 a las 23:26" (Guayaquil). */
export function marketTime(at: string | Date): string {
  const parts = Object.fromEntries(clock.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year} a las ${parts.hour}:${parts.minute}`;
}
