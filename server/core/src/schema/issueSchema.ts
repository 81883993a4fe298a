/**
 * Loads an issue schema: the bundled default, optionally extended or replaced by a team's file,
 * which may itself extend a bundled publication schema (`extends: <name>`) or another file.
 */
import { readYamlFile, type YamlFileResult, type YamlValidator } from '../yamlFile';
import type { Finding } from '../findings';
import type { IssueSchema } from './types';
import { closestWord, editDistance } from '../text/nearest';
import { schemaPatternLocations, schemaPatternProblems } from './schemaPatterns';
import { dateFormatProblem } from '../catalogue/citationDate';

/** One issue-schema YAML file: where it is and what it says. */
export interface SchemaSource {
  /** Path or URI, used in messages and to resolve relative `extends`. */
  path: string;
  text: string;
  /** The parsed and validated value of `text`, when compiled at build time (the bundled default): then `text` is not read. */
  value?: unknown;
}

/**
 * Where the targets of `extends` come from. A reference without `/`, `\` or `.` (`china-essentials`)
 * names a bundled schema; any other reference is a path relative to the file that says `extends`.
 */
export interface ExtendsResolver {
  /** Names of the bundled schemas (`default`, `china-essentials`, …), for `extends: <name>` and its error message. */
  bundledNames?: readonly string[];
  /** The bundled schema of that name (validated at build time: its `value` is set), or undefined. */
  bundled?: (name: string) => SchemaSource | undefined;
  /** Reads a file referenced by `extends` relative to another file; undefined when it does not exist. */
  readRelative?: (fromPath: string, reference: string) => SchemaSource | undefined;
}

/** The name of the bundled default schema: `extends: default` merges onto it and stops. */
export const DEFAULT_SCHEMA_NAME = 'default';

/** True when an `extends` value is a bundled schema's name rather than a path: no `/`, `\` or `.`. */
export function isSchemaName(reference: string): boolean {
  return !/[\\/.]/.test(reference);
}

/** Problems found in one configuration file, located in that file. */
export interface FileFindings {
  path: string;
  findings: Finding[];
}

/** Result of loading a schema: the schema to use and the problems of each file read. */
export interface LoadedIssueSchema {
  /** The effective schema; the bundled default when the team's file is unusable. */
  schema: IssueSchema;
  /** Files read, in order (the team file first), each with its findings (possibly none). */
  files: FileFindings[];
  /** True when a team file was given but could not be used (the default applies instead). */
  fellBack: boolean;
}

/**
 * @param defaultSource the bundled default schema (must be valid: an invalid default throws,
 *   since that is a packaging bug, not user input)
 * @param jsonSchema the JSON Schema of issue schemas (`schemas/issue-schema.schema.json`), or its compiled validator
 * @param teamSource the team's schema file, if any
 * @param resolve where `extends` targets come from: the bundled schemas by name and files by
 *   relative path (a function is `readRelative` alone: only paths resolve)
 */
export function loadIssueSchema(
  defaultSource: SchemaSource,
  jsonSchema: object | YamlValidator,
  teamSource?: SchemaSource,
  resolve?: ExtendsResolver | ((fromPath: string, reference: string) => SchemaSource | undefined),
): LoadedIssueSchema {
  const resolver: ExtendsResolver = typeof resolve === 'function' ? { readRelative: resolve } : (resolve ?? {});
  const base = defaultSource.value !== undefined ? { value: defaultSource.value, findings: [] } : readYamlFile(defaultSource.text, jsonSchema, 'schema');
  if (base.findings.length) {
    throw new Error(`The bundled issue schema ${defaultSource.path} is invalid: ${base.findings.map((f) => f.message).join('; ')}`);
  }
  const defaults = base.value as IssueSchema;
  if (!teamSource) return { schema: defaults, files: [], fellBack: false };

  const files: FileFindings[] = [];
  const chain: Record<string, unknown>[] = [];
  let source: SchemaSource | undefined = teamSource;
  const seen = new Set<string>();
  let usable = true;
  while (source) {
    if (source.value !== undefined) {
      // A bundled schema (validated at build time): no findings to locate, nothing to report in `files`.
      const value = source.value as Record<string, unknown>;
      chain.unshift(value);
      seen.add(source.path);
      const reference = value.extends as string | undefined;
      if (!reference || reference === DEFAULT_SCHEMA_NAME) break;
      const next = resolver.bundled?.(reference);
      if (!next) throw new Error(`The bundled issue schema ${source.path} extends '${reference}', which is not a bundled schema.`);
      if (seen.has(next.path)) throw new Error(`The bundled issue schema ${source.path}: 'extends' forms a cycle through ${next.path}.`);
      source = next;
      continue;
    }
    const read = readYamlFile(source.text, jsonSchema, 'schema');
    const findings = [...read.findings];
    const value = read.value as Record<string, unknown> | undefined;
    files.push({ path: source.path, findings });
    if (findings.length || !value || typeof value !== 'object') {
      if (!findings.length) findings.push({ ruleId: 'schema.schema-violation', severity: 'error', message: 'The issue schema must be a YAML mapping.', range: read.lineIndex.range(0, 0) });
      usable = false;
      break;
    }
    chain.unshift(value);
    findings.push(...patternWarnings(read), ...dateFormatWarnings(read));
    seen.add(source.path);
    const reference = value.extends as string | undefined;
    if (!reference || reference === DEFAULT_SCHEMA_NAME) break;
    const named = isSchemaName(reference);
    // A name is a bundled schema; a file of that name beside this one still works (as before bundled names).
    const next: SchemaSource | undefined = (named ? resolver.bundled?.(reference) : undefined) ?? resolver.readRelative?.(source.path, reference);
    const at = read.document?.get('extends', true) as { range?: [number, number] } | undefined;
    const range = read.lineIndex.range(at?.range?.[0] ?? 0, at?.range?.[1] ?? 0);
    if (!next) {
      findings.push({ ruleId: 'schema.missing-file', severity: 'error', message: named ? `${unknownSchemaNameMessage(reference, resolver.bundledNames ?? [DEFAULT_SCHEMA_NAME])} To extend a file of your own, give its path relative to this one (./${reference}.yaml).` : `Cannot find the schema '${reference}' named by 'extends'.`, range });
      usable = false;
      break;
    }
    if (seen.has(next.path)) {
      findings.push({ ruleId: 'schema.schema-violation', severity: 'error', message: `'extends' forms a cycle through ${next.path}.`, range });
      usable = false;
      break;
    }
    source = next;
  }
  if (!usable) return { schema: defaults, files, fellBack: true };
  let schema = defaults as unknown as Record<string, unknown>;
  for (const layer of chain) schema = mergeSchema(schema, layer, layer.extends !== undefined);
  delete schema.extends;
  return { schema: withFieldLabels(withoutNulls(schema) as unknown as IssueSchema, defaults), files, fellBack: false };
}

