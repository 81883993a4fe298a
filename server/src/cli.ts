/**
 * `policy-brief` command line: `policy-brief check <files|dirs|globs|->`.
 *
 * Exit codes: 0 no errors (warnings allowed unless --max-warnings), 1 errors found,
 * 2 usage or configuration error (a bad team schema or catalogue, a missing file).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { glob } from 'tinyglobby';
import { applyEdits, looksLikeBrief, preferredFixEdits, rules } from '../core/src/index';
import { checkFile, type CheckFileRequest, type CheckFileResult } from './cli/checkFile';
import { formatHuman } from './cli/formatHuman';
import { formatJson } from './cli/formatJson';
import { formatSarif } from './cli/formatSarif';
import type { ConfigOverrides } from './config/projectConfig';
import { readPackageJson } from './config/packageData';

class UsageError extends Error {}

/** Expands arguments to files: directories to their `*.md` files (recursively), globs via tinyglobby. */
async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      // In a folder, only Markdown files that are briefs (see looksLikeBrief); named files are always checked.
      const found = await glob('**/*.{md,markdown}', { cwd: input, ignore: ['**/node_modules/**', '**/.git/**'], dot: false });
      files.push(...found.sort().map((f) => path.join(input, f)).filter((f) => looksLikeBrief(safeRead(f) ?? '')));
    } else if (stat) {
      files.push(input);
    } else {
      const found = await glob(input, { ignore: ['**/node_modules/**', '**/.git/**'] });
      if (!found.length) throw new UsageError(`No file matches '${input}'.`);
      files.push(...found.sort());
    }
  }
  return [...new Set(files)];
}

function readStdin(): string {
  return fs.readFileSync(0, 'utf8');
}

/** Checks files, in worker threads when there are many. */
async function checkAll(requests: CheckFileRequest[], keepText: boolean, jobs: number): Promise<CheckFileResult[]> {
  const workerFile = path.join(__dirname, 'check-worker.js');
  if (requests.length < 16 || jobs <= 1 || !fs.existsSync(workerFile)) return requests.map((r) => checkFile(r, keepText));
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: workerFile, maxThreads: jobs, minThreads: Math.min(jobs, 2) });
  try {
    // A worker that dies (out of memory, say) fails its file only; the other files keep their output.
    return await Promise.all(requests.map((request) => (pool.run({ request, keepText }) as Promise<CheckFileResult>)
      .catch((error: Error): CheckFileResult => ({ path: request.path, findings: [], error: `Could not be checked: ${error?.message ?? String(error)}`, configFiles: [], configMissing: [] }))));
  } finally {
    await pool.destroy();
  }
}

