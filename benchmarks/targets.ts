/**
 * The speed targets of issue 12 ("Speed and hard inputs"), each beside markdownlint-cli2 (whole
 * process, same files) or markdownlint (in-process, `markdownlint/sync`, same text), in one run:
 *
 *   npx tsx benchmarks/targets.ts [--runs 5]
 *
 * Rows: `check` on one brief (whole process, start-up included); `check` cold on 500 briefs, with
 * the floor under it (a process that only parses the same files: benchmarks/parseFloor.mjs);
 * one topic with 1,000 citation blocks; a 5 MB brief (time and peak memory of the process);
 * `*_` × 15,000 + `_*` × 15,000; edit → diagnostics on the 16 KB issue and completion per
 * keystroke with a 5,000-title catalogue, over the protocol (the drivers of benchmarks/server.ts,
 * p95 with the p50 beside it; markdownlint lints the same edited text in-process). Times are
 * milliseconds (median of `--runs` runs for the small cases, of up to 3 for the 500 briefs, one
 * run for the 5 MB brief); the ratio is ours ÷ markdownlint's. Nothing asserts them: they depend
 * on the machine and its load (printed at the start and the end of the run).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { checkBrief } from '../server/core/src/index';
import { defaultConfig, read, repoRoot } from '../test/support/config';
import { Client, completionLatency, editLatencyAndCpu, markdownlintLatency, mediumIssue, stats } from './server';

/** Samples of the two latency rows (edit → diagnostics; completion per keystroke and resolve: 5 rounds of 46 keystrokes). */
const EDIT_ITERATIONS = 200;
const COMPLETION_ROUNDS = 5;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const cliBin = path.join(repoRoot, 'bin', 'policy-brief.js');
const lintBin = path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const parseFloorScript = path.join(__dirname, 'parseFloor.mjs');
const example = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));

/** Wall time (ms) and peak resident memory (MB, from /usr/bin/time when present) of one process run. */
function timeProcess(args: string[], cwd: string): { ms: number; mb: number } {
  const time = fs.existsSync('/usr/bin/time');
  const command = time ? '/usr/bin/time' : process.execPath;
  const argv = time ? ['-f', '%M', process.execPath, ...args] : args;
  const started = performance.now();
  const run = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr.slice(-500)}`);
  const kb = time ? Number(/(\d+)\s*$/.exec(run.stderr)?.[1]) : NaN;
  return { ms, mb: kb / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median over `runs` alternating runs of ours and theirs (whole processes). */
function processPair(ours: string[], theirs: string[], cwd: string, runs: number) {
  const a: { ms: number; mb: number }[] = [];
  const b: { ms: number; mb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(timeProcess(ours, cwd));
    b.push(timeProcess(theirs, cwd));
  }
  return { ours: median(a.map((x) => x.ms)), theirs: median(b.map((x) => x.ms)), oursMb: Math.max(...a.map((x) => x.mb)), theirsMb: Math.max(...b.map((x) => x.mb)) };
}

/** Median time (ms) of `fn` over `runs` calls. */
function inProcess(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** The example with a sixth topic holding `body`. */
function withTopic(body: string): string {
  return `${example.replace(/\s*$/, '\n')}\n## 6. Extra topic\n\n${body}\n`;
}

