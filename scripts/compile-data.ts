/**
 * Compiles the bundled data at build time so that a start of the server or of `check` neither
 * parses YAML nor compiles JSON Schemas (about 440 ms of a start before):
 *
 * - `data/*.yaml` → `server/src/config/generated/bundled-data.json`: the parsed values, each
 *   validated here against its schema with the same loader the team files go through
 *   (`readYamlFile`); an invalid bundle fails the compilation.
 * - `data/issue-schemas/<name>.yaml` → the same file's `issueSchemas.<name>`: every bundled issue
 *   schema (`extends: <name>`; `default` is the default). The names come from the folder: a file
 *   added there is bundled by the next compilation, without a list to edit. They are also written
 *   as the `examples` of `extends` in `schemas/issue-schema.schema.json` (completion in YAML editors):
 *   the one generated part of that hand-written file (its `$comment` says so), replaced in place
 *   (`withBundledNames`) so that the file's hand formatting stays; the drift check below covers it.
 *   Each bundled schema's patterns and date format pass the loader's checks, as errors here.
 * - `schemas/*.schema.json` → `server/src/config/generated/validators.js`: ajv standalone
 *   validators (CommonJS), used for the team's files by the normal loader.
 *
 * All are committed; `test/unit/compiled-data.test.ts` checks that they equal a fresh
 * compilation. After editing data/ or schemas/, run `npm run compile-data`.
 * Usage: `tsx scripts/compile-data.ts [--write]` (without --write: exits 1 when out of date).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { readYamlFile, YAML_AJV_OPTIONS } from '../server/core/src/yamlFile';
import { schemaPatternLocations, schemaPatternProblems } from '../server/core/src/schema/schemaPatterns';
import { dateFormatProblem } from '../server/core/src/catalogue/citationDate';
import { DEFAULT_SCHEMA_NAME, isSchemaName } from '../server/core/src/schema/issueSchema';

const root = path.resolve(__dirname, '..');
export const GENERATED_DIR = path.join(root, 'server', 'src', 'config', 'generated');
/** The folder of the bundled issue schemas, one `<name>.yaml` each. */
export const ISSUE_SCHEMAS_DIR = path.join(root, 'data', 'issue-schemas');
const ISSUE_SCHEMA_JSON_SCHEMA = path.join(root, 'schemas', 'issue-schema.schema.json');

/** Names of the bundled issue schemas: the `.yaml` files of data/issue-schemas, `default` first, then alphabetical. */
export function bundledSchemaNames(): string[] {
  const names = fs.readdirSync(ISSUE_SCHEMAS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length));
  for (const name of names) if (!isSchemaName(name)) throw new Error(`data/issue-schemas/${name}.yaml: a bundled schema's name has no '.' (it would read as a path in extends)`);
  if (!names.includes(DEFAULT_SCHEMA_NAME)) throw new Error(`data/issue-schemas/${DEFAULT_SCHEMA_NAME}.yaml is missing`);
  return names.sort((a, b) => Number(b === DEFAULT_SCHEMA_NAME) - Number(a === DEFAULT_SCHEMA_NAME) || a.localeCompare(b));
}

/** Catalogue data files, their JSON Schemas and the validator export names (the issue schemas' validator is `issueSchema`). */
export const BUNDLED = [
  { key: 'issuingBodies', data: 'issuing-bodies.yaml', schema: 'issuing-bodies.schema.json' },
  { key: 'policyTitles', data: 'policy-titles.yaml', schema: 'policy-titles.schema.json' },
  { key: 'documentTypes', data: 'document-types.yaml', schema: 'document-types.schema.json' },
  { key: 'documentNumberPrefixes', data: 'document-number-prefixes.yaml', schema: 'document-number-prefixes.schema.json' },
  { key: 'provincialDivisions', data: 'provincial-divisions.yaml', schema: 'provincial-divisions.schema.json' },
] as const;

/** A bundled data file, parsed and validated; throws when it is invalid (a packaging bug). */
function readBundled(file: string, schema: object): unknown {
  const read = readYamlFile(fs.readFileSync(file, 'utf8'), schema, 'bundle');
  if (read.findings.length) throw new Error(`${path.relative(root, file)} is invalid: ${read.findings[0].message} (line ${read.findings[0].range.start.line + 1})`);
  return read.value;
}

