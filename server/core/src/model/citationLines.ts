/**
 * Citation lines read by pattern (schema `topic.citation.lines`): `CAC | 12.2020`, `Source CAC`,
 * `Policy | Cybersecurity | CAC`. Each pattern is matched on a whole source line; its named
 * captures become citation fields with exact spans (UTF-16 document offsets), read by the same
 * rules as the values of `Label: value` lines.
 */
import type { IssueSchema } from '../schema/types';
import { schemaCaptures, schemaPattern, type SchemaRegExp } from './schemaPattern';
import { trimmedSpan } from './spans';
import type { CitationField } from './types';

/**
 * The capture names a citation line pattern may use, as written in the schema: the citation
 * field ids, plus `chinese-title` (a Chinese title on a line or in a place of its own) and `link`.
 */
export const CITATION_LINE_CAPTURES = ['article', 'chinese-title', 'issuing-bodies', 'date', 'document-number', 'link'] as const;

/**
 * Longest line (UTF-16 code units) a citation line pattern is tried on: citation lines are short,
 * and a team's pattern could backtrack badly on a paragraph of one long line.
 */
const MAX_LINE = 2000;

/** The citation line patterns of `schema` that compile, in schema order, compiled once per schema object. */
export function citationLinePatterns(schema: Pick<IssueSchema, 'topic'>): SchemaRegExp[] {
  return (schema.topic.citation.lines ?? []).map((line) => schemaPattern(schema, line?.pattern)).filter((p): p is SchemaRegExp => p !== undefined);
}

/**
 * Reads one source line with the citation line patterns (the first that matches wins). A pattern
 * is matched on the line as rendered: trimmed, without a trailing HTML comment (`trimmedSpan`);
 * lines longer than 2,000 code units are never citation lines.
 * @param text the whole document
 * @param line `[start, end)` of the line without its line break (document offsets)
 * @returns undefined when no pattern matches; else the line's fields, one per non-empty capture
 *   in the order of the line (possibly none: a line such as `Policy | Cybersecurity` that only
 *   marks the citation block). Each field is `captured`, its label an empty span at its value.
 */
export function readCitationLine(text: string, line: { start: number; end: number }, patterns: readonly SchemaRegExp[]): CitationField[] | undefined {
  if (!patterns.length || line.end - line.start > MAX_LINE) return undefined;
  // The line as rendered: without surrounding blanks, a hard-break marker or a trailing `<!-- … -->`.
  const whole = trimmedSpan(text, line.start, line.end);
  for (const pattern of patterns) {
    const captures = schemaCaptures(pattern, whole.text, CITATION_LINE_CAPTURES);
    if (!captures) continue;
    const fields: CitationField[] = [];
    for (const name of CITATION_LINE_CAPTURES) {
      const at = captures[name];
      if (!at) continue;
      const value = trimmedSpan(text, whole.start + at[0], whole.start + at[1]);
      if (value.end <= value.start) continue;
      const empty = { start: value.start, end: value.start, text: '' };
      fields.push({ fieldId: name, label: { name: empty, whole: empty }, value, line: whole, captured: true });
    }
    return fields.sort((a, b) => a.value.start - b.value.start);
  }
  return undefined;
}
