/**
 * THE scanner of parentheses around Chinese titles (`English title (中文标题)`): ASCII and
 * full-width parentheses, mixed, balanced pairs at any depth; with `BOOK_TITLE_MARKS`, of 《》. Used for the `Article:` value
 * (article.ts) and for titles in running text (proseTitles.ts). Offsets are those of the text
 * given (UTF-16 code units).
 */

/** Han ideographs (CJK unified, extensions, compatibility) and 〇 (U+3007). */
export const HAN = /[\p{Script=Han}\u3007]/u;
/** Opening parentheses: ASCII `(` and full-width `（`. */
export const OPEN_PARENS: ReadonlySet<string> = new Set(['(', '（']);
/** Closing parentheses: ASCII `)` and full-width `）`. */
export const CLOSE_PARENS: ReadonlySet<string> = new Set([')', '）']);

/** A kind of bracket the scanner pairs: its opening and closing marks. */
export interface BracketKind {
  open: ReadonlySet<string>;
  close: ReadonlySet<string>;
}
/** Parentheses, ASCII and full-width, mixed: the default of `scanParentheses`. */
export const PARENTHESES: BracketKind = { open: OPEN_PARENS, close: CLOSE_PARENS };
/** Chinese book-title marks 《》, which enclose a title in Chinese text and nest (《关于印发《X》的通知》). */
export const BOOK_TITLE_MARKS: BracketKind = { open: new Set(['《']), close: new Set(['》']) };

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
 * Scans `text[start, end)` for parentheses (or, with `kind`, other paired brackets: 《》).
 * @param skip offsets not read (a link inside an `Article:` value); called once per offset, in increasing order
 * @param kind the marks paired (default `PARENTHESES`)
 */
export function scanParentheses(text: string, start: number, end: number, skip?: (offset: number) => boolean, kind: BracketKind = PARENTHESES): Parentheses {
  const pairs: ParenthesisPair[] = [];
  const topLevel: ParenthesisPair[] = [];
  const unmatched = new Set<number>();
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    if (skip?.(i)) continue;
    const ch = text[i];
    if (kind.open.has(ch)) stack.push(i);
    else if (kind.close.has(ch) && !stack.length) unmatched.add(i);
    else if (kind.close.has(ch)) {
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

/**
 * A Chinese title's own text: without the titles nested in it in 《》, marks included
 * (`关于《数据管理办法（征求意见稿）》公开征求意见的通知` → `关于公开征求意见的通知`), so that a status
 * marker of the document named inside is not read as one of the cited document. 《》 that enclose
 * the whole title are its outer marks, not a nested title: their content is read
 * (`《X（征求意见稿）》` → `X（征求意见稿）`). Unbalanced 《》 are left as they are.
 */
export function ownTitleText(title: string): string {
  let text = title.trim();
  for (;;) {
    const { topLevel, unmatched } = scanParentheses(text, 0, text.length, undefined, BOOK_TITLE_MARKS);
    if (unmatched.size) return text;
    if (topLevel.length === 1 && topLevel[0].open === 0 && topLevel[0].close === text.length - 1) {
      text = text.slice(1, -1).trim();
      continue;
    }
    let own = '';
    let at = 0;
    for (const pair of topLevel) {
      own += text.slice(at, pair.open);
      at = pair.close + 1;
    }
    return own + text.slice(at);
  }
}
