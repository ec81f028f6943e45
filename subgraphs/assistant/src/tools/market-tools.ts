// The tools of the assistant and of the MCP server, written once: each is ONE fixed GraphQL operation of the public API,
// run through the gateway with the caller's own token. A model (or an MCP client) chooses only the variables, checked
// against the tool's input schema first; there is no "run any GraphQL" tool. What comes back is data, trimmed to what
// answers the question, never instructions.
import { z } from 'zod';
import { Role } from '@espigon/kit/auth/role';
import { GatewayUnavailableError, type GatewayClient } from './gateway-client';

export const ORDER_STATUSES = ['PENDING', 'PAID', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED'] as const;
const EVERY_ROLE = [Role.CLIENT, Role.SELLER, Role.ADMIN] as const;

export interface MarketTool<I extends z.ZodObject = z.ZodObject> {
  /** snake_case, as model tools and MCP tools are named. */
  name: string;
  /** A human title (MCP clients show it). */
  title: string;
  /** For the model: what it answers and when to use it. */
  description: string;
  /** The roles it is offered to; others are never shown it, and are refused if they call it anyway. */
  roles: readonly Role[];
  /** Its arguments (their JSON Schema is what the model and MCP clients see). */
  input: I;
  /** The one operation it runs. */
  operation: string;
  variables(input: z.infer<I>): Record<string, unknown>;
  /** The operation's data as the caller gets it; null when there is nothing (e.g. no such order), said as NOT_FOUND. */
  result(data: any, input: z.infer<I>): Record<string, unknown> | null;
  /** What NOT_FOUND says for this tool. */
  notFound?: string;
}

/** Infers a tool's input type from its schema, so `variables` is typed by it. */
function defineTool<I extends z.ZodObject>(tool: MarketTool<I>): MarketTool<I> {
  return tool;
}

const PRODUCT_FIELDS = `
  id name description priceCents unit available caughtAt
  inventory { quantityAvailable }
  subcategory { name category { name } }
  seller { id name sellerProfile { stallName pierSection } }`;

const ORDER_FIELDS = `
  number status totalCents createdAt updatedAt
  seller { name sellerProfile { stallName } }
  items { productName quantity unit unitPriceCents lineTotalCents }
  delivery { method status address scheduledFor }
  payment { status }`;

/** A product as the tools return it: flat, prices in cents and in dollars, the seller's stall named. */
function product(node: any): Record<string, unknown> {
  return {
    id: node.id,
    name: node.name,
    description: node.description ?? null,
    priceCents: node.priceCents,
    unit: node.unit,
    available: node.available,
    quantityAvailable: node.inventory?.quantityAvailable ?? null,
    caughtAt: node.caughtAt ?? null,
    category: node.subcategory?.category?.name ?? null,
    subcategory: node.subcategory?.name ?? null,
    seller: node.seller
      ? {
          id: node.seller.id,
          name: node.seller.name,
          stall: node.seller.sellerProfile?.stallName ?? null,
          pierSection: node.seller.sellerProfile?.pierSection ?? null,
        }
      : null,
  };
}

function order(node: any): Record<string, unknown> {
  return {
    number: node.number,
    status: node.status,
    totalCents: node.totalCents,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    seller: node.seller ? { name: node.seller.name, stall: node.seller.sellerProfile?.stallName ?? null } : null,
    items: (node.items ?? []).map((item: any) => ({
      product: item.productName,
      quantity: item.quantity,
      unit: item.unit,
      unitPriceCents: item.unitPriceCents,
      lineTotalCents: item.lineTotalCents,
    })),
    delivery: node.delivery ?? null,
    paymentStatus: node.payment?.status ?? null,
  };
}

const searchProducts = defineTool({
  name: 'search_products',
  title: 'Search the catalog',
  description:
    "Searches the market's catalog by words (Spanish full text: 'camarón', 'atun', 'pargo rojo'), newest first: what is for sale, " +
    'its price in cents (USD) per unit, how much is available, when it was caught, and which stall sells it. Use it for "is there X today?" and "how much is X?".',
  roles: EVERY_ROLE,
  input: z.object({
    query: z.string().trim().min(1).max(100).describe('Words to look for, e.g. "camarón" or "atún aleta amarilla"'),
    availableOnly: z.boolean().default(true).describe('Only products in stock now (default true)'),
    maxPriceCents: z.number().int().min(0).max(100_000_000).optional().describe('Only products at most this price, in cents'),
    first: z.number().int().min(1).max(20).default(10).describe('How many products, 1 to 20 (default 10)'),
  }),
  operation: `query AssistantSearchProducts($filter: ProductFilter!, $first: Int!) {
  products(filter: $filter, first: $first) { totalCount edges { node { ${PRODUCT_FIELDS} } } }
}`,
  variables: ({ query, availableOnly, maxPriceCents, first }) => ({
    filter: { search: query, availableOnly, ...(maxPriceCents !== undefined ? { maxPriceCents } : {}) },
    first,
  }),
  result: (data) => ({
    totalCount: data.products.totalCount,
    products: data.products.edges.map((edge: { node: unknown }) => product(edge.node)),
  }),
});

const getProduct = defineTool({
  name: 'get_product',
  title: 'One product',
  description: "One product by its id (from search_products): its description, price, stock, catch date and seller's stall.",
  roles: EVERY_ROLE,
  input: z.object({ id: z.uuid().describe("The product's id") }),
  operation: `query AssistantGetProduct($id: ID!) {
  product(id: $id) { ${PRODUCT_FIELDS} imageUrls }
}`,
  variables: ({ id }) => ({ id }),
  result: (data) => (data.product ? { product: { ...product(data.product), imageUrls: data.product.imageUrls } } : null),
  notFound: 'No product with that id is for sale',
});

const myOrders = defineTool({
  name: 'my_orders',
  title: 'My orders',
  description: "The asking client's own orders, newest first: number, status, total, seller, lines, delivery and payment status.",
  roles: [Role.CLIENT],
  input: z.object({
    status: z.enum(ORDER_STATUSES).optional().describe('Only orders in this status'),
    first: z.number().int().min(1).max(20).default(5).describe('How many orders, 1 to 20 (default 5)'),
  }),
  operation: `query AssistantMyOrders($first: Int!, $status: OrderStatus) {
  me { orders(first: $first, status: $status) { totalCount edges { node { ${ORDER_FIELDS} } } } }
}`,
  variables: ({ status, first }) => ({ first, status: status ?? null }),
  result: (data) =>
    data.me ? { totalCount: data.me.orders.totalCount, orders: data.me.orders.edges.map((edge: { node: unknown }) => order(edge.node)) } : null,
  notFound: 'No account is signed in',
});

const orderStatus = defineTool({
  name: 'order_status',
  title: 'Where is an order',
  description:
    'One order by its number (e.g. MNT-2026-000123): its status (PENDING, PAID, PREPARING, READY, DELIVERED, CANCELLED), lines, delivery and payment. ' +
    'Only orders the asker bought, sold, or (ADMIN) any; any other number is NOT_FOUND.',
  roles: EVERY_ROLE,
  input: z.object({
    number: z
      .string()
      .trim()
      .regex(/^MNT-\d{4}-\d{6,11}$/i, 'an order number such as MNT-2026-000123')
      .describe('The order number, e.g. MNT-2026-000123'),
  }),
  operation: `query AssistantOrderStatus($number: String!) {
  orderByNumber(number: $number) { ${ORDER_FIELDS} }
}`,
  variables: ({ number }) => ({ number: number.toUpperCase() }),
  result: (data) => (data.orderByNumber ? { order: order(data.orderByNumber) } : null),
  notFound: 'No order with that number among those the asker may see',
});

const sellerStock = defineTool({
  name: 'seller_stock',
  title: 'My stock',
  description:
    "The asking seller's own products with their stock (on hand, reserved, available, low-stock threshold); lowOnly keeps those at or under the threshold.",
  roles: [Role.SELLER],
  input: z.object({ lowOnly: z.boolean().default(false).describe('Only products at or under their low-stock threshold') }),
  operation: `query AssistantSellerStock {
  me { products(first: 100) { totalCount edges { node { id name priceCents unit listed available inventory { quantityOnHand quantityReserved quantityAvailable lowStockThreshold } } } } }
}`,
  variables: () => ({}),
  result: (data, { lowOnly }) => (data.me ? stock(data.me.products, lowOnly) : null),
  notFound: 'No account is signed in',
});

/** A seller's products with their stock; `low` marks those at or under their threshold, and lowOnly keeps only them. */
function stock(products: any, lowOnly: boolean): Record<string, unknown> {
  const rows = products.edges.map(({ node }: any) => ({
    id: node.id,
    name: node.name,
    priceCents: node.priceCents,
    unit: node.unit,
    listed: node.listed,
    available: node.available,
    ...node.inventory,
    low: node.inventory.quantityAvailable <= node.inventory.lowStockThreshold,
  }));
  const shown = lowOnly ? rows.filter((row: { low: boolean }) => row.low) : rows;
  return { totalCount: products.totalCount, lowCount: rows.filter((row: { low: boolean }) => row.low).length, products: shown };
}

const marketSummary = defineTool({
  name: 'market_summary',
  title: "The market's day",
  description:
    "ADMIN: today's revenue and orders, orders by status, the average order, the five best-selling products and what is low on stock across the market.",
  roles: [Role.ADMIN],
  input: z.object({}),
  operation: `query AssistantMarketSummary {
  dashboard { revenueTodayCents ordersToday averageOrderCents lowStockCount ordersByStatus { status count } }
  topProducts(limit: 5) { quantitySold revenueCents product { id name } }
  lowStockProducts { id name unit seller { name } inventory { quantityAvailable lowStockThreshold } }
}`,
  variables: () => ({}),
  result: (data) => ({
    dashboard: data.dashboard,
    topProducts: data.topProducts.map((row: any) => ({
      product: row.product?.name ?? null,
      quantitySold: row.quantitySold,
      revenueCents: row.revenueCents,
    })),
    lowStock: data.lowStockProducts.map((p: any) => ({ product: p.name, unit: p.unit, seller: p.seller?.name ?? null, ...p.inventory })),
  }),
});

/** Every tool, in the order they are offered. */
export const MARKET_TOOLS: readonly MarketTool[] = [
  searchProducts,
  getProduct,
  myOrders,
  orderStatus,
  sellerStock,
  marketSummary,
] as unknown as MarketTool[];

/** A tool's input schema as JSON Schema (what Claude's `input_schema` and an MCP tool's `inputSchema` are). */
export function inputJsonSchema(tool: MarketTool): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
  return schema;
}

