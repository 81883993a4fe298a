/**
 * Parses the value of an `Article:` line: `English title (中文标题) ([Link](https://…))`.
 */
import type { Root, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ArticleValue, Span } from './types';
import { looksLikeDocumentNumber } from '../catalogue/documentNumber';

import { BOOK_TITLE_MARKS, CLOSE_PARENS as CLOSE, HAN, OPEN_PARENS as OPEN, scanParentheses, type ParenthesisPair } from './parentheses';

export { HAN };
// `\[\s*` and `\]\s*` as units: two adjacent `\s*` made long blank runs quadratic.
/** A character that ends Chinese text right before a bracket: Han, closing CJK marks. */
const CHINESE_BEFORE = new RegExp(`${HAN.source}|[》〉”」』]`, 'u');
/** A character that continues Chinese text right after a bracket: Han, opening CJK marks. */
const CHINESE_AFTER = new RegExp(`${HAN.source}|[《〈“「『]`, 'u');
/** Opening marks a Chinese title may start with (`《中国制造2025》解读`). */
const TITLE_OPENERS = new Set(['《', '〈', '“', '「', '『']);
const PLACEHOLDER = /\(\s*(?:\[\s*)?(?:link|链接)\s*(?:\]\s*)?\)|\[\s*(?:link|链接)\s*\](?!\()/giu;

/** A link of the topic: `[start, end)` in document offsets (UTF-16) and its URL. */
export interface LinkAt {
  start: number;
  end: number;
  url: string;
}

/**
 * The links of an mdast tree in document order, with document offsets.
 * @param root mdast of a topic section; its offsets are relative to `base`
 * @param base document offset of the section start
 */
export function linksOf(root: Root, base: number): LinkAt[] {
  const links: LinkAt[] = [];
  visit(root, 'link', (node: Link) => {
    links.push({ start: base + (node.position?.start.offset ?? -1), end: base + (node.position?.end.offset ?? -1), url: node.url });
  });
  return links;
}

/**
 * @param text the whole document
 * @param value the `Article:` value span (document offsets)
 * @param links the links of the topic (`linksOf`), in document order: found by binary search,
 *   so a topic with many citations is read in O(citations × log links)
 * @param style which parentheses the schema expects around the Chinese title (used only to
 *   prefer one reading when both kinds occur)
 */
export function parseArticleValue(text: string, value: Span, links: readonly LinkAt[], style: 'ascii' | 'fullwidth'): ArticleValue {
  const result: ArticleValue = {};
  const excluded: [number, number][] = [];
  let low = 0;
  let high = links.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (links[mid].start < value.start) low = mid + 1;
    else high = mid;
  }
  // The first link that starts inside the value and ends inside it (links do not nest).
  for (let i = low; i < links.length && links[i].start < value.end; i++) {
    const { start, end, url } = links[i];
    if (end > value.end) continue;
    let outerStart = start;
    let outerEnd = end;
    // A link wrapped in parentheses, `([Link](…))`, belongs to the link.
    if (OPEN.has(text[start - 1]) && CLOSE.has(text[end])) {
      outerStart--;
      outerEnd++;
    }
    result.link = { url, span: { start: outerStart, end: outerEnd, text: text.slice(outerStart, outerEnd) } };
    excluded.push([outerStart, outerEnd]);
    break;
  }
  for (const m of value.text.matchAll(PLACEHOLDER)) {
    const start = value.start + m.index!;
    if (excluded.some(([s, e]) => start >= s && start < e)) continue;
    result.linkPlaceholder = { start, end: start + m[0].length, text: m[0] };
    excluded.push([start, start + m[0].length]);
    break;
  }
  const isExcluded = (offset: number) => excluded.some(([s, e]) => offset >= s && offset < e);

  // The Chinese title: the first balanced parenthesised group that contains Han characters, else
  // a 《…》 run used in their place (`English 《物联网标准体系建设指南（2024版）》`). A bracket pair
  // written inside Chinese text (`指南（2024版）`, `关于印发《X》的通知`) belongs to a longer title
  // and encloses none: the title is then the whole run (below).
  const { pairs, topLevel, unmatched } = scanParentheses(text, value.start, value.end, isExcluded);
  const books = scanParentheses(text, value.start, value.end, insidePairs(topLevel, isExcluded), BOOK_TITLE_MARKS).topLevel;
  const inBook = insidePairs(books);
  const inText = insideChineseText(text, value, [...topLevel, ...books].sort((a, b) => a.open - b.open));
  const enclosesTitle = (p: ParenthesisPair) => !inText.has(p) && HAN.test(text.slice(p.open + 1, p.close));
  const candidates = topLevel.filter((p) => enclosesTitle(p) && !inBook(p.open));
  const preferred = style === 'ascii' ? '(' : '（';
  // A parenthesised document number is not the Chinese title, whatever its parentheses.
  const titles = candidates.filter((c) => c.close - c.open >= 400 || !looksLikeDocumentNumber(text.slice(c.open + 1, c.close)));
  const pool = titles.length ? titles : candidates;
  let group = pool.find((c) => text[c.open] === preferred) ?? pool[0] ?? books.find(enclosesTitle);
  let firstHan = -1;
  for (let i = value.start; i < value.end && firstHan < 0; i++) if (!isExcluded(i) && HAN.test(text[i])) firstHan = i;
  if (!group && firstHan >= 0) {
    // Balanced groups inside an unpaired `(` (e.g. a stray `(` earlier in the English title):
    // the outermost pair around the first Han character.
    for (const pair of pairs) if (pair.open < firstHan && firstHan < pair.close && (!group || pair.open < group.open)) group = pair;
  }
  let englishEnd = value.end;
  if (group) {
    result.openParen = { start: group.open, end: group.open + 1, text: text[group.open] };
    result.closeParen = { start: group.close, end: group.close + 1, text: text[group.close] };
    result.chineseTitle = span(text, group.open + 1, group.close);
    englishEnd = group.open;
  } else if (firstHan >= 0) {
    // Chinese title without a balanced pair of parentheses: the run from the first Han character
    // up to the link or an unpaired parenthesis. An unpaired parenthesis right before or after the
    // run is the title's (so a fix adds only the missing one and the result is a balanced group).
    let end = firstHan;
    while (end < value.end && !isExcluded(end) && !unmatched.has(end)) end++;
    // The marks the title starts with belong to it: `《中国制造2025》解读`.
    let start = firstHan;
    while (start > value.start && TITLE_OPENERS.has(text[start - 1]) && !isExcluded(start - 1)) start--;
    result.chineseTitle = trimmed(text, start, end);
    englishEnd = start;
    let before = start - 1;
    while (before >= value.start && /\s/.test(text[before])) before--;
    if (unmatched.has(before) && OPEN.has(text[before])) {
      result.openParen = span(text, before, before + 1);
      englishEnd = before;
    }
    if (unmatched.has(end) && CLOSE.has(text[end])) result.closeParen = span(text, end, end + 1);
  }
  if (group) {
    // A document number in its own parentheses after the Chinese title: `(工信部联科〔2024〕12号)`.
    // The first top-level group after the title; looksLikeDocumentNumber rejects long text before reading it.
    const next = topLevel.find((p) => p.open > group!.close);
    const number = next && next.close - next.open < 400 && looksLikeDocumentNumber(text.slice(next.open + 1, next.close)) ? next : undefined;
    if (number) result.documentNumber = trimmed(text, number.open + 1, number.close);
  }
  for (const [s] of excluded) if (s < englishEnd && s >= value.start) englishEnd = Math.min(englishEnd, s);
  const english = trimmed(text, value.start, englishEnd);
  if (english.end > english.start) result.englishTitle = english;
  return result;
}

