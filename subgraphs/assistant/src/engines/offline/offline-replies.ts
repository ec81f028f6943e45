// The offline mode's replies: Spanish templates over what the market tools return, one line per product or order.
// Each is a list of lines; offlineReply() marks the first as offline mode. Tool errors become polite lines, never codes.
import { amountOf, deliveryText, marketTime, money, orderStatusText, paymentStatusText, pricePerUnit } from './offline-format';

/** Every reply starts with it, so the asker knows Claude is not the one answering. */
export const OFFLINE_PREFIX = '(Modo sin conexión) ';

/** Products listed in one reply at most; the rest are counted. */
export const LISTED_PRODUCTS = 6;

/** A product as search_products returns it (the fields the replies use). */
export interface ProductView {
  name: string;
  description: string | null;
  priceCents: number;
  unit: string;
  available: boolean;
  quantityAvailable: number | null;
  seller: { name: string; stall: string | null; pierSection: string | null } | null;
}

/** An order as my_orders and order_status return it. */
export interface OrderView {
  number: string;
  status: string;
  totalCents: number;
  createdAt: string;
  seller: { name: string; stall: string | null } | null;
  items: { product: string; quantity: number; unit?: string }[];
  delivery: { method: string; address: string | null } | null;
  paymentStatus: string | null;
}

/** A seller's product as seller_stock returns it. */
export interface StockRow {
  name: string;
  unit: string;
  quantityAvailable: number;
  lowStockThreshold: number;
  low: boolean;
}

/** A product low on stock across the market, as market_summary returns it. */
export interface MarketLowStockRow {
  product: string;
  unit?: string;
  seller: string | null;
  quantityAvailable: number;
  lowStockThreshold: number;
}

export function offlineReply(lines: string[]): string[] {
  return [OFFLINE_PREFIX + lines[0], ...lines.slice(1)];
}

const EXAMPLES = {
  availability: 'si hay un producto hoy: «¿hay camarón hoy?»',
  price: 'precios: «¿cuánto cuesta la corvina?»',
  order: 'tus pedidos: «¿dónde está mi pedido MNT-2026-000123?» o «mis pedidos»',
  orderByNumber: 'un pedido por su número: «¿dónde está el pedido MNT-2026-000123?»',
  lowStock: 'lo que está bajo de stock: «¿qué está bajo de stock?»',
};

function examplesFor(role: string): string[] {
  const examples =
    role === 'CLIENT'
      ? [EXAMPLES.availability, EXAMPLES.price, EXAMPLES.order]
      : [EXAMPLES.availability, EXAMPLES.price, EXAMPLES.orderByNumber, EXAMPLES.lowStock];
  return examples.map((example) => `• ${example}`);
}

/** What the offline mode answers, for a role: the reply to a greeting and to anything it does not understand. */
export function helpReply(role: string, greeted: boolean): string[] {
  return [
    greeted ? '¡Hola! Sin conexión con el asistente completo, puedo responderte:' : 'No entendí la pregunta. Sin conexión, puedo responderte:',
    ...examplesFor(role),
  ];
}

/** Only unknown words were written ("¿y el clima?"), taken for a product that is not there: maybe it was no product. */
export function nothingLikeReply(subject: string, role: string): string[] {
  return [`No encontré «${subject}» entre los productos de hoy. Sin conexión, puedo responderte:`, ...examplesFor(role)];
}

/** Asked for a price or whether there is some, with no product named. */
export function whichProductReply(): string[] {
  return ['¿Qué producto buscas? Escríbeme, por ejemplo, «¿hay camarón hoy?» o «precio del dorado».'];
}

function stallOf(seller: ProductView['seller']): string {
  if (!seller) return 'un puesto del mercado';
  const stall = seller.stall ?? seller.name;
  return seller.pierSection ? `${stall} (${seller.pierSection})` : stall;
}

function productLine(product: ProductView): string {
  const quantity = product.quantityAvailable ?? 0;
  const stock = product.available ? `${amountOf(quantity, product.unit)} ${quantity === 1 ? 'disponible' : 'disponibles'}` : 'agotado';
  return `• ${product.name}: ${pricePerUnit(product.priceCents, product.unit)}, ${stock}. ${stallOf(product.seller)}.`;
}

