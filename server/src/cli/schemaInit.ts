/**
 * `policy-brief schema init [folder] [--from <name>] [--force]`: writes a commented starting issue
 * schema to `<folder>/.policy-brief/issue-schema.yaml`: from the default, the commented template
 * (`data/issue-schema.template.yaml`); from another bundled schema (`data/issue-schemas/<name>.yaml`),
 * a file that says `extends: <name>` with that schema's settings below as comments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_SCHEMA_NAME, unknownSchemaNameMessage } from '../../core/src/index';
import { bundledSchemaFile, bundledSchemaNames } from '../config/bundledSchemas';
import { packagePath } from '../config/packageData';
import { TEAM_FILES, TEAM_FOLDER } from '../config/projectConfig';

/**
 * The starting schema's text for a team that starts from the bundled schema `from`.
 * @throws Error naming the bundled schemas when `from` is none of them
 */
export function starterSchemaText(from: string = DEFAULT_SCHEMA_NAME): string {
  const names = bundledSchemaNames();
  if (!names.includes(from)) throw new Error(unknownSchemaNameMessage(from, names));
  if (from === DEFAULT_SCHEMA_NAME) return fs.readFileSync(packagePath('data', 'issue-schema.template.yaml'), 'utf8');
  const bundled = fs.readFileSync(packagePath(bundledSchemaFile(from)), 'utf8').split(/\r?\n/);
  // The bundled file's settings (after its header comment), as comments; its schemaVersion and name are written above.
  const body = bundled.slice(bundled.findIndex((line) => line.trim() !== '' && !line.startsWith('#')));
  const settings = body.filter((line) => !/^(schemaVersion|name):/.test(line)).map((line) => (line.trim() === '' ? '#' : `# ${line}`));
  while (settings[0] === '#') settings.shift();
  while (settings.at(-1) === '#') settings.pop();
  return [
    "# Your team's issue schema: how your publication structures an issue. Written by",
    `# \`policy-brief schema init --from ${from}\`; every brief below the folder that holds this \`.policy-brief/\``,
    '# folder is checked with it. Each key is explained in schemas/issue-schema.schema.json (editors with',
    '# YAML support complete and explain the keys) and in docs/issue-schema.md.',
    `# It starts from the bundled schema '${from}' (${bundledSchemaFile(from)} in the package):`,
    '# add what differs for your publication; what you leave out keeps that schema\'s value. Parts and',
    '# citation fields merge with its own by id; `null` lifts one of its limits.',
    'schemaVersion: 1',
    `extends: ${from}`,
    'name: Our brief',
    '',
    `# What '${from}' says, for reference (to change a setting, uncomment it with the keys above it):`,
    ...settings,
    '',
  ].join('\n');
}

/**
 * Writes the starting schema under `folder`.
 * @param from the bundled schema to start from (`default` when absent)
 * @returns the path written
 * @throws Error when the file exists and `force` is not set, or `from` names no bundled schema (nothing is written)
 */
export function writeStarterSchema(folder: string, force: boolean, from?: string): string {
  const target = path.join(folder, TEAM_FOLDER, TEAM_FILES.issueSchema);
  const text = starterSchemaText(from);
  if (fs.existsSync(target) && !force) throw new Error(`${target} exists; use --force to replace it.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return target;
}

/** Registers the `schema init` subcommand. */
export function registerSchemaCommand(program: Command): void {
  const schema = program.command('schema').description("The team's issue schema (.policy-brief/issue-schema.yaml).");
  schema
    .command('init')
    .description('Write a commented starting issue schema to <folder>/.policy-brief/issue-schema.yaml (extends the default, or the bundled schema named by --from).')
    .argument('[folder]', 'the repository or folder whose briefs it applies to', '.')
    .option('--from <name>', `the bundled schema to start from: ${bundledSchemaNames().join(', ')}`, DEFAULT_SCHEMA_NAME)
    .option('--force', 'replace an existing issue-schema.yaml')
    .action((folder: string, options: { force?: boolean; from: string }) => {
      const written = writeStarterSchema(folder, Boolean(options.force), options.from);
      process.stdout.write(`Wrote ${written}. Edit it; docs/issue-schema.md explains each key.\n`);
    });
}
