// What an order adds to its products' daily sales (and so to their categories'), from order.created's lines. Pure, so
// the rules are tested alone; the product-sales projector runs them inside the consuming transaction, next to the
// seller's figures, with the same notion of a sale (`saleOf`: paid, not cancelled, on the Guayaquil day it was paid).
//
// A refund is a sum of money on the whole order, not on a line. To keep product and category figures adding up exactly
// to the seller's revenue, what was refunded of an order is spread over its lines in proportion to their totals, in
// whole cents, by the largest-remainder method: each line takes the whole cents of its exact share, and the cents left
// over go one each to the lines with the largest fractions left (ties: the larger line, then the earlier one). No line
// takes more than its own total, and the lines' net revenues add up to the order's net revenue to the cent. A sale's
// quantities count in full whatever was refunded (a refund is money back, not goods back); a cancelled order counts
// nothing at all.
import { z } from 'zod';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { saleOf, type OrderFactState } from '../read-model/order-fact-rules';

/** One line of an order as reports keeps it. */
export interface OrderLine {
  productId: string;
  quantity: number;
  lineTotalCents: number;
}

/** What one order adds to one product's day. */
export interface ProductSale {
  productId: string;
  day: string;
  quantity: number;
  revenueCents: number;
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
const linesSchema = z
  .array(
    z.object({
      productId: uuid,
      name: z.string().max(200).optional(),
      quantity: z.number().int().min(1),
      unitPriceCents: z.number().int().min(0).optional(),
      lineTotalCents: z.number().int().min(0),
    }),
  )
  .max(1000);

/**
 * The lines order.created carries (an empty list when the event has none: events written before lines were added, or
 * a payload whose lines are off the contract, which then count for the seller but for no product).
 */
export function linesOf(envelope: OutboxEnvelope): OrderLine[] {
  const parsed = linesSchema.safeParse((envelope.payload as { lines?: unknown }).lines);
  if (!parsed.success) return [];
  return parsed.data.map((l) => ({ productId: l.productId.toLowerCase(), quantity: l.quantity, lineTotalCents: l.lineTotalCents }));
}

/** `refundCents` (at most the lines' sum) spread over the lines in proportion to their totals, in whole cents. */
export function spreadRefund(lineTotals: readonly number[], refundCents: number): number[] {
  const sum = lineTotals.reduce((a, b) => a + b, 0);
  const refund = Math.min(Math.max(0, refundCents), sum);
  if (!refund) return lineTotals.map(() => 0);
  // exact shares as integers: refund × total ÷ sum = whole + fraction/sum (BigInt: no rounding in the products)
  const shares = lineTotals.map((total, index) => {
    const exact = BigInt(refund) * BigInt(total);
    return { index, total, whole: Number(exact / BigInt(sum)), fraction: Number(exact % BigInt(sum)) };
  });
  let left = refund - shares.reduce((a, s) => a + s.whole, 0);
  const byRemainder = [...shares].sort((a, b) => b.fraction - a.fraction || b.total - a.total || a.index - b.index);
  for (const share of byRemainder) {
    if (!left) break;
    share.whole += 1;
    left -= 1;
  }
  return shares.map((s) => s.whole);
}

/** What the order adds to its products' sales: nothing unless it is a sale and its lines are known. */
export function productSalesOf(fact: OrderFactState, lines: readonly OrderLine[]): ProductSale[] {
  const sale = saleOf(fact);
  if (!sale || !lines.length) return [];
  const refunds = spreadRefund(
    lines.map((l) => l.lineTotalCents),
    fact.refundedCents,
  );
  const byProduct = new Map<string, ProductSale>();
  lines.forEach((line, i) => {
    const product = byProduct.get(line.productId) ?? { productId: line.productId, day: sale.day, quantity: 0, revenueCents: 0 };
    product.quantity += line.quantity;
    product.revenueCents += line.lineTotalCents - refunds[i];
    byProduct.set(line.productId, product);
  });
  return [...byProduct.values()];
}

/** The changes to products' daily rows that take an order's contribution from `before` to `after` (zeros left out). */
export function productSaleDeltas(before: readonly ProductSale[], after: readonly ProductSale[]): ProductSale[] {
  const deltas = new Map<string, ProductSale>();
  const add = (s: ProductSale, sign: 1 | -1) => {
    const key = `${s.productId} ${s.day}`;
    const d = deltas.get(key) ?? { productId: s.productId, day: s.day, quantity: 0, revenueCents: 0 };
    d.quantity += sign * s.quantity;
    d.revenueCents += sign * s.revenueCents;
    deltas.set(key, d);
  };
  before.forEach((s) => add(s, -1));
  after.forEach((s) => add(s, 1));
  return [...deltas.values()].filter((d) => d.quantity || d.revenueCents);
}
