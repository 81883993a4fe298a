/**
 * Regular expressions written in an issue schema with named captures (`topic.heading.pattern`,
 * `topic.citation.lines[].pattern`): compiling them and reading their captures. THE one
 * implementation of "schema regexp with named captures".
 *
 * Capture names are written as the schema's field ids, with `-` (`(?<issuing-bodies>…)`); a
 * JavaScript group name cannot contain `-`, so such names are compiled with `_` and read back.
 */

/** A schema pattern compiled, or why it could not be. */
export type CompiledSchemaPattern = { pattern: RegExp } | { error: string };

/** A group opening with a name that has `-` in it: `(?<issuing-bodies>` (not a lookbehind `(?<=`, `(?<!`). */
const HYPHENATED_GROUP = /\(\?<([A-Za-z_$][\w$]*(?:-[\w$]+)+)>/g;

/**
 * Compiles a schema pattern: JavaScript syntax, Unicode (`u`), with match indices (`d`); group
 * names may contain `-` (compiled as `_`).
 * @returns the RegExp, or the error message of an expression JavaScript cannot compile (the JSON
 *   Schema accepts any string)
 */
export function compileSchemaPattern(source: string): CompiledSchemaPattern {
  try {
    return { pattern: new RegExp(source.replace(HYPHENATED_GROUP, (_, name: string) => `(?<${name.replace(/-/g, '_')}>`), 'du') };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const compiledBySchema = new WeakMap<object, Map<string, RegExp | undefined>>();

/**
 * `source`, a pattern of `schema`, compiled once per schema object (and source text).
 * @returns undefined when `source` is absent or JavaScript cannot compile it (the loader warns about that)
 */
export function schemaPattern(schema: object, source: string | undefined): RegExp | undefined {
  if (typeof source !== 'string') return undefined;
  let patterns = compiledBySchema.get(schema);
  if (!patterns) compiledBySchema.set(schema, (patterns = new Map()));
  if (!patterns.has(source)) {
    const result = compileSchemaPattern(source);
    patterns.set(source, 'pattern' in result ? result.pattern : undefined);
  }
  return patterns.get(source);
}

/** The group names written in a schema pattern (`(?<issuing-bodies>` → `issuing-bodies`), in order. */
export function captureNames(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z_$][\w$-]*)>/g)].map((m) => m[1]);
}

/** Captured pieces of a text by capture name (as the schema writes it): `[start, end)` in UTF-16 code units of that text. */
export type SchemaCaptures<Name extends string> = Partial<Record<Name, [number, number]>>;

/**
 * Matches `pattern` on `text` and returns the captures of the given names that matched something
 * (empty captures left out).
 * @param names the capture names to read, as the schema writes them (`issuing-bodies`)
 * @returns undefined when the pattern does not match; else the captures (possibly none)
 */
export function schemaCaptures<Name extends string>(pattern: RegExp, text: string, names: readonly Name[]): SchemaCaptures<Name> | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const groups = match.indices?.groups;
  const captures: SchemaCaptures<Name> = {};
  if (!groups) return captures;
  for (const name of names) {
    const at = groups[name.replace(/-/g, '_')];
    if (at && at[1] > at[0]) captures[name] = [at[0], at[1]];
  }
  return captures;
}
