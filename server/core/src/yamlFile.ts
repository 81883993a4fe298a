/**
 * Reads a YAML data file (issue schema, catalogue) and validates it against its JSON Schema,
 * reporting every problem as a finding located in the YAML text.
 */
import { parseDocument, isNode, isScalar, visit, type Document } from 'yaml';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { closestWord } from './text/nearest';
import { LineIndex } from './text/lineIndex';
import type { Finding } from './findings';

/** The ajv options of every data-file validator (the build-time compiled ones too, see scripts/compile-data.ts). */
export const YAML_AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true } as const;
let ajv: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();

/** A compiled validator (ajv, compiled at run time or standalone at build time): true when valid, else `errors`. */
export type YamlValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Result of reading a YAML data file. `value` is undefined when the YAML could not be parsed. */
export interface YamlFileResult {
  value?: unknown;
  findings: Finding[];
  /** The parsed document, for locating values (`rangeOfPath`). */
  document?: Document;
  lineIndex: LineIndex;
}

/**
 * Parses `text` as YAML and validates it against `jsonSchema` (draft-07, ajv; or a validator
 * compiled beforehand).
 * Findings: `config.invalid-yaml` for syntax errors, `config.schema-violation` for JSON Schema
 * errors, each with the exact range of the offending YAML node. Never throws.
 * @param ruleIdPrefix prefix of the finding ids, e.g. `schema` → `schema.invalid-yaml`
 */
export function readYamlFile(text: string, jsonSchema: object | YamlValidator | undefined, ruleIdPrefix: string): YamlFileResult {
  const lineIndex = new LineIndex(text);
  const findings: Finding[] = [];
  let document: Document;
  try {
    document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    findings.push({ ruleId: `${ruleIdPrefix}.invalid-yaml`, severity: 'error', message: `Cannot read YAML: ${(error as Error).message}`, range: lineIndex.range(0, 0) });
    return { findings, lineIndex };
  }
  for (const error of document.errors) {
    // The parser reports some errors (an unclosed quote) at the very end of the text; keep them
    // on the last line that has content, not on the empty line after the final line break.
    const contentEnd = text.replace(/[\r\n]+$/, '').length;
    let start = Math.min(error.pos[0], contentEnd);
    let end = Math.min(Math.max(error.pos[1], start), contentEnd);
    // An unclosed flow collection or quote is noticed lines later: report it where it opens.
    const opener = unclosedOpener(document, error.pos[0]);
    if (opener !== undefined && lineIndex.positionAt(opener).line < lineIndex.positionAt(start).line) {
      start = opener;
      end = lineIndex.lineEnd(lineIndex.positionAt(opener).line);
      while (end > start + 1 && /\s/.test(text[end - 1])) end--;
    }
    // Give an empty range one character, on the same line (before the line end if need be).
    if (end === start) {
      if (start < contentEnd && !/[\r\n]/.test(text[start])) end = start + 1;
      else if (start > 0 && !/[\r\n]/.test(text[start - 1])) start -= 1;
    }
    findings.push({
      ruleId: `${ruleIdPrefix}.invalid-yaml`,
      severity: 'error',
      message: `Invalid YAML: ${error.message.split('\n')[0]}`,
      range: lineIndex.range(start, end),
    });
  }
  if (findings.length) return { findings, document, lineIndex };
  const value = document.toJS({ maxAliasCount: 100 });
  if (jsonSchema) {
    const validate: YamlValidator = typeof jsonSchema === 'function' ? (jsonSchema as YamlValidator) : compiled(jsonSchema);
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        // A key outside a `propertyNames` enum (an unknown rule id) is reported once, by its enum error, at the key.
        if (error.keyword === 'propertyNames') continue;
        const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : error.propertyName;
        findings.push({
          ruleId: `${ruleIdPrefix}.schema-violation`,
          severity: 'error',
          message: describeAjvError(error),
          range: rangeOfPath(document, lineIndex, pointerToPath(error.instancePath), key),
        });
      }
    }
  }
  return { value, findings, document, lineIndex };
}

/** ajv's validator of `jsonSchema`, compiled once (the same schema may arrive as a fresh object: reused by `$id`). */
function compiled(jsonSchema: object): ValidateFunction {
  ajv ??= new Ajv(YAML_AJV_OPTIONS);
  const id = (jsonSchema as { $id?: unknown }).$id;
  let validate = validators.get(jsonSchema) ?? (typeof id === 'string' ? ajv.getSchema(id) : undefined);
  if (!validate) {
    validate = ajv.compile(jsonSchema);
    validators.set(jsonSchema, validate);
  }
  return validate;
}

function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')}` : 'top level';
  if (error.propertyName !== undefined && error.keyword === 'enum') {
    // An unknown key where the keys are a closed list (rule ids under `rules:`): suggest the nearest.
    const allowed = (error.params.allowedValues as unknown[]).map(String);
    const noun = where === 'rules' ? 'rule id' : 'key';
    return `Unknown ${noun} '${error.propertyName}' under ${where}. Did you mean '${closestWord(error.propertyName, allowed)}'?${where === 'rules' ? ' (npx policy-brief rules lists them all)' : ''}`;
  }
  switch (error.keyword) {
    case 'additionalProperties':
      return `Unknown property '${error.params.additionalProperty}' at ${where}.`;
    case 'enum':
      return `${where} must be one of: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const':
      return `${where} must be ${JSON.stringify(error.params.allowedValue)}.`;
    case 'required':
      return `Missing required property '${error.params.missingProperty}' at ${where}.`;
    case 'type':
      // `["integer", "null"]` (a limit, or null for none) arrives as "integer,null".
      return `${where} must be ${String(error.params.type).split(',').join(' or ')}.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

/** Converts a JSON pointer (`/topic/parts/0/id`) to a path of keys and indexes. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((part) => {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

/**
 * Range of the YAML node at `path` (or of the key `childKey` inside it), falling back to the
 * nearest ancestor that exists. UTF-16 ranges in the YAML text.
 */
export function rangeOfPath(document: Document, lineIndex: LineIndex, path: (string | number)[], childKey?: string) {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true);
    if (!isNode(node) || !node.range) continue;
    if (childKey !== undefined && length === path.length && 'items' in node) {
      for (const item of (node as { items: { key?: unknown }[] }).items) {
        const key = item.key;
        if (isNode(key) && (key as unknown as { value: unknown }).value === childKey && key.range) return lineIndex.range(key.range[0], key.range[1]);
      }
    }
    return lineIndex.range(node.range[0], node.range[1]);
  }
  return lineIndex.range(0, 0);
}

/**
 * The UTF-16 offset where the flow collection (`[`, `{`) or quoted scalar that an error at
 * `errorAt` belongs to opens: the innermost such node that ends at or contains `errorAt`.
 */
function unclosedOpener(document: Document, errorAt: number): number | undefined {
  let opener: number | undefined;
  visit(document, (_key, node) => {
    if (!isNode(node) || !node.range) return;
    const flow = 'flow' in node && node.flow === true;
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    if ((flow || quoted) && node.range[0] < errorAt && errorAt <= node.range[1] && (opener === undefined || node.range[0] > opener)) opener = node.range[0];
  });
  return opener;
}
