/**
 * Metadata in the topic heading (`## Headline — MIIT, 12 March 2024`): the schema's
 * `topic.heading.pattern`, a regular expression with named captures, read on the headline.
 */
import type { IssueSchema } from '../schema/types';

/**
 * The capture names a heading pattern may use, as written in the schema and as JavaScript
 * accepts them (a group name cannot contain `-`, so `(?<issuing-bodies>…)` is rewritten).
 */
export const HEADING_CAPTURES = { date: 'date', 'issuing-bodies': 'issuing_bodies', document: 'document', headline: 'headline' } as const;

/** A heading pattern compiled, or why it could not be. */
export type CompiledHeadingPattern = { pattern: RegExp } | { error: string };

/**
 * Compiles a schema's heading pattern (Unicode, with match indices; `(?<issuing-bodies>` may be
 * written for `(?<issuing_bodies>`).
 * @returns the RegExp, or the error message of an invalid pattern (the JSON Schema accepts any string)
 */
export function compileHeadingPattern(source: string): CompiledHeadingPattern {
  try {
    return { pattern: new RegExp(source.replace(/\(\?<issuing-bodies>/g, '(?<issuing_bodies>'), 'du') };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const compiled = new WeakMap<object, RegExp | undefined>();

/** The heading pattern of `schema`, compiled once per schema object; undefined when none or invalid. */
export function headingPattern(schema: Pick<IssueSchema, 'topic'>): RegExp | undefined {
  if (!compiled.has(schema)) {
    const source = schema.topic.heading?.pattern;
    const result = source === undefined ? undefined : compileHeadingPattern(source);
    compiled.set(schema, result && 'pattern' in result ? result.pattern : undefined);
  }
  return compiled.get(schema);
}

/** Captured pieces of a headline: `[start, end)` in UTF-16 code units of the headline text. */
export type HeadingCaptures = Partial<Record<keyof typeof HEADING_CAPTURES, [number, number]>>;

/** The named captures of `pattern` in `headline` that matched something (empty captures left out). */
export function headingCaptures(pattern: RegExp, headline: string): HeadingCaptures {
  const match = pattern.exec(headline);
  const groups = match?.indices?.groups;
  const captures: HeadingCaptures = {};
  if (!groups) return captures;
  for (const [name, group] of Object.entries(HEADING_CAPTURES) as [keyof typeof HEADING_CAPTURES, string][]) {
    const at = groups[group];
    if (at && at[1] > at[0]) captures[name] = [at[0], at[1]];
  }
  return captures;
}
