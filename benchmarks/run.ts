/**
 * Benchmark entry (`npm run bench`, after the build): runs each benchmark as its own section in
 * its own Node process — `benchmarks/targets.ts`, `benchmarks/core.ts`, `benchmarks/server.ts`, `benchmarks/cli-cache.ts`, `benchmarks/archive.ts` (each when it exists) — and
 * passes command-line arguments through. Exit code: non-zero when a section failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const sections = [
  { title: 'Issue 12 targets (whole processes and hard inputs, beside markdownlint-cli2 / markdownlint)', file: path.join(__dirname, 'targets.ts') },
  { title: 'Core (parse + check, in-process)', file: path.join(__dirname, 'core.ts') },
  { title: 'Language server (over the protocol)', file: path.join(__dirname, 'server.ts') },
  { title: 'CLI re-run with --cache (500 unchanged briefs)', file: path.join(__dirname, 'cli-cache.ts') },
  { title: 'Archive (2,000 briefs, beside markdownlint-cli2)', file: path.join(__dirname, 'archive.ts') },
];

let failed = 0;
for (const section of sections) {
  if (!fs.existsSync(section.file)) {
    console.log(`\n== ${section.title}: skipped (${path.relative(process.cwd(), section.file)} not found)`);
    continue;
  }
  console.log(`\n== ${section.title} — ${path.relative(process.cwd(), section.file)}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', section.file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`   (section failed: ${run.error?.message ?? `exit code ${run.status ?? run.signal}`})`);
  }
}
process.exitCode = failed ? 1 : 0;
