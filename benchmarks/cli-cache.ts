/**
 * CLI benchmark: a re-run of `policy-brief check --cache` over 500 unchanged briefs (every file
 * answered from the cache), beside markdownlint-cli2 (default rules, no cache of its own) on the
 * same files, each as a whole process the way CI runs it.
 *
 *   npx tsx benchmarks/cli-cache.ts [--runs 5] [--files 500]
 *
 * Files: the example issue and the example briefs with mistakes, copied round-robin into a
 * temporary folder (a `.git` folder there stops configuration discovery), each with a unique
 * last line so that no two files are the same. Cases, wall-clock time of one process in ms
 * (median and slowest of `--runs`):
 * - `policy-brief check --cache` (re-run): after one run that filled the cache;
 * - `policy-brief check` (no cache): for scale;
 * - `markdownlint-cli2`: `markdownlint-cli2 "briefs/**\/*.md"` with its default configuration.
 * Timings depend on the machine and its load; nothing asserts them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

/** Wall-clock milliseconds of `node args…` in `cwd`; the exit code must be one of `ok`. */
function time(args: string[], cwd: string, ok: number[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - start;
  if (run.status === null || !ok.includes(run.status)) throw new Error(`${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr.slice(0, 500)}`);
  return elapsed;
}

function stats(samples: number[]): { median: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

function main(): void {
  const runs = arg('--runs', 5);
  const count = arg('--files', 500);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-bench-cache-'));
  try {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'briefs'));
    const sources = [path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), ...fs.readdirSync(path.join(repoRoot, 'examples', 'mistakes')).filter((f) => f.endsWith('.md')).map((f) => path.join(repoRoot, 'examples', 'mistakes', f))];
    const texts = sources.map((f) => fs.readFileSync(f, 'utf8'));
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, 'briefs', `issue-${String(i).padStart(4, '0')}.md`), `${texts[i % texts.length]}\n<!-- issue ${i} -->\n`);
    const cli = path.join(repoRoot, 'bin', 'policy-brief.js');
    const cli2 = path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const cached = [cli, 'check', '--cache', '--cache-location', path.join(dir, 'cache.json'), '--format', 'json', 'briefs/'];
    time(cached, dir, [0, 1]);
    const rows = [
      { name: 'policy-brief check --cache (re-run, all cached)', samples: Array.from({ length: runs }, () => time(cached, dir, [0, 1])) },
      { name: 'policy-brief check (no cache)', samples: Array.from({ length: Math.min(runs, 3) }, () => time([cli, 'check', '--format', 'json', 'briefs/'], dir, [0, 1])) },
      { name: 'markdownlint-cli2 (default rules)', samples: Array.from({ length: runs }, () => time([cli2, 'briefs/**/*.md'], dir, [0, 1])) },
    ].map((row) => ({ ...row, ...stats(row.samples) }));
    const lint = rows[2].median;
    console.log(`CLI over ${count} unchanged briefs, whole process, wall-clock ms (median / slowest of ${runs}; no cache: of ${Math.min(runs, 3)})`);
    console.log(`  ${'case'.padEnd(52)}${'ms'.padEnd(20)}÷ markdownlint-cli2`);
    for (const row of rows) console.log(`  ${row.name.padEnd(52)}${`${row.median.toFixed(0)} / ${row.max.toFixed(0)}`.padEnd(20)}${(row.median / lint).toFixed(2)}×`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