/**
 * The bundled issue schemas by name. Each is validated; its `extends`, if any, must name another
 * bundled schema, and its patterns must pass the loader's checks (`schemaPatternProblems`: they
 * compile, every named capture is read).
 */
function compileIssueSchemas(schema: object): Record<string, unknown> {
  const names = bundledSchemaNames();
  const schemas: Record<string, unknown> = {};
  for (const name of names) {
    const value = readBundled(path.join(ISSUE_SCHEMAS_DIR, `${name}.yaml`), schema) as { extends?: string };
    if (value.extends !== undefined && (value.extends === name || !names.includes(value.extends))) throw new Error(`data/issue-schemas/${name}.yaml: extends '${value.extends}', which is not another bundled schema`);
    // The loader's checks of team patterns, here an error: the loader reads bundled schemas unchecked.
    const problems = schemaPatternLocations(value).flatMap(schemaPatternProblems);
    const dateFormat = (value as { topic?: { citation?: { dateFormat?: string } } }).topic?.citation?.dateFormat;
    const dateProblem = dateFormat === undefined ? undefined : dateFormatProblem(dateFormat);
    if (dateProblem) problems.push(`topic.citation.dateFormat '${dateFormat}' ${dateProblem}.`);
    if (problems.length) throw new Error(`data/issue-schemas/${name}.yaml: ${problems.join(' ')}`);
    schemas[name] = value;
  }
  return schemas;
}

/** The JSON Schema of issue schemas with the bundled names as the `examples` of `extends` (its hand formatting kept). */
function withBundledNames(text: string, names: string[]): string {
  const examples = /("extends": \{\n[^}]*?"examples": )\[[^\]]*\]/;
  if (!examples.test(text)) throw new Error('schemas/issue-schema.schema.json: no "examples" list in the "extends" property');
  return text.replace(examples, (_, head: string) => `${head}${JSON.stringify(names).replace(/,/g, ', ')}`);
}

/**
 * The generated files' contents, by path relative to the repository root (the files in
 * `GENERATED_DIR` and the JSON Schema of issue schemas). Throws when a bundled file is invalid.
 */
export function compileBundledData(): Record<string, string> {
  const ajv = new Ajv({ ...YAML_AJV_OPTIONS, code: { source: true } });
  const issueSchemaText = withBundledNames(fs.readFileSync(ISSUE_SCHEMA_JSON_SCHEMA, 'utf8'), bundledSchemaNames());
  const issueSchema = JSON.parse(issueSchemaText) as object;
  const data: Record<string, unknown> = { issueSchemas: compileIssueSchemas(issueSchema) };
  const schemas: Record<string, object> = { issueSchema };
  for (const { key, data: dataFile, schema: schemaFile } of BUNDLED) {
    schemas[key] = JSON.parse(fs.readFileSync(path.join(root, 'schemas', schemaFile), 'utf8')) as object;
    data[key] = readBundled(path.join(root, 'data', dataFile), schemas[key]);
  }
  for (const [key, schema] of Object.entries(schemas)) {
    const { $id: _id, ...withoutId } = schema as { $id?: string };
    ajv.addSchema(withoutId, key);
  }
  const header = '// Generated by scripts/compile-data.ts from schemas/*.schema.json (ajv standalone). Do not edit.\n';
  const generated = path.relative(root, GENERATED_DIR);
  return {
    [path.join(generated, 'bundled-data.json')]: `${JSON.stringify(data)}\n`,
    [path.join(generated, 'validators.js')]: `${header}${standaloneCode(ajv, Object.fromEntries(Object.keys(schemas).map((key) => [key, key])))}\n`,
    [path.relative(root, ISSUE_SCHEMA_JSON_SCHEMA)]: issueSchemaText,
  };
}

if (require.main === module) {
  const files = compileBundledData();
  const stale = Object.entries(files).filter(([name, text]) => !fs.existsSync(path.join(root, name)) || fs.readFileSync(path.join(root, name), 'utf8') !== text);
  if (process.argv.includes('--write')) {
    fs.mkdirSync(GENERATED_DIR, { recursive: true });
    for (const [name, text] of stale) fs.writeFileSync(path.join(root, name), text);
    process.stdout.write(stale.length ? `Wrote ${stale.map(([n]) => n).join(', ')}.\n` : 'Up to date.\n');
  } else if (stale.length) {
    process.stderr.write(`Out of date: ${stale.map(([n]) => n).join(', ')}. Run npm run compile-data.\n`);
    process.exitCode = 1;
  }
}
