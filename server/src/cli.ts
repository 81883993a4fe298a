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
import { applyEdits, archiveRules, closestWord, compareFindings, looksLikeBrief, preferredFixEdits, rules } from '../core/src/index';
import { archiveFindings, buildArchives } from './archive/buildArchive';
import { applyBaseline, baselineBase, BaselineError, readBaseline, writeBaseline, type BaselineEntry } from './cli/baseline';
import { changedLinesSince, ChangedLinesError, touchesChanged, type ChangedLines } from './cli/changedLines';
import { checkFile, configFor, configKeyFor, type CheckFileRequest, type CheckFileResult } from './cli/checkFile';
import { registerDocumentsCommand } from './cli/documents';
import { registerSchemaCommand } from './cli/schemaInit';
import { formatHuman } from './cli/formatHuman';
import { FORMATS, FORMATS_NEEDING_TEXT, writeReport, type Format } from './cli/report';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cli/resultCache';
import type { ConfigOverrides } from './config/projectConfig';
import { packagePath, readPackageJson, ruleDocsBase } from './config/packageData';
import { expandGlob, findMarkdownFiles } from './files/walk';
import { decodeUtf8 } from './files/utf8';

class UsageError extends Error {}

/**
 * Expands arguments to files: directories to their Markdown files that are briefs (recursively,
 * with the topic heading level of each file's configuration), globs via the shared walker. Each
 * file once, by its real path, under the first name it was given.
 */
