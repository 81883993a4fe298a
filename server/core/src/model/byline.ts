/**
 * The byline of an issue (`By Jane Doe`, `*By the policy desk*`): a one-line paragraph in the
 * intro, and the schema's `issue.byline` expectations. Offsets are document offsets (UTF-16).
 */
import type { IssueSchema } from '../schema/types';
import { schemaPattern } from './schemaPattern';

/** Most words a byline line may have (a longer "By 2025 the plan …" paragraph is prose). */
const MAX_WORDS = 15;

/** The form a byline has when the schema gives no pattern: `By` and a name, optionally all in one emphasis. */
export const DEFAULT_BYLINE = /^(\*\*|__|\*|_)?By\s+\S(?:.*\S)?\1$/u;

/** The schema's `issue.byline.pattern`, compiled once per schema object; undefined when none or invalid. */
export function bylinePattern(schema: Pick<IssueSchema, 'issue'>): RegExp | undefined {
  return schemaPattern(schema, schema.issue.byline?.pattern);
}

/**
 * Whether a one-line intro paragraph (as rendered: trimmed, no trailing comment) is the byline:
 * it matches the schema's pattern, or it starts with the word "by" (any case, after emphasis
 * marks) and has at most 15 words. Lines over 500 code units never are.
 */
export function isBylineLine(line: string, pattern: RegExp | undefined): boolean {
  // A byline is short; a team's pattern is not tried on a long paragraph.
  if (line.length > 500) return false;
  if (pattern && pattern.test(line)) return true;
  return /^[*_]{0,2}by\s+\S/iu.test(line) && line.split(/\s+/).length <= MAX_WORDS;
}

/** Whether a byline line has the schema's form: its pattern, else `By <name>` (`DEFAULT_BYLINE`). */
export function bylineHasForm(line: string, schema: Pick<IssueSchema, 'issue'>): boolean {
  const source = schema.issue.byline?.pattern;
  if (source === undefined) return DEFAULT_BYLINE.test(line);
  const pattern = bylinePattern(schema);
  // An invalid pattern is a warning in the schema file; it rejects no byline.
  return !pattern || pattern.test(line);
}