function moreLine(total: number, listed: number): string[] {
  const more = total - listed;
  if (more <= 0) return [];
  return [more === 1 ? 'Y 1 producto más en el catálogo.' : `Y ${more} productos más en el catálogo.`];
}

const upTo = (maxPriceCents: number | null) => (maxPriceCents === null ? '' : ` a ${money(maxPriceCents)} o menos`);

/** How a list of products answers the question: naming what was asked, or (the catalog's fallback) only alike. */
export interface ProductMatch {
  totalCount: number;
  maxPriceCents: number | null;
  alike: boolean;
}

/** "¿hay camarón hoy?": what is for sale, with price, amount and stall. */
export function availabilityReply(subject: string, products: ProductView[], { totalCount, maxPriceCents, alike }: ProductMatch): string[] {
  if (!products.length) {
    return [
      `Hoy no encontré ${subject}${upTo(maxPriceCents)} a la venta en el mercado.`,
      'Prueba con otro nombre (por ejemplo corvina, dorado o pulpo) o vuelve a preguntar más tarde: los puestos publican su pesca durante el día.',
    ];
  }
  const listed = products.slice(0, LISTED_PRODUCTS);
  const heading = alike
    ? `No encontré ${subject}${upTo(maxPriceCents)} tal cual, pero hay algo parecido:`
    : `Sí, hoy hay ${subject}${upTo(maxPriceCents)}:`;
  return [heading, ...listed.map(productLine), ...moreLine(totalCount, listed.length)];
}

/** "¿cuánto cuesta el camarón?": prices from the cheapest, those sold out said so. */
export function priceReply(subject: string, products: ProductView[], { totalCount, maxPriceCents, alike }: ProductMatch): string[] {
  if (!products.length) {
    return [
      `No encontré ${subject}${upTo(maxPriceCents)} en el catálogo, así que no tengo su precio.`,
      'Prueba con otro nombre, por ejemplo «precio del dorado» o «¿cuánto cuesta el pulpo?».',
    ];
  }
  const listed = [...products].sort((a, b) => Number(b.available) - Number(a.available) || a.priceCents - b.priceCents).slice(0, LISTED_PRODUCTS);
  const heading = alike ? `No encontré ${subject}${upTo(maxPriceCents)} tal cual; esto es lo más parecido:` : `Precios de ${subject} hoy:`;
  return [heading, ...listed.map(productLine), ...moreLine(totalCount, listed.length)];
}

function lines(items: OrderView['items']): string {
  // "2 libras de Albacora"; a line without its unit (UNIT, or an older snapshot) reads "2 × Albacora"
  return items
    .map((item) =>
      item.unit && item.unit !== 'UNIT' ? `${amountOf(item.quantity, item.unit)} de ${item.product}` : `${item.quantity} × ${item.product}`,
    )
    .join(', ');
}

/** "¿dónde está mi pedido MNT-…?": its status, what it holds, its total and payment, how it is handed over, when. */
export function orderReply(order: OrderView, ownedByAsker: boolean): string[] {
  const status = orderStatusText(order.status, order.delivery?.method);
  const payment = order.paymentStatus ? ` Pago: ${paymentStatusText(order.paymentStatus)}.` : '';
  return [
    `${ownedByAsker ? 'Tu pedido' : 'El pedido'} ${order.number} está ${status}.`,
    ...(order.seller ? [`Puesto: ${order.seller.stall ?? order.seller.name}.`] : []),
    ...(order.items.length ? [`Productos: ${lines(order.items)}.`] : []),
    `Total: ${money(order.totalCents)}.${payment}`,
    ...(order.delivery ? [`Entrega: ${deliveryText(order.delivery.method, order.delivery.address)}.`] : []),
    `Hecho el ${marketTime(order.createdAt)} (hora de Guayaquil).`,
  ];
}

