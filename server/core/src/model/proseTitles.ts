/**
 * Chinese titles written in running text (schema `topic.chineseTitles.inProse`): `《…》`, a
 * Chinese title in parentheses after an English title (`Measures for … (数据出境安全评估办法)`,
 * ASCII or full-width parentheses), and a paragraph that is a Chinese title alone. Each becomes
 * an article-only citation whose `parsed.chineseTitle` is the title (without `《》` or the
 * parentheses) and, where an English title stands right before it, `parsed.englishTitle`.
 * Offsets are document offsets (UTF-16).
 */
import { looksLikeDocumentNumber } from '../catalogue/documentNumber';
import { linesIn, trimmedSpan } from './spans';
import { HAN, OPEN_PARENS, outermostPairs, scanParentheses } from './parentheses';
import type { Citation, CitationField, Span } from './types';

/** Small words an English title may contain in lower case ("Measures for the Security Assessment of …"). */
const FUNCTION_WORDS = new Set(['of', 'for', 'on', 'the', 'and', 'in', 'to', 'a', 'an', 'with', 'by', 'at', 'from', 'under', 'concerning', 'regarding', 'about']);
/** A word of an English title: letters, digits, hyphens, apostrophes (`Anti-Monopoly`, `People's`, `5G`). */
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;
/** Every Han character (`HAN`, global), for counting. */
const HAN_ALL = new RegExp(HAN.source, 'gu');
/** How a Chinese title in parentheses starts: a Han character, a digit or an opening quote. */
const TITLE_START = new RegExp(`^(?:${HAN.source}|[\\d“"‘])`, 'u');
/** Longest title read in parentheses or 《》 (UTF-16 code units). */
const MAX_TITLE = 120;

/**
 * The Chinese titles in `blocks` (paragraphs and list items of one topic), in document order.
 * @param text the whole document
 */
export function readProseTitles(text: string, blocks: readonly Span[]): Citation[] {
  const titles: Citation[] = [];
  const add = (inProse: NonNullable<Citation['inProse']>, start: number, end: number, line: Span, english?: Span) => {
    const value = trimmedSpan(text, start, end);
    if (value.end <= value.start) return;
    const empty = { start: value.start, end: value.start, text: '' };
    const field: CitationField = { fieldId: 'article', label: { name: empty, whole: empty }, value, line };
    titles.push({ article: { ...field, parsed: english ? { chineseTitle: value, englishTitle: english } : { chineseTitle: value } }, fields: [field], inProse, start: english?.start ?? value.start, end: value.end });
  };
  for (const block of blocks) {
    const source = text.slice(block.start, block.end);
    const line = trimmedSpan(text, block.start, block.end);
    let found = false;
    for (const m of source.matchAll(/《([^《》\r\n]{1,120})》/gu)) {
      found = true;
      // `Measures for … 《…》` or `Measures for … (《…》)`: the English title right before it.
      let before = block.start + m.index!;
      if (before > block.start && OPEN_PARENS.has(text[before - 1])) before--;
      add('book-title-marks', block.start + m.index! + 1, block.start + m.index! + 1 + m[1].length, line, englishTitleBefore(text, block.start, before));
    }
    for (const group of parenthesised(text, block)) {
      const inner = source.slice(group.open + 1, group.close);
      if (inner.includes('《') || (inner.match(HAN_ALL)?.length ?? 0) < 4 || !TITLE_START.test(inner.trim()) || looksLikeDocumentNumber(inner)) continue;
      // Only after an English title: `dual circulation (双循环)` glosses a term, it names no document.
      const english = englishTitleBefore(text, block.start, block.start + group.open);
      if (!english) continue;
      found = true;
      add('parentheses', block.start + group.open + 1, block.start + group.close, line, english);
    }
    // A Chinese title on its own: Han characters (at least four), CJK punctuation and digits only.
    if (!found && /^[\p{Script=Han}\d\u3000-\u303f\uff00-\uffef（）()“”、，,]+$/u.test(source.trim()) && (source.match(HAN_ALL)?.length ?? 0) >= 4) {
      add('alone', block.start, block.end, line);
    }
  }
  return titles.sort((a, b) => a.start - b.start);
}

/**
 * The outermost balanced parenthesised groups of a block (ASCII or full-width, mixed; `scanParentheses`
 * line by line), each at most `MAX_TITLE` long inside: indices of the opening and closing
 * parenthesis relative to the block's start.
 */
function parenthesised(text: string, block: Span): { open: number; close: number }[] {
  return linesIn(text, block.start, block.end).flatMap((line) => {
    const short = scanParentheses(text, line.start, line.end).pairs.filter((p) => p.close - p.open <= MAX_TITLE + 1);
    return outermostPairs(short).map((p) => ({ open: p.open - block.start, close: p.close - block.start }));
  });
}

/**
 * The English title that ends right before `end` (blanks between allowed): a run of words in
 * title case, lower-case function words inside it, starting with a capitalised word; at least two
 * capitalised words; a qualifier in parentheses may end it (`(Draft for Comment)`). "issued the
 * Measures for the Security Assessment of Outbound Data Transfers" → "Measures for the Security
 * Assessment of Outbound Data Transfers".
 * @param start where the block starts (the run never goes before it)
 */
export function englishTitleBefore(text: string, start: number, end: number): Span | undefined {
  let at = end;
  while (at > start && /\s/.test(text[at - 1])) at--;
  const titleEnd = at;
  let titleStart = at;
  let capitals = 0;
  for (let words = 0; words < 40; words++) {
    // A qualifier in parentheses at the end of the title: `… Services (Draft for Comment)`.
    if (text[at - 1] === ')' && at === titleEnd) {
      const open = text.lastIndexOf('(', at - 1);
      if (open < start || at - open > 40 || /[\p{Script=Han}()\r\n]/u.test(text.slice(open + 1, at - 1))) break;
      at = open;
      while (at > start && /\s/.test(text[at - 1])) at--;
      continue;
    }
    let wordStart = at;
    while (wordStart > start && /[\p{L}\p{N}'’-]/u.test(text[wordStart - 1])) wordStart--;
    const word = text.slice(wordStart, at);
    if (!word || !WORD.test(word)) break;
    const capital = /^[\p{Lu}\p{N}]/u.test(word);
    if (!capital && !FUNCTION_WORDS.has(word.toLowerCase())) break;
    if (capital) {
      capitals++;
      titleStart = wordStart;
    }
    at = wordStart;
    // Words are separated by blanks or a line break (a title wrapped in the source).
    if (!(at > start && /\s/.test(text[at - 1]))) break;
    while (at > start && /\s/.test(text[at - 1])) at--;
  }
  if (capitals < 2 || titleStart >= titleEnd) return undefined;
  return trimmedSpan(text, titleStart, titleEnd);
}
