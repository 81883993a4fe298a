/**
 * THE list of the issue schema's keys that hold a regular expression (`topic.heading.pattern`,
 * `issue.byline.pattern`, `topic.citation.lines[].pattern`) and the check of each: the loader
 * reports its problems as warnings at the pattern (team files); scripts/compile-data.ts refuses a
 * bundled schema that has any.
 */
import { captureNames, compileSchemaPattern } from '../model/schemaPattern';
import { HEADING_CAPTURES } from '../model/headingMetadata';
import { CITATION_LINE_CAPTURES } from '../model/citationLines';

/** One pattern of a schema value: where it is, and what is read with it. */
export interface SchemaPatternLocation {
  /** Path of the key in the YAML value (`['topic', 'citation', 'lines', 0, 'pattern']`). */
  path: (string | number)[];
  /** The key as a message names it: `topic.citation.lines[0].pattern`. */
  name: string;
  /** The pattern's text. */
  source: string;
  /** What happens when it cannot be compiled (the rest of a message). */
  consequence: string;
  /** The capture names its readers use; undefined when captures are not read (the byline). */
  captures?: readonly string[];
}

/** The patterns written in one schema file's value (not its `extends` chain), in the order above. */
export function schemaPatternLocations(value: unknown): SchemaPatternLocation[] {
  const schema = value as { issue?: { byline?: { pattern?: unknown } }; topic?: { heading?: { pattern?: unknown }; citation?: { lines?: unknown } } } | undefined;
  const locations: SchemaPatternLocation[] = [];
  const add = (path: (string | number)[], source: unknown, consequence: string, captures?: readonly string[]) => {
    if (typeof source === 'string') locations.push({ path, name: path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '['), source, consequence, captures });
  };
  add(['topic', 'heading', 'pattern'], schema?.topic?.heading?.pattern, 'headings are read without metadata', HEADING_CAPTURES);
  add(['issue', 'byline', 'pattern'], schema?.issue?.byline?.pattern, "bylines are found and checked in the default form ('By <name>')");
  const lines = schema?.topic?.citation?.lines;
  if (Array.isArray(lines)) {
    lines.forEach((line, i) => add(['topic', 'citation', 'lines', i, 'pattern'], (line as { pattern?: unknown } | null)?.pattern, 'no line is read with it', CITATION_LINE_CAPTURES));
  }
  return locations;
}

/**
 * The problems of one pattern, as messages: it does not compile (it is then unused), or it has a
 * named capture nothing reads.
 */
export function schemaPatternProblems(location: SchemaPatternLocation): string[] {
  const compiled = compileSchemaPattern(location.source);
  if ('error' in compiled) return [`${location.name} is not a valid regular expression (${compiled.error}); ${location.consequence}.`];
  const { captures } = location;
  const unknown = captures ? captureNames(location.source).filter((c) => !captures.includes(c.replace(/_/g, '-'))) : [];
  if (!unknown.length) return [];
  return [`${location.name}: nothing reads the capture${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `'${c}'`).join(', ')}; the names read are ${captures!.join(', ')}.`];
}
