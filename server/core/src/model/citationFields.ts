/**
 * A citation's fields → its typed values: the title (`Article:` value, or the captures of
 * citation lines), the issuing bodies split into names, the date, the document number. Offsets
 * are document offsets (UTF-16).
 */
import { parseArticleValue, type LinkAt } from './article';
import type { ArticleValue, Citation, CitationField, Span } from './types';
import { trimmedSpan } from './spans';

/**
 * Fills `citation.article`, `issuingBodies`, `date` and `documentNumber` from `citation.fields`
 * (the first field of each id counts). The title is the `article` field's value parsed (English
 * title, Chinese title in parentheses, link); a `chinese-title` or `link` field (citation line
 * captures) fills in what it lacks, and without an `article` field the first of them is the field.
 * @param links the topic's links (`linksOf`), for the link of the title
 * @param parentheses the schema's `chineseTitleParentheses`
 */
export function resolveCitationFields(text: string, citation: Citation, links: readonly LinkAt[], parentheses: 'ascii' | 'fullwidth'): void {
  const first = (id: string) => citation.fields.find((f) => f.fieldId === id);
  const article = first('article');
  const chinese = first('chinese-title');
  const link = first('link');
  const titleField = article ?? chinese ?? link;
  if (titleField) {
    const parsed: ArticleValue = article ? parseArticleValue(text, article.value, links, parentheses) : {};
    if (chinese && !parsed.chineseTitle) {
      parsed.chineseTitle = chinese.value;
      parsed.separateChineseTitle = true;
    }
    if (link && !parsed.link && !parsed.linkPlaceholder) {
      const read = parseArticleValue(text, link.value, links, parentheses);
      if (read.link) parsed.link = read.link;
      else parsed.linkPlaceholder = read.linkPlaceholder ?? link.value;
    }
    citation.article = { ...titleField, fieldId: 'article', parsed };
  }
  const bodies = first('issuing-bodies');
  if (bodies) citation.issuingBodies = { ...bodies, bodies: splitBodies(text, bodies.value) };
  const date = first('date');
  if (date) citation.date = date;
  const number = citation.fields.find((f) => f.fieldId === 'document-number' && f.value.text);
  if (number) citation.documentNumber = { span: number.value, from: 'field', field: number };
  const inArticle = citation.article?.parsed.documentNumber;
  if (!citation.documentNumber && inArticle) citation.documentNumber = { span: inArticle, from: 'article' };
}

/** The capture names a citation line may carry besides the schema's field ids: parts of the title (`Citation.article`). */
const TITLE_CAPTURES: ReadonlySet<string> = new Set(['chinese-title', 'link']);

/** Whether a captured field is a part of the title (`chinese-title`, `link`) rather than a schema field. */
export function isTitleCapture(field: CitationField): boolean {
  return TITLE_CAPTURES.has(field.fieldId);
}

/** The schema field a citation-line capture gives: `article` for a part of the title (`chinese-title`, `link`), else the field of that id. */
export function fieldOfCapture(name: string): string {
  return TITLE_CAPTURES.has(name) ? 'article' : name;
}

/**
 * Splits an `Issuing bodies:` value on `,` `，` `、` `;` `；`, and on ` and ` / `&` between
 * one-word names (`MIIT and NDRC`; a `the` before a name is not part of it: `MIIT and the CAC`
 * gives MIIT and CAC), keeping each name's span. A full name that contains "and" (`Ministry of
 * Ecology and Environment`) stays one name. This is a first reading without the catalogue:
 * the names the rules, completion, preview and archive use are `issuingBodyNames`
 * (catalogue/bodyTokens.ts), which reads these pieces against the catalogue.
 */
function splitBodies(text: string, value: Span): Span[] {
  const bodies: Span[] = [];
  const push = (start: number, end: number) => {
    const span = trimmedSpan(text, start, end);
    if (span.end > span.start) bodies.push(span);
  };
  const splitPiece = (start: number, end: number) => {
    const piece = text.slice(start, end);
    // No `\s*` around the separators (parts are trimmed anyway): it made long blank runs quadratic.
    const joins = [...piece.matchAll(/\band\b|&/giu)];
    const parts: [number, number][] = [];
    let last = 0;
    for (const m of joins) {
      parts.push([last, m.index!]);
      last = m.index! + m[0].length;
    }
    parts.push([last, piece.length]);
    // A part may have the article of running prose before it: `MIIT and the CAC`.
    const names = parts.map(([s, e]): [number, number] => {
      const article = /^\s*the\s+/iu.exec(piece.slice(s, e));
      return article ? [s + article[0].length, e] : [s, e];
    });
    if (joins.length && names.every(([s, e]) => /^\S+$/u.test(piece.slice(s, e).trim()))) {
      for (const [s, e] of names) push(start + s, start + e);
    } else push(start, end);
  };
  let last = value.start;
  for (const m of value.text.matchAll(/[,，、;；]/gu)) {
    splitPiece(last, value.start + m.index!);
    last = value.start + m.index! + m[0].length;
  }
  splitPiece(last, value.end);
  return bodies;
}
