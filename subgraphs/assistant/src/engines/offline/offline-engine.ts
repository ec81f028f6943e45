// The offline mode (no ANTHROPIC_API_KEY): the common questions of the pier answered with the same tools as Claude,
// run as the asker through the gateway, and Spanish templates; every reply says it is offline. No model, no tokens.
import { Role } from '@espigon/kit/auth/role';
import type { ToolOutcome } from '../../tools/market-tools';
import type { ReplyEngine, ReplyRequest, ReplyResult } from '../reply-engine';
import { namesSearch, recognizeFollowUp, type OfflineQuestion } from './offline-intent';
import {
  availabilityReply,
  helpReply,
  lowStockForSellersReply,
  marketLowStockReply,
  myOrdersReply,
  nothingLikeReply,
  offlineReply,
  orderNotFoundReply,
  orderNumberNeededReply,
  orderReply,
  priceReply,
  sellerLowStockReply,
  toolErrorReply,
  whichProductReply,
  type MarketLowStockRow,
  type OrderView,
  type ProductView,
  type StockRow,
} from './offline-replies';

type RunTool = (name: string, input: Record<string, unknown>) => Promise<ToolOutcome>;

/** Products asked of the catalog per search (a reply lists fewer, and counts the rest). */
const SEARCHED_PRODUCTS = 10;
/** The latest orders shown for "mis pedidos". */
const LATEST_ORDERS = 3;

export class OfflineEngine implements ReplyEngine {
  readonly mode = 'offline';

  async reply(request: ReplyRequest): Promise<ReplyResult> {
    const question = recognizeFollowUp(request.message, request.history);
    request.logger.debug({ intent: question.intent, guessed: question.guessed }, 'offline: question recognized');
    const toolCalls: string[] = [];
    const run: RunTool = (name, input) => {
      toolCalls.push(name);
      return request.tools.run(name, input, { token: request.token, role: request.viewer.role }, request.signal);
    };
    const lines = offlineReply(await answer(question, request.viewer.role, run));
    // a line at a time, as a model's reply would arrive; the pieces add up to the text
    const pieces = lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
    for (const piece of pieces) request.onDelta(piece);
    return { text: pieces.join(''), tokens: 0, toolCalls };
  }
}

async function answer(question: OfflineQuestion, role: Role, run: RunTool): Promise<string[]> {
  switch (question.intent) {
    case 'availability':
    case 'price':
      return productsAnswer(question, role, run);
    case 'order':
      return orderAnswer(question, role, run);
    case 'lowStock':
      return lowStockAnswer(role, run);
    case 'greeting':
      return helpReply(role, true);
    case 'unknown':
      return helpReply(role, false);
  }
}

async function productsAnswer(question: OfflineQuestion, role: Role, run: RunTool): Promise<string[]> {
  if (!question.search || !question.subject) return whichProductReply();
  const price = question.intent === 'price';
  let found: { products: ProductView[]; totalCount: number } = { products: [], totalCount: 0 };
  let subject = question.subject;
  let alike = false;
  for (const attempt of searchAttempts(question.search, question.subject, question.correctedSearch)) {
    const outcome = await run('search_products', {
      query: attempt.query,
      availableOnly: !price, // a price is worth telling even when sold out today
      first: SEARCHED_PRODUCTS,
      ...(question.maxPriceCents !== null ? { maxPriceCents: question.maxPriceCents } : {}),
    });
    if (!outcome.ok) return toolErrorReply(outcome.error.code);
    const data = outcome.data as typeof found;
    if (!data.products.length) continue;
    const named = data.products.some((product) => namesSearch(`${product.name} ${product.description ?? ''}`, attempt.query));
    // products merely alike what was asked are kept only until a later attempt finds what it names
    if (!found.products.length || named) [found, subject, alike] = [data, attempt.subject, !named];
    if (named) break;
  }
  if ((!found.products.length || alike) && question.guessed) return nothingLikeReply(subject, role);
  const match = { totalCount: found.totalCount, maxPriceCents: question.maxPriceCents, alike };
  return (price ? priceReply : availabilityReply)(subject, found.products, match);
}

/** The words as written; then, when a word is one slip from a pier species, with it as that species ("camaorn"). */
function searchAttempts(search: string, subject: string, correctedSearch: string | null): { query: string; subject: string }[] {
  const attempts = [{ query: search, subject }];
  if (correctedSearch) attempts.push({ query: correctedSearch, subject: correctedSearch.replaceAll(' or ', ' o ') });
  return attempts;
}

async function orderAnswer(question: OfflineQuestion, role: Role, run: RunTool): Promise<string[]> {
  if (question.orderNumber) {
    const outcome = await run('order_status', { number: question.orderNumber });
    if (!outcome.ok) return outcome.error.code === 'NOT_FOUND' ? orderNotFoundReply(question.orderNumber) : toolErrorReply(outcome.error.code);
    return orderReply(outcome.data.order as OrderView, role === Role.CLIENT);
  }
  if (role !== Role.CLIENT) return orderNumberNeededReply();
  const outcome = await run('my_orders', { first: LATEST_ORDERS });
  if (!outcome.ok) return toolErrorReply(outcome.error.code);
  const { orders, totalCount } = outcome.data as { orders: OrderView[]; totalCount: number };
  return myOrdersReply(orders, totalCount);
}

async function lowStockAnswer(role: Role, run: RunTool): Promise<string[]> {
  if (role === Role.CLIENT) return lowStockForSellersReply();
  if (role === Role.SELLER) {
    // every product, not lowOnly: the reply tells "nothing is low" from "nothing is listed"
    const outcome = await run('seller_stock', {});
    if (!outcome.ok) return toolErrorReply(outcome.error.code);
    return sellerLowStockReply((outcome.data as { products: StockRow[] }).products);
  }
  const outcome = await run('market_summary', {});
  if (!outcome.ok) return toolErrorReply(outcome.error.code);
  return marketLowStockReply((outcome.data as { lowStock: MarketLowStockRow[] }).lowStock);
}
