/**
 * Metadata in the topic heading (`## Headline — MIIT, 12 March 2024`): the schema's
 * `topic.heading.pattern`, a regular expression with named captures, read on the headline.
 */
import type { IssueSchema } from '../schema/types';
import { schemaCaptures, schemaPattern, type SchemaCaptures, type SchemaRegExp } from './schemaPattern';

/** The capture names a heading pattern may use, as written in the schema. */
export const HEADING_CAPTURES = ['date', 'issuing-bodies', 'document', 'headline'] as const;

/** The heading pattern of `schema`, compiled once per schema object; undefined when none or invalid. */
export function headingPattern(schema: Pick<IssueSchema, 'topic'>): SchemaRegExp | undefined {
  return schemaPattern(schema, schema.topic.heading?.pattern);
}

/** Captured pieces of a headline: `[start, end)` in UTF-16 code units of the headline text. */
export type HeadingCaptures = SchemaCaptures<(typeof HEADING_CAPTURES)[number]>;

/** The named captures of `pattern` in `headline` that matched something (empty captures left out); undefined when it does not match. */
export function headingCaptures(pattern: SchemaRegExp, headline: string): HeadingCaptures | undefined {
  return schemaCaptures(pattern, headline, HEADING_CAPTURES);
}
