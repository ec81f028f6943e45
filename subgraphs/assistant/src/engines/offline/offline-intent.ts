// What a question asks, as the offline mode understands it: one of the common intents of the pier (is there X today,
// the price of X, where is my order, what is low on stock), the product words it names, an order number, a top price.
import { centsFromDollars } from '@espigon/kit/money';
import type { ReplyTurn } from '../reply-engine';
import { fold, isTypoOf, wordsOf, type Word } from './spanish-text';
import {
  AVAILABILITY_WORDS,
  GENERIC_SEARCHES,
  GREETING_WORDS,
  LOW_STOCK_PHRASES,
  LOW_STOCK_WORDS,
  ORDER_WORDS,
  PIER_WORDS,
  PRICE_PHRASES,
  PRICE_WORDS,
  STOPWORDS,
  SYNONYMS,
} from './offline-vocabulary';

export type OfflineIntent = 'availability' | 'price' | 'order' | 'lowStock' | 'greeting' | 'unknown';

export interface OfflineQuestion {
  intent: OfflineIntent;
  /** What they look for, in their words (lower case): "camarón", "pargo rojo"; null when no product is named. */
  subject: string | null;
  /** What to search the catalog for: the product words, English and generic names turned into the catalog's. */
  search: string | null;
  /** Their words searched as the nearest pier species, when a word is one slip from one ("camaorn"); else null. */
  correctedSearch: string | null;
  /** An order number, normalized: "MNT-2026-000123". */
  orderNumber: string | null;
  /** "a menos de 5 dólares", "hasta $4.50": in cents. */
  maxPriceCents: number | null;
  /** True when no word said what they want, only a product was named ("¿y la corvina?"): taken as availability. */
  guessed: boolean;
}

const ORDER_NUMBER = /\bmnt[\s-]*(\d{4})[\s-]*(\d{6,11})\b/i;
/** "a menos de 5 dólares", "hasta $4.50", "máximo 3,75" — not "hasta 5 libras". */
const MAX_PRICE =
  /\b(?:menos de|hasta|maximo|max|no mas de|under|below|less than)\s*(?:us)?\s*\$?\s*(\d{1,6}(?:[.,]\d{1,2})?)(?!\d|\s*(?:kilo|kg|libra|lb|unidad|docena|pound))/;
const FOLDED_PIER_WORDS = PIER_WORDS.map((word) => ({ word, key: fold(word) }));

/** Whether a folded word is one of the set's, or one slip from one. */
const said = (key: string, words: Set<string>) => words.has(key) || [...words].some((known) => isTypoOf(key, known));
const saysPhrase = (folded: string, phrases: string[]) => phrases.some((phrase) => folded.includes(` ${phrase} `));

/** The question's intent and what it names. Pure: the same message always reads the same. */
export function recognizeQuestion(message: string): OfflineQuestion {
  const numberMatch = ORDER_NUMBER.exec(message);
  const orderNumber = numberMatch ? `MNT-${numberMatch[1]}-${numberMatch[2]}` : null;
  const rest = numberMatch ? message.replace(numberMatch[0], ' ') : message;
  const words = wordsOf(rest);
  const folded = ` ${words.map((w) => w.key).join(' ')} `;
  const priceMatch = MAX_PRICE.exec(fold(rest));
  const maxPriceCents = priceMatch ? centsFromDollars(priceMatch[1].replace(',', '.')) : null;

  const { subject, search, correctedSearch } = describeProducts(productGroups(words));
  const has = (set: Set<string>) => words.some((w) => said(w.key, set));
  const base = { subject, search, correctedSearch, orderNumber, maxPriceCents, guessed: false };

  if (orderNumber) return { ...base, intent: 'order' };
  if (has(LOW_STOCK_WORDS) || saysPhrase(folded, LOW_STOCK_PHRASES)) return { ...base, intent: 'lowStock' };
  if (has(ORDER_WORDS)) return { ...base, intent: 'order' };
  if (has(PRICE_WORDS) || saysPhrase(folded, PRICE_PHRASES)) return { ...base, intent: 'price' };
  if (has(AVAILABILITY_WORDS)) return { ...base, intent: 'availability' };
  if (has(GREETING_WORDS)) return { ...base, intent: 'greeting' };
  if (search) return { ...base, intent: 'availability', guessed: true };
  return { ...base, intent: 'unknown' };
}