async function expandInputs(inputs: string[], overrides: ConfigOverrides): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      // In a folder, only Markdown files that are briefs (see looksLikeBrief); named files are always checked.
      const found = await findMarkdownFiles(input);
      const isBrief = (f: string) => looksLikeBrief(safeRead(f) ?? '', configFor(path.resolve(f), overrides).config.schema.issue.topics.headingLevel);
      files.push(...found.map((f) => path.join(input, path.relative(path.resolve(input), f))).filter(isBrief));
    } else if (stat) {
      files.push(input);
    } else {
      const found = await expandGlob(input);
      if (!found.length) throw new UsageError(`No file matches '${input}'.`);
      files.push(...found);
    }
  }
  // One file named twice (`. ./a.md`, `a.md /abs/a.md`, a link to it) is checked once, under the
  // first name given: checked twice it reported every finding twice and compared the brief with itself.
  const seen = new Set<string>();
  return files.filter((file) => {
    if (file === '-') return true;
    const key = realPath(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readStdin(): string {
  const decoded = decodeUtf8(fs.readFileSync(0));
  if (decoded.error !== undefined) throw new UsageError(`Standard input is ${decoded.error}: give UTF-8 text.`);
  return decoded.text;
}

/**
 * The number of threads that check files when `--jobs` is not given: one fewer than the cores
 * (at least 1, which checks in this thread), as Jest's default `maxWorkers`. The remaining core
 * serves this thread, V8's compiler and garbage-collector threads: on the 2-core benchmark machine
 * two worker threads checked 500 briefs in 4.3 s and one thread in 3.85 s, because each isolate
 * compiles and warms up the same code and two allocation-heavy parses in parallel ran at two
 * thirds of the speed each (docs/robustness.md, "On an idle machine"). The price: in the main thread
 * a file that exhausts memory ends the run, where a worker would lose only its files (with 16
 * files or more; fewer are always checked in this thread).
 */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/** Checks files, in worker threads when there are many. */
async function checkAll(requests: CheckFileRequest[], keepText: boolean, jobs: number): Promise<CheckFileResult[]> {
  const workerFile = path.join(__dirname, 'check-worker.js');
  if (requests.length < 16 || jobs <= 1 || !fs.existsSync(workerFile)) return requests.map((r) => checkFile(r, keepText));
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: workerFile, maxThreads: jobs, minThreads: Math.min(jobs, 2) });
  try {
    // Batches of files, several per worker, so that messages do not outweigh the work (2,000
    // one-file tasks cost more than they gained on two cores); results keep the order of `requests`.
    const size = Math.max(1, Math.min(64, Math.ceil(requests.length / (jobs * 8))));
    const batches: CheckFileRequest[][] = [];
    for (let i = 0; i < requests.length; i += size) batches.push(requests.slice(i, i + size));
    const failed = (request: CheckFileRequest, error: Error): CheckFileResult => ({ path: request.path, findings: [], error: `Could not be checked: ${error?.message ?? String(error)}`, configFiles: [], configMissing: [] });
    const results = await Promise.all(batches.map(async (batch) => {
      try {
        return (await pool.run({ requests: batch, keepText })) as CheckFileResult[];
      } catch {
        // A worker that died (out of memory, say): its files are checked one by one, so only the
        // file that kills a worker fails and the other files keep their output.
        return Promise.all(batch.map((request) => (pool.run({ requests: [request], keepText }) as Promise<CheckFileResult[]>).then((r) => r[0], (error: Error) => failed(request, error))));
      }
    }));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/**
 * `checkAll` through the result cache: files whose content, configuration and tool version are
 * unchanged get their stored findings (with `--fix`, only when none of them is fixable); the
 * others are checked and stored. Results keep the order of `requests`.
 */
async function checkCached(requests: CheckFileRequest[], keepText: boolean, jobs: number, cache: ResultCache, fix: boolean): Promise<CheckFileResult[]> {
  const results: (CheckFileResult | undefined)[] = requests.map((request) => {
    if (request.text !== undefined) return undefined;
    const hit = cache.lookup(request.path, request.overrides);
    if (!hit || (fix && hit.findings.some((f) => f.fixes?.length))) return undefined;
    // The archive entry's ids are the paths as given when it was stored: used when they are the same.
    const archive = hit.archive?.id === request.path ? hit.archive : undefined;
    return { path: request.path, findings: hit.findings, archive, configFiles: [], configMissing: [], text: keepText ? safeRead(request.path) : undefined };
  });
  const misses = requests.filter((_, i) => !results[i]);
  const checked = await checkAll(misses, keepText, jobs);
  for (const [i, result] of checked.entries()) {
    const request = misses[i];
    results[results.indexOf(undefined)] = result;
    if (request.text !== undefined || result.error || result.configMissing.length || result.configFiles.some((f) => f.findings.length)) continue;
    cache.store(request.path, request.overrides, configFor(path.resolve(request.path), request.overrides).latest.dependencies, result.findings, result.archive);
  }
  cache.save();
  return results as CheckFileResult[];
}

/** Keeps only findings on changed lines (and files that could not be checked, if changed). */
function keepChanged(results: CheckFileResult[], changed: ChangedLines): void {
  for (const result of results) {
    if (result.path === '<stdin>') continue;
    const lines = changed.get(realPath(result.path));
    result.findings = result.findings.filter((f) => touchesChanged(lines, f.range.start.line, f.range.end.line));
  }
}

/** The real path of `file` (links resolved), or its absolute path when it cannot be resolved (missing, unreadable). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** A configuration file given on the command line must be text: a binary one is a usage error, in one line. */
function assertTextFile(file: string): void {
  const head = Buffer.alloc(8192);
  const fd = fs.openSync(file, 'r');
  try {
    const n = fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, n).includes(0)) throw new UsageError(`Configuration file ${file} looks binary (contains NUL bytes): give a YAML file.`);
  } finally {
    fs.closeSync(fd);
  }
}

async function runCheck(inputs: string[], options: Record<string, unknown>): Promise<number> {
  if (!inputs.length) throw new UsageError('Name at least one file, folder or glob to check (or - for standard input).');
  const overrides: ConfigOverrides = {
    schemaPath: options.schema as string | undefined,
    issuingBodiesPath: options.issuingBodies as string | undefined,
    policyTitlesPath: options.policyTitles as string | undefined,
  };
  for (const file of Object.values(overrides)) {
    if (!file) continue;
    if (!fs.existsSync(file)) throw new UsageError(`Configuration file not found: ${file}`);
    assertTextFile(file);
  }
  const integer = (name: string, value: unknown, min: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} needs a whole number ≥ ${min}, not '${String(value)}'.`);
    return n;
  };
  const maxWarnings = integer('--max-warnings', options.maxWarnings, 0) ?? Infinity;
  const jobs = integer('--jobs', options.jobs, 1) ?? defaultJobs();
  const format = options.format as Format;
  const fix = Boolean(options.fix);
  const baselineFile = options.baseline as string | undefined;
  const writeBaselineFile = options.writeBaseline as string | undefined;
  // --fix on standard input alone prints the fixed text; otherwise standard input is checked, not fixed.
  const fixStdin = fix && inputs.length === 1 && inputs[0] === '-' && format === 'human';
  if (fix && inputs.includes('-') && !fixStdin) process.stderr.write('policy-brief: --fix does not change standard input here; give - as the only input, without --format, to get the fixed text on standard output.\n');
  const baseline = baselineFile ? readBaselineOrThrow(baselineFile) : undefined;
  let changed: ChangedLines | undefined;
  // A baseline records every finding of every file; --changed-since checks only the changed ones.
  if (options.changedSince !== undefined && writeBaselineFile) throw new UsageError('--write-baseline records the findings of all files: run it without --changed-since.');
  if (options.changedSince !== undefined) {
    try {
      changed = changedLinesSince(String(options.changedSince));
    } catch (error) {
      throw error instanceof ChangedLinesError ? new UsageError(error.message) : error;
    }
  }
  const files = await expandInputs(inputs, overrides);
  if (!files.length) throw new UsageError(`No briefs found in ${inputs.join(', ')} (a folder is searched for Markdown files with a 'policy-brief:' front-matter key or numbered '## 1.' topic headings).`);
  const allRequests: CheckFileRequest[] = files.map((file) =>
    file === '-' ? { path: (options.stdinFilename as string | undefined) ?? '<stdin>', text: readStdin(), overrides } : { path: file, overrides },
  );
  // Files without changed lines cannot have findings on changed lines: not even checked (they
  // still take part in the archive below, which compares the changed briefs with them).
  const requests = changed ? allRequests.filter((r) => r.text !== undefined || changed.has(realPath(r.path))) : allRequests;
  const keepText = FORMATS_NEEDING_TEXT.includes(format) || fix || Boolean(baseline) || Boolean(writeBaselineFile);
  const version = readPackageJson<{ version: string }>('package.json').version;
  const results = options.cache
    ? await checkCached(requests, keepText, jobs, new ResultCache((options.cacheLocation as string | undefined) ?? DEFAULT_CACHE_LOCATION, version, configKeyFor), fix)
    : await checkAll(requests, keepText, jobs);

  // Configuration problems are reported once per configuration file; an error among them (the
  // file is not used) or a missing file makes the run exit 2, warnings alone do not.
  const configProblems = new Map<string, CheckFileResult['configFiles'][number]>();
  const missing = new Set<string>();
  for (const result of results) {
    for (const file of result.configFiles) if (file.findings.length) configProblems.set(file.path, file);
    for (const file of result.configMissing) missing.add(file);
  }
  const configFailed = [...configProblems.values()].some((file) => file.findings.some((f) => f.severity === 'error')) || missing.size > 0;

  if (fix) {
    for (const [i, result] of results.entries()) {
      if (result.text === undefined) continue;
      const { text, applied } = applyEdits(result.text, preferredFixEdits(result.findings));
      if (requests[i].text !== undefined) {
        if (!fixStdin) continue;
        // Standard input: the fixed text goes to standard output; what remains to stderr.
        process.stdout.write(text);
        const after = checkFile({ ...requests[i], text }, true);
        process.stderr.write(`${formatHuman([after], { color: false, codeFrames: false })}\n`);
        return configFailed ? 2 : after.findings.some((f) => f.severity === 'error') ? 1 : 0;
      }
      if (applied.length) {
        fs.writeFileSync(result.path, text, 'utf8');
        if (format === 'human') process.stderr.write(`Fixed ${applied.length} place(s) in ${result.path}.\n`);
        const after = checkFile({ path: result.path, overrides }, true);
        result.findings = after.findings;
        result.text = after.text;
        result.archive = after.archive;
      }
    }
  }
  // Several files or a folder: the archive rules compare the briefs with each other.
  if (allRequests.length > 1 || inputs.some((input) => fs.statSync(input, { throwIfNoEntry: false })?.isDirectory())) {
    const texts = new Map(allRequests.filter((r) => r.text !== undefined).map((r) => [r.path, r.text!]));
    const failed = new Set(results.filter((r) => r.error).map((r) => r.path));
    const checked = allRequests.map((r) => r.path).filter((file) => !failed.has(file));
    const indexed = new Map(results.filter((r) => r.archive).map((r) => [r.path, r.archive!]));
    const archive = archiveFindings(buildArchives(checked, overrides, texts, indexed).archives);
    for (const result of results) {
      const extra = archive.get(result.path);
      if (extra) result.findings = [...result.findings, ...extra].sort(compareFindings);
    }
  }

  if (writeBaselineFile) {
    const count = writeBaseline(writeBaselineFile, results);
    process.stderr.write(`policy-brief: wrote ${count} finding(s) to the baseline ${writeBaselineFile}.\n`);
  }
  if (baseline) {
    const base = baselineBase(baselineFile!);
    const outcome = applyBaseline(results, baseline, base);
    if (outcome.noPathChecked) process.stderr.write(`policy-brief: warning: no file of the baseline ${baselineFile} was checked — its paths are relative to ${path.relative(process.cwd(), base) || '.'}; if it was written in another folder or by Policy Brief before 0.1.0's baseline change, write it again with --write-baseline.\n`);
    const stale = outcome.stale.length ? ` ${outcome.stale.length} baseline entr${outcome.stale.length === 1 ? 'y no longer occurs' : 'ies no longer occur'} (fixed or changed: ${summariseStale(outcome.stale)}); run with --write-baseline ${baselineFile} to drop ${outcome.stale.length === 1 ? 'it' : 'them'}.` : '';
    process.stderr.write(`policy-brief: ${outcome.known} finding(s) hidden by the baseline ${baselineFile}.${stale}\n`);
  }

  // Only now: the baseline holds findings of whole files, so it is written and applied before the
  // findings are narrowed to changed lines.
  if (changed) keepChanged(results, changed);

  // Configuration files are found by discovery (absolute paths): shown relative to the working directory when inside it, as the briefs are.
  const shownPath = (file: string) => {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  };
  const configResults: CheckFileResult[] = [...configProblems.values()].map((file) => ({ path: shownPath(file.path), findings: file.findings, configFiles: [], configMissing: [], text: safeRead(file.path) }));
  const isError = (f: { severity: string }) => f.severity === 'error';
  const hiddenByQuiet = options.quiet ? results.reduce((n, r) => n + r.findings.filter((f) => !isError(f)).length, 0) : 0;
  const shown = options.quiet && format === 'human' ? results.map((r) => ({ ...r, findings: r.findings.filter(isError) })) : results;
  const firstFile = requests.find((r) => r.text === undefined)?.path ?? requests[0]?.path;
  writeReport(shown, configResults, {
    format, version, hiddenByQuiet: format === 'human' ? hiddenByQuiet : 0,
    docsBase: () => ruleDocsBase(firstFile ? configFor(path.resolve(firstFile), overrides).config.schema.docsBaseUrl : undefined),
    color: Boolean(options.color), codeFrames: options.codeFrame !== false, configFailed,
  });
  for (const file of missing) process.stderr.write(`policy-brief: configuration file not found: ${file}\n`);
  if (configFailed) return 2;
  const errors = results.reduce((n, r) => n + r.findings.filter(isError).length + (r.error ? 1 : 0), 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    process.stderr.write(`policy-brief: ${warnings} warning(s), more than --max-warnings ${maxWarnings} allows: exit code 1.\n`);
    return 1;
  }
  return 0;
}