/** "mis pedidos": a client's latest orders, one line each. */
export function myOrdersReply(orders: OrderView[], totalCount: number): string[] {
  if (!orders.length) return ['Todavía no tienes pedidos. Cuando compres, pregúntame «¿dónde está mi pedido?» y te digo cómo va.'];
  const heading =
    totalCount > orders.length
      ? `Tienes ${totalCount} pedidos; estos son los ${orders.length} más recientes:`
      : orders.length === 1
        ? 'Este es tu pedido:'
        : 'Estos son tus pedidos, del más reciente al más antiguo:';
  return [
    heading,
    ...orders.map((order) => {
      const stall = order.seller ? `, ${order.seller.stall ?? order.seller.name}` : '';
      return `• ${order.number}: ${orderStatusText(order.status, order.delivery?.method)}, ${money(order.totalCents)}${stall}, del ${marketTime(order.createdAt)}.`;
    }),
    'Pregúntame por uno con su número para ver el detalle.',
  ];
}

/** A seller or an administrator asked about "my order" without its number. */
export function orderNumberNeededReply(): string[] {
  return ['Dime el número del pedido (por ejemplo MNT-2026-000123) y te digo cómo va.'];
}

/** The number is no order the asker may see: the same words whether it exists or not. */
export function orderNotFoundReply(number: string): string[] {
  return [`No encontré el pedido ${number} entre los tuyos.`, 'Revisa el número: tiene la forma MNT-2026-000123.'];
}

/** "agotado", "queda 1 libra", "quedan 3 libras". */
function remaining(quantity: number, amount: string): string {
  if (quantity <= 0) return 'agotado';
  return `${quantity === 1 ? 'queda' : 'quedan'} ${amount}`;
}

/** A seller's products at or under their low-stock threshold. */
export function sellerLowStockReply(rows: StockRow[]): string[] {
  const low = rows.filter((row) => row.low);
  if (!rows.length) return ['Todavía no tienes productos publicados, así que no hay stock que revisar.'];
  if (!low.length) return ['Nada está bajo de stock: todos tus productos tienen más de lo que marca su aviso.'];
  return [
    low.length === 1 ? 'Este producto tuyo está bajo de stock:' : `Estos ${low.length} productos tuyos están bajos de stock:`,
    ...low.map(
      (row) => `• ${row.name}: ${remaining(row.quantityAvailable, amountOf(row.quantityAvailable, row.unit))} (aviso en ${row.lowStockThreshold}).`,
    ),
  ];
}

/** The market's products at or under their low-stock threshold, for an administrator. */
export function marketLowStockReply(rows: MarketLowStockRow[]): string[] {
  if (!rows.length) return ['Ningún producto del mercado está bajo de stock.'];
  return [
    rows.length === 1 ? 'Un producto del mercado está bajo de stock:' : `${rows.length} productos del mercado están bajos de stock:`,
    ...rows.map((row) => {
      const amount = row.unit
        ? amountOf(row.quantityAvailable, row.unit)
        : `${row.quantityAvailable} ${row.quantityAvailable === 1 ? 'disponible' : 'disponibles'}`;
      return `• ${row.product}${row.seller ? ` (${row.seller})` : ''}: ${remaining(row.quantityAvailable, amount)} (aviso en ${row.lowStockThreshold}).`;
    }),
  ];
}

/** A client asked about stock: that is the sellers' view. */
export function lowStockForSellersReply(): string[] {
  return ['El stock de cada puesto lo ven sus vendedores. Si buscas algo, pregúntame si hay: por ejemplo «¿hay camarón hoy?».'];
}

/** A tool failed: what to tell the asker, by the error's code (never the code itself). */
export function toolErrorReply(code: string): string[] {
  switch (code) {
    case 'UNAUTHENTICATED':
      return ['Tu sesión venció: vuelve a iniciar sesión y pregúntame otra vez.'];
    case 'FORBIDDEN':
      return ['Esa consulta no está disponible para tu cuenta.'];
    case 'BAD_USER_INPUT':
      return ['No entendí bien lo que buscas; ¿me lo escribes de otra forma?'];
    default:
      return ['No pude consultar el mercado en este momento. Intenta de nuevo en unos minutos.'];
  }
}
