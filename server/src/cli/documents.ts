/**
 * `policy-brief documents <files|folders|globs> [--format table|json|yaml]`: every distinct
 * document cited across the archive, with its renderings and where they are used, issuing
 * bodies, dates, document numbers, catalogue entry and conflicts. `--format yaml` writes the
 * documents the catalogue lacks as entries of a team `policy-titles.yaml`.
 */
import * as fs from 'node:fs';
import { Option, type Command } from 'commander';
import { archiveDocuments, policyTitlesYaml, type DocumentSummary, type DocumentValue } from '../../core/src/index';
import { buildArchives } from '../archive/buildArchive';
import type { ConfigOverrides } from '../config/projectConfig';
import type { CheckFileResult } from './checkFile';

/** Width of the table's Chinese-title and rendering columns (characters). */
const COLUMN = 48;

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function values(list: DocumentValue[]): string {
  return list.map((v) => `${v.value} (${v.uses.length})`).join('; ');
}

/** A plain-text table: one block per document. */
export function formatDocumentsTable(documents: readonly DocumentSummary[]): string {
  const lines: string[] = [];
  for (const doc of documents) {
    lines.push(`${clip(doc.chinese ?? doc.key, COLUMN)}  — ${doc.briefCount} brief${doc.briefCount === 1 ? '' : 's'}${doc.catalogueId ? `, catalogue: ${doc.catalogueId}` : ', not in the catalogue'}${doc.conflicts.length ? `, CONFLICTS: ${doc.conflicts.join(', ')}` : ''}`);
    for (const r of doc.renderings) lines.push(`    English: ${r.value}  (${r.uses.map((u) => `${u.brief}:${u.line}`).join(', ')})`);
    if (doc.issuingBodies.length) lines.push(`    Issuing bodies: ${values(doc.issuingBodies)}`);
    if (doc.dates.length) lines.push(`    Dates: ${values(doc.dates)}`);
    if (doc.documentNumbers.length) lines.push(`    Document numbers: ${values(doc.documentNumbers)}`);
  }
  lines.push('', `${documents.length} document${documents.length === 1 ? '' : 's'}, ${documents.filter((d) => d.conflicts.length).length} with conflicts, ${documents.filter((d) => !d.catalogueId).length} not in the catalogue.`);
  return lines.join('\n');
}

/**
 * Registers the `documents` subcommand.
 * @param expandInputs the `check` command's expansion of files, folders and globs to briefs
 * @param checkAll the `check` command's run over files (worker threads when there are many): its
 *   results carry each brief's archive entry
 */
export function registerDocumentsCommand(program: Command, expandInputs: (inputs: string[], overrides: ConfigOverrides) => Promise<string[]>, checkAll: (files: string[], overrides: ConfigOverrides, jobs?: number) => Promise<CheckFileResult[]>): void {
  program
    .command('documents')
    .description('List every document cited across the briefs (files, folders or globs): renderings, issuing bodies, dates, catalogue entry, conflicts.')
    .argument('[inputs...]', 'files, folders or globs')
    .addOption(new Option('-f, --format <format>', 'output format (yaml: a team policy-titles.yaml of the documents the catalogue lacks)').choices(['table', 'json', 'yaml']).default('table'))
    .option('--schema <file>', 'issue schema to use instead of the discovered .policy-brief/issue-schema.yaml')
    .option('--issuing-bodies <file>', 'team issuing-body catalogue to use instead of the discovered one')
    .option('--policy-titles <file>', 'team policy-title catalogue to use instead of the discovered one')
    .option('-j, --jobs <n>', 'threads that read files (default: one fewer than the cores, at least 1)')
    .action(async (inputs: string[], options: Record<string, unknown>) => {
      if (!inputs.length) throw new Error('Name at least one file, folder or glob.');
      const overrides: ConfigOverrides = { schemaPath: options.schema as string | undefined, issuingBodiesPath: options.issuingBodies as string | undefined, policyTitlesPath: options.policyTitles as string | undefined };
      for (const file of Object.values(overrides)) if (file && !fs.existsSync(file)) throw new Error(`Configuration file not found: ${file}`);
      const files = (await expandInputs(inputs, overrides)).filter((f) => f !== '-');
      const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new Error(`--jobs needs a whole number ≥ 1, not '${String(options.jobs)}'.`);
      const results = await checkAll(files, overrides, jobs);
      for (const r of results) if (r.error) process.stderr.write(`policy-brief: skipped ${r.path} (${r.error})\n`);
      const indexed = new Map(results.filter((r) => r.archive).map((r) => [r.path, r.archive!]));
      const { archives } = buildArchives(results.filter((r) => r.archive).map((r) => r.path), overrides, new Map(), indexed);
      const summaries = archives.map((a) => ({ archive: a, documents: archiveDocuments(a.index, a.config.catalogue) }));
      const format = options.format as string;
      if (format === 'json') {
        process.stdout.write(JSON.stringify(summaries.map((s) => ({ teamFolder: s.archive.teamFolder ?? null, briefs: s.archive.index.size, documents: s.documents })), null, 2) + '\n');
      } else if (format === 'yaml') {
        process.stdout.write(summaries.map((s) => (summaries.length > 1 ? `# Team folder: ${s.archive.teamFolder ?? '(none)'}\n` : '') + policyTitlesYaml(s.documents, s.archive.index, s.archive.config.catalogue)).join('---\n'));
      } else {
        for (const s of summaries) {
          if (summaries.length > 1) process.stdout.write(`== ${s.archive.teamFolder ?? 'briefs without a team folder'} ==\n`);
          process.stdout.write(formatDocumentsTable(s.documents) + '\n');
        }
      }
      process.exitCode = 0;
    });
}