export type ToolOutcome =
  { ok: true; tool: string; data: Record<string, unknown> } | { ok: false; tool: string; error: { code: string; message: string } };

/** Who runs a tool: their token goes to the gateway; their role decides which tools they are offered. */
export interface ToolCaller {
  token: string;
  role: Role;
}

/** The tools of one caller, run through the gateway. */
export class MarketToolbox {
  constructor(
    private readonly gateway: GatewayClient,
    readonly tools: readonly MarketTool[] = MARKET_TOOLS,
  ) {}

  /** The tools offered to a role. */
  availableTo(role: Role): MarketTool[] {
    return this.tools.filter((tool) => tool.roles.includes(role));
  }

  find(name: string): MarketTool | undefined {
    return this.tools.find((tool) => tool.name === name);
  }

  /**
   * Runs a tool for a caller. Every outcome is returned, none thrown: bad arguments (BAD_USER_INPUT), a tool not
   * offered to the caller's role (FORBIDDEN, the gateway never called), the gateway's own refusals (its code and
   * message), nothing found (NOT_FOUND), the market unreachable (SERVICE_UNAVAILABLE).
   */
  async run(name: string, rawInput: unknown, caller: ToolCaller, signal?: AbortSignal): Promise<ToolOutcome> {
    const tool = this.find(name);
    if (!tool) return { ok: false, tool: name, error: { code: 'NOT_FOUND', message: `There is no tool named ${JSON.stringify(name).slice(0, 60)}` } };
    if (!tool.roles.includes(caller.role)) {
      return { ok: false, tool: name, error: { code: 'FORBIDDEN', message: `${tool.name} is for ${tool.roles.join(' and ')} accounts only` } };
    }
    const parsed = tool.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
      return { ok: false, tool: name, error: { code: 'BAD_USER_INPUT', message } };
    }
    try {
      const response = await this.gateway.execute(tool.operation, tool.variables(parsed.data), caller.token, signal);
      if (response.errors?.length && !response.data) {
        const [first] = response.errors;
        return { ok: false, tool: name, error: { code: first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', message: first.message } };
      }
      const data = response.data ? tool.result(response.data, parsed.data) : null;
      if (!data) return { ok: false, tool: name, error: { code: 'NOT_FOUND', message: tool.notFound ?? 'Nothing found' } };
      return { ok: true, tool: name, data };
    } catch (err) {
      if (err instanceof GatewayUnavailableError) return { ok: false, tool: name, error: { code: 'SERVICE_UNAVAILABLE', message: err.message } };
      if ((err as Error).name === 'AbortError' || signal?.aborted) throw err;
      // a shape the tool did not expect (partial data): reported, not thrown into the reply
      return { ok: false, tool: name, error: { code: 'INTERNAL_SERVER_ERROR', message: 'The market answered in an unexpected way' } };
    }
  }
}
