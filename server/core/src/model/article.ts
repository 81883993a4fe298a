/**
 * Parses the value of an `Article:` line: `English title (中文标题) ([Link](https://…))`.
 */
import type { Root, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ArticleValue, Span } from './types';

/** Han ideographs (CJK unified, extensions, compatibility) and 〇. */
export const HAN = /[\p{Script=Han}\u3007]/u;
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const PLACEHOLDER = /\(\s*\[?\s*(?:link|链接)\s*\]?\s*\)|\[\s*(?:link|链接)\s*\](?!\()/giu;

/**
 * @param text the whole document
 * @param value the `Article:` value span (document offsets)
 * @param root mdast of the topic section; its offsets are relative to `base`
 * @param base document offset of the section start
 * @param style which parentheses the schema expects around the Chinese title (used only to
 *   prefer one reading when both kinds occur)
 */
export function parseArticleValue(text: string, value: Span, root: Root, base: number, style: 'ascii' | 'fullwidth'): ArticleValue {
  const result: ArticleValue = {};
  const excluded: [number, number][] = [];
  visit(root, 'link', (node: Link) => {
    const start = base + (node.position?.start.offset ?? -1);
    const end = base + (node.position?.end.offset ?? -1);
    if (start >= value.start && end <= value.end && !result.link) {
      let outerStart = start;
      let outerEnd = end;
      // A link wrapped in parentheses, `([Link](…))`, belongs to the link.
      if (OPEN.has(text[start - 1]) && CLOSE.has(text[end])) {
        outerStart--;
        outerEnd++;
      }
      result.link = { url: node.url, span: { start: outerStart, end: outerEnd, text: text.slice(outerStart, outerEnd) } };
      excluded.push([outerStart, outerEnd]);
    }
  });
  for (const m of value.text.matchAll(PLACEHOLDER)) {
    const start = value.start + m.index!;
    if (excluded.some(([s, e]) => start >= s && start < e)) continue;
    result.linkPlaceholder = { start, end: start + m[0].length, text: m[0] };
    excluded.push([start, start + m[0].length]);
    break;
  }
  const isExcluded = (offset: number) => excluded.some(([s, e]) => offset >= s && offset < e);

  // The Chinese title: the first balanced parenthesised group that contains Han characters.
  const candidates: { open: number; close: number }[] = [];
  const stack: number[] = [];
  for (let i = value.start; i < value.end; i++) {
    if (isExcluded(i)) continue;
    const ch = text[i];
    if (OPEN.has(ch)) stack.push(i);
    else if (CLOSE.has(ch) && stack.length) {
      const open = stack.pop()!;
      if (stack.length === 0 && HAN.test(text.slice(open + 1, i))) candidates.push({ open, close: i });
    }
  }
  const preferred = style === 'ascii' ? '(' : '（';
  const group = candidates.find((c) => text[c.open] === preferred) ?? candidates[0];
  let englishEnd = value.end;
  if (group) {
    result.openParen = { start: group.open, end: group.open + 1, text: text[group.open] };
    result.closeParen = { start: group.close, end: group.close + 1, text: text[group.close] };
    result.chineseTitle = span(text, group.open + 1, group.close);
    englishEnd = group.open;
  } else {
    // Chinese title written without parentheses: the run from the first Han character.
    for (let i = value.start; i < value.end; i++) {
      if (!isExcluded(i) && HAN.test(text[i])) {
        let end = i;
        while (end < value.end && !isExcluded(end)) end++;
        result.chineseTitle = trimmed(text, i, end);
        englishEnd = i;
        break;
      }
    }
  }
  for (const [s] of excluded) if (s < englishEnd && s >= value.start) englishEnd = Math.min(englishEnd, s);
  const english = trimmed(text, value.start, englishEnd);
  if (english.end > english.start) result.englishTitle = english;
  return result;
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return span(text, start, end);
}
