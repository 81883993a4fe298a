/**
 * THE scanner of parentheses around Chinese titles (`English title (中文标题)`): ASCII and
 * full-width parentheses, mixed, balanced pairs at any depth. Used for the `Article:` value
 * (article.ts) and for titles in running text (proseTitles.ts). Offsets are those of the text
 * given (UTF-16 code units).
 */

/** Han ideographs (CJK unified, extensions, compatibility) and 〇 (U+3007). */
export const HAN = /[\p{Script=Han}\u3007]/u;
/** Opening parentheses: ASCII `(` and full-width `（`. */
export const OPEN_PARENS: ReadonlySet<string> = new Set(['(', '（']);
/** Closing parentheses: ASCII `)` and full-width `）`. */
export const CLOSE_PARENS: ReadonlySet<string> = new Set([')', '）']);

/** A balanced pair: indices of its opening and closing parenthesis. */
export interface ParenthesisPair {
  open: number;
  close: number;
}

/** The parentheses of `text[start, end)`. */
export interface Parentheses {
  /** Every balanced pair, at any depth, in the order of their closing parenthesis. */
  pairs: ParenthesisPair[];
  /** Pairs closed with no other parenthesis open (a stray `(` before them makes none), in order. */
  topLevel: ParenthesisPair[];
  /** Parentheses without a partner. */
  unmatched: Set<number>;
}

/**
 * Scans `text[start, end)` for parentheses.
 * @param skip offsets not read (a link inside an `Article:` value)
 */
export function scanParentheses(text: string, start: number, end: number, skip?: (offset: number) => boolean): Parentheses {
  const pairs: ParenthesisPair[] = [];
  const topLevel: ParenthesisPair[] = [];
  const unmatched = new Set<number>();
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    if (skip?.(i)) continue;
    const ch = text[i];
    if (OPEN_PARENS.has(ch)) stack.push(i);
    else if (CLOSE_PARENS.has(ch) && !stack.length) unmatched.add(i);
    else if (CLOSE_PARENS.has(ch)) {
      const pair = { open: stack.pop()!, close: i };
      pairs.push(pair);
      if (!stack.length) topLevel.push(pair);
    }
  }
  for (const open of stack) unmatched.add(open);
  return { pairs, topLevel, unmatched };
}

/**
 * The pairs of `pairs` (nested or disjoint, as `scanParentheses` gives them) that no other pair of
 * them contains, in text order. O(n log n).
 */
export function outermostPairs(pairs: readonly ParenthesisPair[]): ParenthesisPair[] {
  const outermost: ParenthesisPair[] = [];
  for (const pair of [...pairs].sort((a, b) => a.open - b.open)) {
    if (!outermost.length || pair.open > outermost[outermost.length - 1].close) outermost.push(pair);
  }
  return outermost;
}