/**
 * The bracket pairs of `pairs` (sorted by opening offset) written inside Chinese text: right after
 * a Han character or closing mark (`指南（2024版）`, `关于印发《X》`), right before a Han character or
 * opening mark (`《X》的通知`), or right after such a pair (`指南（2024版）（试行）`). Only `value` is read.
 */
function insideChineseText(text: string, value: Span, pairs: readonly ParenthesisPair[]): Set<ParenthesisPair> {
  const inside = new Set<ParenthesisPair>();
  let previous: ParenthesisPair | undefined;
  for (const p of pairs) {
    const before = p.open > value.start ? text[p.open - 1] : '';
    const after = p.close + 1 < value.end ? text[p.close + 1] : '';
    if (CHINESE_BEFORE.test(before) || CHINESE_AFTER.test(after) || (previous?.close === p.open - 1 && inside.has(previous))) inside.add(p);
    previous = p;
  }
  return inside;
}

/**
 * A test of offsets (a `skip` for `scanParentheses`): true for `excluded` offsets and for those
 * inside one of `pairs` (sorted, disjoint), its brackets included. Must be called in increasing
 * order of offsets (linear over all calls).
 */
function insidePairs(pairs: readonly ParenthesisPair[], excluded: (offset: number) => boolean = () => false): (offset: number) => boolean {
  let next = 0;
  return (offset) => {
    while (next < pairs.length && pairs[next].close < offset) next++;
    return excluded(offset) || (next < pairs.length && pairs[next].open <= offset && offset <= pairs[next].close);
  };
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return span(text, start, end);
}

/**
 * True when a line looks like a citation field line of its own (`Document number: …`,
 * `**Source:** …`) — a capitalised label of one to four words and a colon — so that it ends the
 * field above it instead of continuing it, even when the schema does not know the label.
 */
export function looksLikeFieldLine(line: string): boolean {
  return /^\s*(?:[*_]{1,2})?\p{Lu}[\p{L}.]*(?: [\p{L}.]+){0,3}(?:[*_]{1,2})?\s*[:：](?:[*_]{1,2})?(?:\s|$)/u.test(line);
}
