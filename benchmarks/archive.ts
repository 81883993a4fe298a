/**
 * Archive benchmark (run after `npm run build`): `npx tsx benchmarks/archive.ts [--briefs 2000]`.
 *
 * Generates an archive of 2,000 briefs (variants of examples/archive, each ~3 KB) in a temp
 * folder and reports, in one run:
 * - the time to index it with `policy-brief documents --format json <folder>` (walk, read,
 *   parse, index), next to `markdownlint-cli2` linting the same files (both as child processes,
 *   wall time, ms; target: less than markdownlint-cli2);
 * - the edit → diagnostics p95 on an open brief while the language server indexes the folder,
 *   next to the idle p95 once it is done (target: at most twice the idle p95);
 * - the language server's resident memory (RSS, MB) with the archive indexed.
 * Timings depend on the machine and its load; nothing asserts them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { DidCloseTextDocumentNotification, LogMessageNotification } from 'vscode-languageserver-protocol/node';
import { Client, editLatency, fmt, stats } from './server';

const repoRoot = path.resolve(__dirname, '..');
const briefsArg = process.argv.indexOf('--briefs');
const BRIEFS = briefsArg > 0 ? Number(process.argv[briefsArg + 1]) : 2000;

/** Writes `count` briefs (the three example briefs with numbered headlines) into a new temp folder. */
function generateArchive(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-archive-bench-'));
  fs.cpSync(path.join(repoRoot, 'examples', 'archive', '.policy-brief'), path.join(dir, '.policy-brief'), { recursive: true });
  const sources = ['2024-01.md', '2024-02.md', '2024-03.md'].map((f) => fs.readFileSync(path.join(repoRoot, 'examples', 'archive', f), 'utf8'));
  for (let i = 0; i < count; i++) {
    const year = 2000 + Math.floor(i / 100);
    const folder = path.join(dir, String(year));
    fs.mkdirSync(folder, { recursive: true });
    // Distinct headlines (no duplicate-headline flood); the citations stay: one archive of shared documents.
    const text = sources[i % 3].replace(/^(## \d+\. |\d+\. )(.*)$/gm, `$1$2 (issue ${i})`);
    fs.writeFileSync(path.join(folder, `issue-${String(i).padStart(4, '0')}.md`), text);
  }
  return dir;
}

function timeCommand(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return performance.now() - started;
}

function rssMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function main(): Promise<void> {
  const dir = generateArchive(BRIEFS);
  try {
    const bin = path.join(repoRoot, 'bin', 'policy-brief.js');
    const cli2 = path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const ours = Math.min(...[0, 1].map(() => timeCommand(process.execPath, [bin, 'documents', '--format', 'json', dir], dir)));
    const theirs = Math.min(...[0, 1].map(() => timeCommand(process.execPath, [cli2, '**/*.md'], dir)));
    console.log(`Index ${BRIEFS} briefs (~${Math.round(fs.statSync(path.join(dir, '2000', 'issue-0000.md')).size / 1024)} KB each), wall time of a child process, ms (best of 2)`);
    console.log(`  policy-brief documents   ${ours.toFixed(0).padStart(8)}`);
    console.log(`  markdownlint-cli2        ${theirs.toFixed(0).padStart(8)}`);
    console.log(`  ratio                    ${(ours / theirs).toFixed(2)}×   (target < 1)`);

    const client = new Client();
    let indexed = false;
    client.connection.onNotification(LogMessageNotification.type, (p) => { if (/^Archive: indexed/.test(p.message)) indexed = true; });
    const open = path.join(dir, '2000', 'issue-0000.md');
    const uri = pathToFileURL(open).href;
    const text = fs.readFileSync(open, 'utf8');
    await client.initialize(dir);
    const during: number[] = [];
    // Edits while the discovery runs (each round: 40 edits); stop once the index is built.
    while (!indexed) {
      if (during.length) await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      during.push(...await editLatency(client, uri, text));
      if (during.length > 100_000) break;
    }
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const idle = await editLatency(client, uri, text);
    const pid = (client as unknown as { child: { pid: number } }).child.pid;
    const memory = rssMegabytes(pid);
    const d = stats(during);
    const i = stats(idle);
    console.log('\nEdit → fresh diagnostics on an open brief, ms (p50 / p95 / max)');
    console.log(`  while indexing (${during.length} edits)   ${fmt(d)}`);
    console.log(`  idle, archive indexed      ${fmt(i)}`);
    console.log(`  p95 ratio                  ${(d.p95 / i.p95).toFixed(2)}×   (target ≤ 2)${indexed ? '' : '  (indexing did not finish)'}`);
    console.log(`\nLanguage server memory with ${BRIEFS} briefs indexed: ${memory.toFixed(0)} MB RSS`);
    await client.stop();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