/** ~5 MB: the example's topics repeated and renumbered. */
function fiveMegabytes(): string {
  const topics = example.slice(example.indexOf('## 1.'));
  const parts = [example];
  let length = example.length;
  for (let n = 6; length < 5_000_000; ) {
    const part = topics.replace(/^## \d+\./gm, () => `## ${n++}.`);
    parts.push(part);
    length += part.length;
  }
  return parts.join('\n');
}

async function main(): Promise<void> {
  if (!fs.existsSync(lintBin)) throw new Error('markdownlint-cli2 is missing: npm ci');
  const loadAtStart = os.loadavg()[0];
  const { lint } = (await import('markdownlint/sync')) as { lint: (options: { strings: Record<string, string> }) => unknown };
  const config = defaultConfig().config;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-targets-'));
  const rows: string[][] = [];
  const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
  try {
    // 1. One brief, whole process (start-up included).
    fs.writeFileSync(path.join(dir, 'one.md'), example);
    const one = processPair([cliBin, 'check', '--format', 'json', 'one.md'], [lintBin, 'one.md'], dir, RUNS);
    rows.push(['`check` on one brief, whole process', `${one.ours.toFixed(0)}`, `${one.theirs.toFixed(0)} (cli2)`, ratio(one.ours, one.theirs), '≤ 1.0×']);

    // 2. 500 briefs, cold, whole process.
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 500; i++) fs.writeFileSync(path.join(many, `brief-${String(i).padStart(3, '0')}.md`), example.replace('# ', `# Issue ${i}: `));
    // Median of up to 3 alternating runs: one run of each on a shared machine varied by 2× (load from other work).
    const cold = processPair([cliBin, 'check', '--format', 'json', 'many'], [lintBin, 'many/*.md'], dir, Math.min(RUNS, 3));
    rows.push(['`check` cold on 500 briefs', `${cold.ours.toFixed(0)}`, `${cold.theirs.toFixed(0)} (cli2)`, ratio(cold.ours, cold.theirs), '≤ 0.5×']);
    // The floor under that row: a process that only parses the same 500 files with remark-parse
    // (benchmarks/parseFloor.mjs), beside the same cli2 median. What is left of the 0.5× budget is
    // all that the reading of the briefs, the rules, the archive and the output may cost.
    const floor = median(Array.from({ length: Math.min(RUNS, 3) }, () => timeProcess([parseFloorScript, 'many'], dir).ms));
    rows.push(['  floor: remark-parse alone, same 500 files', `${floor.toFixed(0)}`, `${cold.theirs.toFixed(0)} (cli2)`, ratio(floor, cold.theirs), '—']);

    // 3. One topic with 1,000 citation blocks, in-process.
    const citation = example.slice(example.indexOf('Article:'), example.indexOf('\n\n', example.indexOf('Date:')));
    const citations = withTopic(`**At a glance:** Many documents.\n\n${Array.from({ length: 1000 }, () => citation).join('\n\n')}`);
    const citeOurs = inProcess(() => checkBrief(citations, config), Math.min(RUNS, 3));
    const citeTheirs = inProcess(() => lint({ strings: { doc: citations } }), Math.min(RUNS, 3));
    rows.push([`one topic with 1,000 citation blocks (${(citations.length / 1024).toFixed(0)} KB)`, `${citeOurs.toFixed(0)}`, `${citeTheirs.toFixed(0)} (in-process)`, ratio(citeOurs, citeTheirs), '≤ 2×']);

    // 4. A 5 MB brief, whole process: time and peak memory.
    fs.writeFileSync(path.join(dir, 'five.md'), fiveMegabytes());
    const five = processPair([cliBin, 'check', '--format', 'json', 'five.md'], [lintBin, 'five.md'], dir, 1);
    rows.push(['a 5 MB brief, whole process (peak MB)', `${five.ours.toFixed(0)} (${five.oursMb.toFixed(0)} MB)`, `${five.theirs.toFixed(0)} (${five.theirsMb.toFixed(0)} MB, cli2)`, ratio(five.ours, five.theirs), '≤ 5,000 ms, ≤ 500 MB']);

    // 5. `*_` × 15,000 + `_*` × 15,000, in-process.
    const stars = withTopic(`${'*_'.repeat(15000)}${'_*'.repeat(15000)}`);
    const starsOurs = inProcess(() => checkBrief(stars, config), Math.min(RUNS, 3));
    const starsTheirs = inProcess(() => lint({ strings: { doc: stars } }), Math.min(RUNS, 3));
    rows.push([`\`*_\` × 15,000 + \`_*\` × 15,000 (${(stars.length / 1024).toFixed(0)} KB)`, `${starsOurs.toFixed(0)}`, `${starsTheirs.toFixed(0)} (in-process)`, ratio(starsOurs, starsTheirs), '≤ 2,000 ms or declined']);

    // 6. One-character edit → fresh diagnostics (LSP pull), 16 KB issue; markdownlint lints the same text in-process.
    const medium = mediumIssue();
    const client = new Client();
    await client.initialize();
    const editRun = await editLatencyAndCpu(client, 'untitled:medium', medium, EDIT_ITERATIONS);
    const edit = stats(editRun.samples);
    await client.stop();
    const lintEdit = stats(await markdownlintLatency(medium, EDIT_ITERATIONS));
    const p95 = (s: { p50: number; p95: number }) => `${s.p95.toFixed(1)} (p50 ${s.p50.toFixed(1)})`;
    rows.push([`edit → diagnostics, ${(medium.length / 1024).toFixed(0)} KB issue, p95 (LSP)`, p95(edit), `${p95(lintEdit)} (in-process)`, ratio(edit.p95, lintEdit.p95), '≤ 5 ms p95']);
    rows.push(['  server CPU per edit', editRun.cpuPerEdit.toFixed(2), '—', '—', '—']);

    // 7. Completion per keystroke, 5,000-title team catalogue (LSP), and resolving the first item.
    const completion = await completionLatency(COMPLETION_ROUNDS);
    rows.push(['completion per keystroke, 5,000 titles, p95 (LSP)', p95(stats(completion.flatMap((c) => c.samples))), '— (no completion)', '—', '≤ 5 ms p95']);
    rows.push(['  completionItem/resolve of the first item, p95', p95(stats(completion.flatMap((c) => c.resolve))), '—', '—', '—']);
    const keystrokes = completion.reduce((n, c) => n + c.samples.length, 0);
    rows.push(['  server CPU per keystroke (with resolve)', (completion.reduce((n, c) => n + c.cpuPerKeystroke * c.samples.length, 0) / keystrokes).toFixed(2), '—', '—', '—']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Issue 12 targets (Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end), ms; ours ÷ markdownlint`);
  const header = ['what', 'policy-brief', 'markdownlint', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) + 2);
  for (const row of [header, ...rows]) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('')}`);
  console.log('  (per-document and per-query details of edits and completion: see the language-server section)');
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
