/**
 * The bundled issue schemas: every `data/issue-schemas/<name>.yaml` of the package, compiled at build
 * time into `generated/bundled-data.json` (`issueSchemas`, keyed by name; scripts/compile-data.ts).
 * The names come from that folder, not from a list here: a schema file added there is bundled by the
 * next `npm run compile-data`. A team starts from one with `extends: <name>`.
 */
import { DEFAULT_SCHEMA_NAME, type SchemaSource } from '../../core/src/index';
import bundledData from './generated/bundled-data.json';

const schemas = bundledData.issueSchemas as Record<string, unknown>;

/** Names of the bundled issue schemas, `default` first (the order of data/issue-schemas after compilation). */
export function bundledSchemaNames(): string[] {
  return Object.keys(schemas);
}

/** Package-relative path of a bundled schema's YAML file (shipped in the npm package and the VSIX), e.g. `data/issue-schemas/default.yaml`. */
export function bundledSchemaFile(name: string): string {
  return `data/issue-schemas/${name}.yaml`;
}

/**
 * The bundled schema of that name as a loader source (its parsed, build-time validated value;
 * `text` is empty), or undefined when no bundled schema has that name.
 */
export function bundledSchema(name: string): SchemaSource | undefined {
  return Object.hasOwn(schemas, name) ? { path: bundledSchemaFile(name), text: '', value: schemas[name] } : undefined;
}

/** The bundled default schema (`data/issue-schemas/default.yaml`). */
export function defaultSchemaSource(): SchemaSource {
  const source = bundledSchema(DEFAULT_SCHEMA_NAME);
  if (!source) throw new Error('The bundled default issue schema is missing from the package (run npm run compile-data).');
  return source;
}
