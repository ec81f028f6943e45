// Spanish as people on the pier type it, made comparable: any case, accents optional ("camaron" is "camarón"), ¿? and
// other punctuation ignored, and one slip of the finger forgiven on longer words ("pedidio", "precoi").

/** A word of a message: as written (lower case, accents kept, for replies and the catalog) and folded (for matching). */
export interface Word {
  text: string;
  key: string;
}

/** Lower case without accents or other marks: "Camarón" and "CAMARON" both become "camaron" (ñ becomes n). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The message's words in order; punctuation, emoji and the like separate them. */
export function wordsOf(message: string): Word[] {
  return (
    message
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map((text) => ({ text, key: fold(text) }));
}

/** Words shorter than this must be spelled right: short words one slip apart are often other words ("vende", "verde"). */
const FORGIVING_FROM = 6;

/**
 * Whether `typed` is `known` or one slip away from it (a letter missing, added, changed, or two neighbours swapped),
 * for words of six letters or more. Both folded.
 */
export function isTypoOf(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (known.length < FORGIVING_FROM || Math.abs(typed.length - known.length) > 1) return false;
  let i = 0;
  while (i < typed.length && i < known.length && typed[i] === known[i]) i += 1;
  if (typed.length === known.length) {
    const swapped = typed[i] === known[i + 1] && typed[i + 1] === known[i] && typed.slice(i + 2) === known.slice(i + 2);
    return swapped || typed.slice(i + 1) === known.slice(i + 1);
  }
  return typed.length > known.length ? typed.slice(i + 1) === known.slice(i) : typed.slice(i) === known.slice(i + 1);
}