/**
 * "No bundled schema is named 'x'. Did you mean 'y'? The bundled schemas are …": for an `extends`
 * that names no bundled schema (and no file beside the schema), and `schema init --from`. Suggested:
 * the first name that starts with the reference, else the nearest name (`editDistance`) when it is at
 * most a third of the reference's length away (at least 2 edits).
 */
export function unknownSchemaNameMessage(reference: string, names: readonly string[]): string {
  const prefixed = names.find((n) => n.startsWith(reference));
  const closest = closestWord(reference, names);
  const nearest = prefixed ?? (closest !== undefined && editDistance(reference, closest) <= Math.max(2, Math.floor(reference.length / 3)) ? closest : undefined);
  const list = names.map((n) => `'${n}'`).join(', ');
  return `No bundled schema is named '${reference}'${nearest ? `. Did you mean '${nearest}'?` : '.'} The bundled schemas are ${list}.`;
}

/**
 * The problems of the schema's patterns (`schemaPatternLocations`): a warning at each pattern. The
 * schema stays usable: a pattern that does not compile is not used.
 */
function patternWarnings(read: YamlFileResult): Finding[] {
  return schemaPatternLocations(read.value).flatMap((location) => {
    const node = read.document?.getIn(location.path, true) as { range?: [number, number] } | undefined;
    const range = read.lineIndex.range(node?.range?.[0] ?? 0, node?.range?.[1] ?? 0);
    return schemaPatternProblems(location).map((message): Finding => ({ ruleId: 'schema.schema-violation', severity: 'warning', message, range }));
  });
}

/** A `topic.citation.dateFormat` that reads no date (`dateFormatProblem`): a warning at it; dates are then reported as unreadable, without fixes. */
function dateFormatWarnings(read: YamlFileResult): Finding[] {
  const node = read.document?.getIn(['topic', 'citation', 'dateFormat'], true) as { value?: unknown; range?: [number, number] } | undefined;
  if (typeof node?.value !== 'string') return [];
  const problem = dateFormatProblem(node.value);
  if (!problem) return [];
  const range = read.lineIndex.range(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
  return [{ ruleId: 'schema.schema-violation', severity: 'warning', message: `topic.citation.dateFormat '${node.value}' ${problem}; no citation date is read with it.`, range }];
}

/**
 * The JSON Schema lets a citation field leave out its `label`: such a field takes the label of the
 * bundled default's field with the same id (`Article`, `Issuing bodies`, `Date`, `Document number`).
 * A part without `label` stays without: it is the topic's unlabelled prose (see `PartSchema.label`).
 */
function withFieldLabels(schema: IssueSchema, defaults: IssueSchema): IssueSchema {
  const fields = schema.topic.citation.fields;
  if (fields.every((f) => f.label !== undefined)) return schema;
  const labelOf = (id: string) => defaults.topic.citation.fields.find((f) => f.id === id)?.label ?? id;
  const complete = fields.map((f) => (f.label === undefined ? { ...f, label: labelOf(f.id) } : f));
  return { ...schema, topic: { ...schema.topic, citation: { ...schema.topic.citation, fields: complete } } };
}

/**
 * Merges `override` onto `base`: objects recursively; lists replaced, except that with
 * `byId` (the file says `extends`) lists of objects with an `id` are merged entry by entry.
 */
export function mergeSchema(base: Record<string, unknown>, override: Record<string, unknown>, byId: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    if (Array.isArray(value) && Array.isArray(current) && byId && value.every(hasId)) {
      const merged = current.map((entry) => {
        const replacement = hasId(entry) ? value.find((v) => v.id === entry.id) : undefined;
        return replacement ? mergeSchema(entry as Record<string, unknown>, replacement, byId) : entry;
      });
      for (const entry of value) if (!current.some((c) => hasId(c) && c.id === entry.id)) merged.push(entry);
      result[key] = merged;
    } else if (isPlainObject(value) && isPlainObject(current)) {
      result[key] = mergeSchema(current, value, byId);
    } else {
      result[key] = value;
    }
  }
  return result;
}

/**
 * Drops keys whose value is `null`: in an issue schema `null` means "no limit" (`max: null`), which
 * is what an absent optional limit means; written over an inherited value, it lifts that limit.
 */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) continue;
    result[key] = Array.isArray(entry) ? entry.map((e) => (isPlainObject(e) ? withoutNulls(e) : e)) : isPlainObject(entry) ? withoutNulls(entry) : entry;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasId(value: unknown): value is { id: string } {
  return isPlainObject(value) && typeof value.id === 'string';
}