async function runCheck(inputs: string[], options: Record<string, unknown>): Promise<number> {
  if (!inputs.length) throw new UsageError('Name at least one file, folder or glob to check (or - for standard input).');
  const overrides: ConfigOverrides = {
    schemaPath: options.schema as string | undefined,
    issuingBodiesPath: options.issuingBodies as string | undefined,
    policyTitlesPath: options.policyTitles as string | undefined,
  };
  for (const file of Object.values(overrides)) if (file && !fs.existsSync(file)) throw new UsageError(`Configuration file not found: ${file}`);
  const integer = (name: string, value: unknown, min: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} needs a whole number ≥ ${min}, not '${String(value)}'.`);
    return n;
  };
  const maxWarnings = integer('--max-warnings', options.maxWarnings, 0) ?? Infinity;
  const jobs = integer('--jobs', options.jobs, 1) ?? os.availableParallelism();
  const files = await expandInputs(inputs);
  if (!files.length) throw new UsageError(`No briefs found in ${inputs.join(', ')} (a folder is searched for Markdown files with a 'policy-brief:' front-matter key or numbered '## 1.' topic headings).`);
  const format = options.format as string;
  const fix = Boolean(options.fix);
  const requests: CheckFileRequest[] = files.map((file) =>
    file === '-' ? { path: (options.stdinFilename as string | undefined) ?? '<stdin>', text: readStdin(), overrides } : { path: file, overrides },
  );
  const results = await checkAll(requests, format === 'human' || fix, jobs);

  // Configuration problems are reported once per configuration file and make the run exit 2.
  const configProblems = new Map<string, CheckFileResult['configFiles'][number]>();
  const missing = new Set<string>();
  for (const result of results) {
    for (const file of result.configFiles) if (file.findings.length) configProblems.set(file.path, file);
    for (const file of result.configMissing) missing.add(file);
  }

  if (fix) {
    for (const result of results) {
      if (result.text === undefined || result.path === '<stdin>' || requests.find((r) => r.path === result.path)?.text !== undefined) continue;
      const { text, applied } = applyEdits(result.text, preferredFixEdits(result.findings));
      if (applied.length) {
        fs.writeFileSync(result.path, text, 'utf8');
        if (format === 'human') process.stderr.write(`Fixed ${applied.length} place(s) in ${result.path}.\n`);
        const after = checkFile({ path: result.path, overrides }, true);
        result.findings = after.findings;
        result.text = after.text;
      }
    }
  }

  const configResults: CheckFileResult[] = [...configProblems.values()].map((file) => ({ path: file.path, findings: file.findings, configFiles: [], configMissing: [], text: safeRead(file.path) }));
  if (format === 'json') process.stdout.write(formatJson([...configResults, ...results]) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif([...configResults, ...results], readPackageJson<{ version: string }>('package.json').version) + '\n');
  else {
    if (configResults.length) process.stderr.write(`Configuration problems (the bundled defaults are used instead):\n${formatHuman(configResults, { color: Boolean(options.color) && process.stderr.isTTY, codeFrames: true })}\n\n`);
    const shown = options.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
    process.stdout.write(formatHuman(shown, { color: Boolean(options.color) && process.stdout.isTTY, codeFrames: options.codeFrame !== false }) + '\n');
  }
  for (const file of missing) process.stderr.write(`policy-brief: configuration file not found: ${file}\n`);
  if (configProblems.size || missing.size) return 2;
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length + (r.error ? 1 : 0), 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

function safeRead(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Builds the program; exported for tests of argument parsing. */
export function createProgram(): Command {
  const version = readPackageJson<{ version: string }>('package.json').version;
  const program = new Command('policy-brief')
    .description('Check Markdown policy briefs against their issue schema and catalogues.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program
    .command('check')
    .description('Check briefs: files, folders (the Markdown files inside that are briefs) or globs; - reads standard input.')
    .argument('[inputs...]', 'files, folders or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json', 'sarif']).default('human'))
    .option('--schema <file>', 'issue schema to use instead of the discovered .policy-brief/issue-schema.yaml')
    .option('--issuing-bodies <file>', 'team issuing-body catalogue to use instead of the discovered one')
    .option('--policy-titles <file>', 'team policy-title catalogue to use instead of the discovered one')
    .option('--fix', 'apply the preferred fix of every fixable finding and write the files')
    .option('--stdin-filename <name>', 'path used for standard input (output and configuration discovery)')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
    .option('--no-code-frame', 'omit the source excerpt under each finding')
    .option('--no-color', 'plain output')
    .action(async (inputs: string[], options: Record<string, unknown>) => {
      process.exitCode = await runCheck(inputs, options);
    });
  program
    .command('rules')
    .description('List the rules with their default severity.')
    .action(() => {
      for (const rule of rules) process.stdout.write(`${rule.id.padEnd(36)}${rule.defaultSeverity.padEnd(13)}${rule.description}\n`);
    });
  return program;
}

/** Runs the CLI with `process.argv`; sets `process.exitCode`. */
export async function main(): Promise<void> {
  try {
    await createProgram().parseAsync(process.argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      process.exitCode = 0;
      return;
    }
    if (code?.startsWith('commander.')) {
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`policy-brief: ${(error as Error).message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 2;
  }
}

if (require.main === module) void main();
