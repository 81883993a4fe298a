/**
 * `policy-brief schema init [folder] [--force]`: writes a commented starting issue schema
 * (`data/issue-schema.template.yaml`) to `<folder>/.policy-brief/issue-schema.yaml`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { packagePath } from '../config/packageData';
import { TEAM_FILES, TEAM_FOLDER } from '../config/projectConfig';

/**
 * Writes the starting schema under `folder`.
 * @returns the path written
 * @throws Error when the file exists and `force` is not set (nothing is written)
 */
export function writeStarterSchema(folder: string, force: boolean): string {
  const target = path.join(folder, TEAM_FOLDER, TEAM_FILES.issueSchema);
  if (fs.existsSync(target) && !force) throw new Error(`${target} exists; use --force to replace it.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, fs.readFileSync(packagePath('data', 'issue-schema.template.yaml'), 'utf8'));
  return target;
}

/** Registers the `schema init` subcommand. */
export function registerSchemaCommand(program: Command): void {
  const schema = program.command('schema').description("The team's issue schema (.policy-brief/issue-schema.yaml).");
  schema
    .command('init')
    .description('Write a commented starting issue schema to <folder>/.policy-brief/issue-schema.yaml (extends the default).')
    .argument('[folder]', 'the repository or folder whose briefs it applies to', '.')
    .option('--force', 'replace an existing issue-schema.yaml')
    .action((folder: string, options: { force?: boolean }) => {
      const written = writeStarterSchema(folder, Boolean(options.force));
      process.stdout.write(`Wrote ${written}. Edit it; docs/issue-schema.md explains each key.\n`);
    });
}