/**
 * A question read with the conversation before it: "¿y el precio?" is about the product asked for last, and
 * "¿y la corvina?" asks what was asked last (the price, or whether there is any), for the corvina.
 */
export function recognizeFollowUp(message: string, history: readonly ReplyTurn[]): OfflineQuestion {
  const question = recognizeQuestion(message);
  const earlier = history
    .filter((turn) => turn.role === 'user')
    .reverse()
    .map((turn) => recognizeQuestion(turn.content));
  if ((question.intent === 'price' || question.intent === 'availability') && !question.search) {
    const named = earlier.find((q) => q.search);
    if (named) return { ...question, subject: named.subject, search: named.search, correctedSearch: named.correctedSearch };
  }
  if (question.guessed) {
    const last = earlier.find((q) => q.intent === 'price' || q.intent === 'availability');
    if (last?.intent === 'price') return { ...question, intent: 'price', guessed: false };
  }
  return question;
}

/** Words that ask, not name: any typo of an intent word ("pedidio", "cuseta") is no product. */
function isQuestionWord(key: string): boolean {
  return [ORDER_WORDS, LOW_STOCK_WORDS, PRICE_WORDS, AVAILABILITY_WORDS, GREETING_WORDS].some((set) => said(key, set));
}

/** Words that join alternatives: "¿hay pargo o corvina?" asks for either. */
const ALTERNATIVES = new Set(['o', 'u', 'y', 'e', 'ni', 'or', 'and']);

/** The product words, in groups the asker set apart with "o", "y"...: "pargo o corvina de roca" is [pargo] [corvina roca]. */
function productGroups(words: Word[]): Word[][] {
  const groups: Word[][] = [[]];
  for (const word of words) {
    if (ALTERNATIVES.has(word.key)) {
      if (groups.at(-1)!.length) groups.push([]);
    } else if (!/^\d+$/.test(word.key) && !STOPWORDS.has(word.key) && !isQuestionWord(word.key)) {
      groups.at(-1)!.push(word);
    }
  }
  return groups.filter((group) => group.length);
}

const toPierWord = (term: string) => {
  const key = fold(term);
  return FOLDED_PIER_WORDS.find((pier) => pier.key !== key && isTypoOf(key, pier.key))?.word ?? term;
};

function describeProducts(groups: Word[][]): Pick<OfflineQuestion, 'subject' | 'search' | 'correctedSearch'> {
  const words = groups.flat();
  if (!words.length) return { subject: null, search: null, correctedSearch: null };
  // a kind of catch asked alone is searched as its species; next to other words ("filete de pescado") it adds nothing
  const specific = groups.map((group) => group.filter((w) => !(w.key in GENERIC_SEARCHES))).filter((group) => group.length);
  if (!specific.length) return { subject: words[0].text, search: GENERIC_SEARCHES[words[0].key], correctedSearch: null };
  const terms = specific.map((group) => group.map((w) => SYNONYMS[w.key] ?? w.text));
  const written = specific.map((group) => group.map((w) => w.text));
  const asSearch = (alternatives: string[][]) =>
    alternatives
      .map((group) => group.join(' '))
      .join(' or ')
      .slice(0, 100);
  const search = asSearch(terms);
  const correctedSearch = asSearch(terms.map((group) => group.map(toPierWord)));
  // English names are said as the catalog's ("shrimp" is camarón); what was written in Spanish, as written
  const said = specific.flat().every((w) => SYNONYMS[w.key]) ? terms : written;
  return {
    subject: said.map((group) => group.join(' ')).join(' o '),
    search,
    correctedSearch: correctedSearch !== search ? correctedSearch : null,
  };
}

/**
 * Whether a product's text names what was searched: every word of one of the alternatives, by its first five letters
 * ("camarones" names "Camarón"). The catalog answers a search full text finds nothing for with names merely like it;
 * those do not, and the reply says they are only alike.
 */
export function namesSearch(text: string, search: string): boolean {
  const folded = fold(text);
  return search.split(' or ').some((group) => group.split(' ').every((word) => folded.includes(fold(word).slice(0, 5))));
}
