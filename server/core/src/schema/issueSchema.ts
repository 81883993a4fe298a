/**
 * Loads an issue schema: the bundled default, optionally extended or replaced by a team's file.
 */
import { readYamlFile, type YamlFileResult, type YamlValidator } from '../yamlFile';
import type { Finding } from '../findings';
import type { IssueSchema } from './types';
import { captureNames, compileSchemaPattern } from '../model/schemaPattern';
import { HEADING_CAPTURES } from '../model/headingMetadata';
import { CITATION_LINE_CAPTURES } from '../model/citationLines';

/** One issue-schema YAML file: where it is and what it says. */
export interface SchemaSource {
  /** Path or URI, used in messages and to resolve relative `extends`. */
  path: string;
  text: string;
  /** The parsed and validated value of `text`, when compiled at build time (the bundled default): then `text` is not read. */
  value?: unknown;
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
 * @param readRelative reads a file referenced by `extends` relative to another file; returns
 *   undefined when it does not exist
 */
export function loadIssueSchema(
  defaultSource: SchemaSource,
  jsonSchema: object | YamlValidator,
  teamSource?: SchemaSource,
  readRelative?: (fromPath: string, reference: string) => SchemaSource | undefined,
): LoadedIssueSchema {
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
    findings.push(...patternWarnings(read));
    seen.add(source.path);
    const reference = value.extends as string | undefined;
    if (!reference || reference === 'default') break;
    const next: SchemaSource | undefined = readRelative?.(source.path, reference);
    const at = read.document?.get('extends', true) as { range?: [number, number] } | undefined;
    const range = read.lineIndex.range(at?.range?.[0] ?? 0, at?.range?.[1] ?? 0);
    if (!next) {
      findings.push({ ruleId: 'schema.missing-file', severity: 'error', message: `Cannot find the schema '${reference}' named by 'extends'.`, range });
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
 * Schema patterns JavaScript cannot compile (`topic.heading.pattern`, `topic.citation.lines[].pattern`):
 * a warning at each pattern. The schema stays usable: such a pattern matches nothing (headings are
 * read without metadata, lines are not citation lines).
 */
function patternWarnings(read: YamlFileResult): Finding[] {
  const findings: Finding[] = [];
  /** @param captures the capture names the pattern's readers use (a group of another name is a warning: nothing reads it) */
  const check = (path: (string | number)[], name: string, consequence: string, captures?: readonly string[]) => {
    const node = read.document?.getIn(path, true) as { value?: unknown; range?: [number, number] } | undefined;
    if (typeof node?.value !== 'string') return;
    const compiled = compileSchemaPattern(node.value);
    const range = read.lineIndex.range(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
    if ('error' in compiled) {
      findings.push({ ruleId: 'schema.schema-violation', severity: 'warning', message: `${name} is not a valid regular expression (${compiled.error}); ${consequence}.`, range });
      return;
    }
    const unknown = captures ? captureNames(node.value).filter((c) => !captures.includes(c.replace(/_/g, '-'))) : [];
    if (unknown.length) {
      findings.push({ ruleId: 'schema.schema-violation', severity: 'warning', message: `${name}: nothing reads the capture${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `'${c}'`).join(', ')}; the names read are ${captures!.join(', ')}.`, range });
    }
  };
  check(['topic', 'heading', 'pattern'], 'topic.heading.pattern', 'headings are read without metadata', HEADING_CAPTURES);
  check(['issue', 'byline', 'pattern'], 'issue.byline.pattern', 'bylines are read and checked without it');
  const lines = (read.value as { topic?: { citation?: { lines?: unknown } } } | undefined)?.topic?.citation?.lines;
  if (Array.isArray(lines)) lines.forEach((_, i) => check(['topic', 'citation', 'lines', i, 'pattern'], `topic.citation.lines[${i}].pattern`, 'no line is read with it', CITATION_LINE_CAPTURES));
  return findings;
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