function readBaselineOrThrow(file: string): BaselineEntry[] {
  try {
    return readBaseline(file);
  } catch (error) {
    throw error instanceof BaselineError ? new UsageError(error.message) : error;
  }
}

/** "3 in a.md, 1 in b.md" (at most five files named). */
function summariseStale(stale: BaselineEntry[]): string {
  const perFile = new Map<string, number>();
  for (const entry of stale) perFile.set(entry.path, (perFile.get(entry.path) ?? 0) + 1);
  const parts = [...perFile].map(([file, n]) => `${n} in ${file}`);
  return parts.length > 5 ? `${parts.slice(0, 5).join(', ')} and ${parts.length - 5} more file(s)` : parts.join(', ');
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
    .addOption(new Option('-f, --format <format>', 'output format: human, json, sarif (code scanning), github (Actions annotations), rdjson (reviewdog), gitlab (Code Quality)').choices(FORMATS).default('human'))
    .option('--schema <file>', 'issue schema to use instead of the discovered .policy-brief/issue-schema.yaml')
    .option('--issuing-bodies <file>', 'team issuing-body catalogue to use instead of the discovered one')
    .option('--policy-titles <file>', 'team policy-title catalogue to use instead of the discovered one')
    .option('--fix', 'apply the preferred fix of every fixable finding and write the files')
    .option('--stdin-filename <name>', 'path used for standard input (output and configuration discovery)')
    .option('-q, --quiet', 'report errors only (says how many warnings it hid)')
    .option('--baseline <file>', 'report only findings that are not in this baseline (see --write-baseline)')
    .option('--write-baseline <file>', "record this run's findings as the baseline in <file>")
    .option('--changed-since <ref>', 'report only findings on lines changed since this git ref (and in new files)')
    .option('--cache', 'skip files unchanged since the last run (content, configuration and tool version)')
    .option('--cache-location <file>', `cache file (default: ${DEFAULT_CACHE_LOCATION})`)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-j, --jobs <n>', 'threads that check files (default: one fewer than the cores, at least 1)')
    .option('--no-code-frame', 'omit the source excerpt under each finding')
    .option('--no-color', 'plain output')
    .action(async (inputs: string[], options: Record<string, unknown>) => {
      process.exitCode = await runCheck(inputs, options);
    });
  program
    .command('rules')
    .description("List the rules with their default severity, or print one rule's page.")
    .argument('[id]', 'a rule id, e.g. date.invalid: print its documentation page')
    .action((id: string | undefined) => {
      if (id === undefined) {
        for (const rule of [...rules, ...archiveRules]) process.stdout.write(`${rule.id.padEnd(36)}${rule.defaultSeverity.padEnd(13)}${rule.description}\n`);
        return;
      }
      if (![...rules, ...archiveRules].some((rule) => rule.id === id)) {
        const suggestion = closestWord(id, [...rules, ...archiveRules].map((rule) => rule.id));
        throw new UsageError(`Unknown rule '${id}'. Did you mean '${suggestion}'? (policy-brief rules lists them all)`);
      }
      process.stdout.write(fs.readFileSync(packagePath('docs', 'rules', `${id}.md`), 'utf8'));
    });
  registerSchemaCommand(program);
  registerDocumentsCommand(program, expandInputs, (files, overrides, jobs) => checkAll(files.map((path) => ({ path, overrides, indexOnly: true })), false, jobs ?? defaultJobs()));
  return program;
}

/**
 * Output to a reader that stopped reading (`policy-brief check … | head`): the rest of the output
 * is dropped and the run ends as it would have, with its exit code, instead of crashing on an
 * unhandled EPIPE error (Node ignores SIGPIPE, so the write fails instead). Writes after the first
 * failed one fail with ERR_STREAM_DESTROYED; any other error of the stream is thrown as before.
 */
function dropOutputWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

/** Runs the CLI with `process.argv`; sets `process.exitCode`. */
export async function main(): Promise<void> {
  dropOutputWhenReaderLeaves(process.stdout);
  try {
    // -v is accepted for -V (--version), as most tools do.
    const argv = process.argv.length === 3 && process.argv[2] === '-v' ? [...process.argv.slice(0, 2), '-V'] : process.argv;
    await createProgram().parseAsync(argv);
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
