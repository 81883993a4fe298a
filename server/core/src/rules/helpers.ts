/** Small helpers shared by rules. */
import type { Span } from '../model/types';

/**
 * Words in a text: Latin words and numbers count one each, each Han character counts one
 * (Intl.Segmenter word segmentation, locale "en").
 */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    count += /\p{Script=Han}/u.test(segment.segment) ? [...segment.segment].filter((c) => /\p{Script=Han}/u.test(c)).length : 1;
  }
  return count;
}
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Headline text normalised for comparison: single spaces, straight quotes, no trailing period. */
export function normalizeHeadline(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[.。]$/, '')
    .trim()
    .toLowerCase();
}

/** The first line of a span's text. */
export function firstLine(span: Span): Span {
  const index = span.text.search(/\r|\n/);
  return index < 0 ? span : { start: span.start, end: span.start + index, text: span.text.slice(0, index) };
}
