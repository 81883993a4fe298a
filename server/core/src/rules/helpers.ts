/** Small helpers shared by rules. */
import type { Citation, Span, Topic } from '../model/types';
import type { Catalogue } from '../catalogue/catalogue';
import { toSimplified } from './citation/traditionalCharacters';

/**
 * Words in a text: Latin words and numbers count one each, each Han character counts one
 * (Intl.Segmenter word segmentation, locale "en").
 */
export function countWords(text: string): number {
  // Segmentation is the costliest step of a check; editors re-check mostly unchanged text.
  const known = wordCounts.get(text);
  if (known !== undefined) return known;
  const count = segmentWords(text);
  if (wordCounts.size >= 20_000) wordCounts.clear();
  wordCounts.set(text, count);
  return count;
}

/** Memo of `countWords` by text (bounded: cleared at 20,000 entries). */
const wordCounts = new Map<string, number>();

function segmentWords(text: string): number {
  let count = 0;
  for (let start = 0; start < text.length;) {
    const end = chunkEnd(text, start);
    for (const segment of segmenter.segment(text.slice(start, end))) {
      if (!segment.isWordLike) continue;
      count += /\p{Script=Han}/u.test(segment.segment) ? [...segment.segment].filter((c) => /\p{Script=Han}/u.test(c)).length : 1;
    }
    start = end;
  }
  return count;
}

/**
 * Longest piece (UTF-16 code units) segmented at once. V8's segment iterator slows down per
 * step as the string grows, so one 1 MB paragraph took minutes (quadratic); pieces keep it linear.
 */
const SEGMENT_CHUNK = 1024;

/** End of the piece starting at `start`: at whitespace (a word boundary) if there is one, never inside a surrogate pair. */
function chunkEnd(text: string, start: number): number {
  const limit = start + SEGMENT_CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > start + SEGMENT_CHUNK / 2; i--) if (/\s/.test(text[i])) return i;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Headline text normalised for comparison: single spaces, straight quotes, no trailing period. */
export function normalizeHeadline(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/\[((?:[^[\]]|\[[^[\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1') // linear on unclosed `[a](b`
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

/** The citations whose date and issuing bodies the date and issuing-body rules check: the citation blocks, then the heading's metadata (`topic.heading.pattern`). */
export function datedCitations(topic: Topic): Citation[] {
  return topic.headingCitation ? [...topic.citations, topic.headingCitation] : topic.citations;
}

/**
 * The citations whose Chinese titles the Chinese-title rules check: the citation blocks, then
 * titles in the prose (`topic.chineseTitles.inProse`): every title in 《》, and a title in
 * parentheses after English words or on a line of its own only when the catalogue finds a
 * document type in it (办法, 规定, 意见 …; read in simplified characters), so that names of
 * organisations and places (`China (Shanghai) Pilot Free Trade Zone (中国(上海)自由贸易试验区)`)
 * are not checked as titles.
 */
export function titledCitations(topic: Topic, catalogue: Pick<Catalogue, 'documentTypeOf'>): Citation[] {
  if (!topic.proseTitles) return topic.citations;
  const titles = topic.proseTitles.filter((c) => {
    const chinese = c.article?.parsed.chineseTitle?.text;
    return c.inProse === 'book-title-marks' || (chinese !== undefined && catalogue.documentTypeOf(toSimplified(chinese)) !== undefined);
  });
  return [...topic.citations, ...titles];
}
