/**
 * Regular expressions written in an issue schema with named captures (`topic.heading.pattern`,
 * `topic.citation.lines[].pattern`, `issue.byline.pattern`): compiling them and reading their
 * captures. THE one implementation of "schema regexp with named captures".
 *
 * A team's pattern is matched on every paragraph line of every brief, in the editor and in CI, so
 * it runs on a linear-time engine (re2js, the JavaScript port of RE2): no pattern can backtrack
 * catastrophically (`^(\w+\s?)+ \| …` on a long prose line would hang JavaScript's RegExp). RE2
 * syntax is JavaScript's without lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) and backreferences
 * (`\1`, `\k<name>`); `\s` is ASCII blanks only; `\p{Han}` names a script (`\p{Script=Han}` is
 * accepted and read as that). A pattern RE2 cannot compile is a warning in the schema file.
 *
 * Capture names are written as the schema's field ids, with `-` (`(?<issuing-bodies>…)`); an RE2
 * group name cannot contain `-`, so such names are compiled with `_` and read back.
 */
import { RE2JS } from 're2js';

/** A schema pattern compiled for the linear-time engine. Match it with `schemaPatternMatches` / `schemaCaptures`. */
export interface SchemaRegExp {
  /** The pattern as the schema writes it. */
  readonly source: string;
  readonly compiled: RE2JS;
  /** Group index by name as compiled (`issuing_bodies`). */
  readonly groups: Readonly<Record<string, number>>;
}

/** A schema pattern compiled, or why it could not be. */
export type CompiledSchemaPattern = { pattern: SchemaRegExp } | { error: string };

/** A group opening with a name that has `-` in it: `(?<issuing-bodies>` (not a lookbehind `(?<=`, `(?<!`). */
const HYPHENATED_GROUP = /\(\?<([A-Za-z_$][\w$]*(?:-[\w$]+)+)>/g;
/** `\p{Script=Han}` / `\p{sc=Han}` (JavaScript's spelling) → `\p{Han}` (RE2's). */
const SCRIPT_PROPERTY = /\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g;
/** JavaScript syntax RE2 lacks, named in the error message when the pattern uses it. */
const UNSUPPORTED = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * Compiles a schema pattern for the linear-time engine (RE2 syntax; see the module comment);
 * group names may contain `-` (compiled as `_`).
 * @returns the compiled pattern, or the error message of an expression RE2 cannot compile (the
 *   JSON Schema accepts any string)
 */
export function compileSchemaPattern(source: string): CompiledSchemaPattern {
  const translated = source
    .replace(HYPHENATED_GROUP, (_, name: string) => `(?<${name.replace(/-/g, '_')}>`)
    .replace(SCRIPT_PROPERTY, (_, p: string, script: string) => `\\${p}{${script}}`);
  try {
    const compiled = RE2JS.compile(translated);
    return { pattern: { source, compiled, groups: { ...compiled.namedGroups() } } };
  } catch (error) {
    const message = (error as Error).message;
    const note = UNSUPPORTED.test(source) ? '; patterns run on a linear-time engine without lookaround and backreferences' : '';
    return { error: `${message}${note}` };
  }
}

const compiledBySchema = new WeakMap<object, Map<string, SchemaRegExp | undefined>>();

/**
 * `source`, a pattern of `schema`, compiled once per schema object (and source text).
 * @returns undefined when `source` is absent or cannot be compiled (the loader warns about that)
 */
export function schemaPattern(schema: object, source: string | undefined): SchemaRegExp | undefined {
  if (typeof source !== 'string') return undefined;
  let patterns = compiledBySchema.get(schema);
  if (!patterns) compiledBySchema.set(schema, (patterns = new Map()));
  if (!patterns.has(source)) {
    const result = compileSchemaPattern(source);
    patterns.set(source, 'pattern' in result ? result.pattern : undefined);
  }
  return patterns.get(source);
}

/** Whether `pattern` matches somewhere in `text` (like `RegExp.test`), in time linear in the text's length. */
export function schemaPatternMatches(pattern: SchemaRegExp, text: string): boolean {
  return pattern.compiled.matcher(text).find();
}

/** The group names written in a schema pattern (`(?<issuing-bodies>` → `issuing-bodies`), in order. */
export function captureNames(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z_$][\w$-]*)>/g)].map((m) => m[1]);
}

/** Captured pieces of a text by capture name (as the schema writes it): `[start, end)` in UTF-16 code units of that text. */
export type SchemaCaptures<Name extends string> = Partial<Record<Name, [number, number]>>;

/**
 * Matches `pattern` on `text` (first match, like `RegExp.exec`; linear time) and returns the
 * captures of the given names that matched something (empty captures left out).
 * @param names the capture names to read, as the schema writes them (`issuing-bodies`)
 * @returns undefined when the pattern does not match; else the captures (possibly none), in UTF-16 code units of `text`
 */
export function schemaCaptures<Name extends string>(pattern: SchemaRegExp, text: string, names: readonly Name[]): SchemaCaptures<Name> | undefined {
  const matcher = pattern.compiled.matcher(text);
  if (!matcher.find()) return undefined;
  const captures: SchemaCaptures<Name> = {};
  for (const name of names) {
    const group = pattern.groups[name.replace(/-/g, '_')];
    if (group === undefined) continue;
    const start = matcher.start(group);
    const end = matcher.end(group);
    if (start >= 0 && end > start) captures[name] = [start, end];
  }
  return captures;
}
