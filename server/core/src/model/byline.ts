/**
 * The byline of an issue (`By Jane Doe`, `*By the policy desk*`): a one-line paragraph in the
 * intro, and the schema's `issue.byline` expectations. Offsets are document offsets (UTF-16).
 */
import type { IssueSchema } from '../schema/types';
import { schemaPattern, schemaPatternMatches, type SchemaRegExp } from './schemaPattern';
import type { Span } from './types';

/** Most words a byline line may have (a longer "By the end of the plan …" paragraph is prose). */
const MAX_WORDS = 15;
/** Longest line (UTF-16 code units) read as a byline. */
const MAX_LENGTH = 500;

/**
 * THE "By <name>" start of a line, in any case, after emphasis marks: group 1 the marks, group 2
 * the word "by" as written, group 3 the first character of the name (a digit there is a year:
 * "By 2025, …" is prose).
 */
export const BY_START = /^([*_]{0,2})(by)\s+(\S)/iu;

/** The form a byline has when the schema gives no pattern (or an invalid one): `By` and a name, optionally all in one emphasis. */
export const DEFAULT_BYLINE = /^(\*\*|__|\*|_)?By\s+\S(?:.*\S)?\1$/u;

/** The schema's `issue.byline.pattern`, compiled once per schema object; undefined when none or invalid. */
export function bylinePattern(schema: Pick<IssueSchema, 'issue'>): SchemaRegExp | undefined {
  return schemaPattern(schema, schema.issue.byline?.pattern);
}

/**
 * The byline among the intro's one-line paragraphs (as rendered: trimmed, no trailing comment),
 * in document order: the first that matches the schema's pattern; when none does, the first
 * that looks like one: it starts with the word "by" (any case, after emphasis marks) followed by
 * no digit ("By 2025, …" is prose), has at most 15 words and does not end a sentence with `.`.
 * Lines over 500 code units never are.
 */
export function findByline(lines: readonly Span[], pattern: SchemaRegExp | undefined): Span | undefined {
  const short = lines.filter((line) => line.text.length <= MAX_LENGTH);
  if (pattern) {
    const matching = short.find((line) => schemaPatternMatches(pattern, line.text));
    if (matching) return matching;
  }
  return short.find((line) => {
    const by = BY_START.exec(line.text);
    return by !== null && !/\d/u.test(by[3]) && !/\.[*_]*$/u.test(line.text) && line.text.split(/\s+/).length <= MAX_WORDS;
  });
}

/** Whether a byline line has the schema's form: its pattern when it compiles, else `By <name>` (`DEFAULT_BYLINE`). */
export function bylineHasForm(line: string, schema: Pick<IssueSchema, 'issue'>): boolean {
  const pattern = bylinePattern(schema);
  return pattern ? schemaPatternMatches(pattern, line) : DEFAULT_BYLINE.test(line);
}
