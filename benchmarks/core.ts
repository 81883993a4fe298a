/**
 * Core benchmark: parse + check time of the brief core, next to markdownlint (0.40, default
 * rules, `markdownlint/sync` `lint({ strings })`) on the same texts.
 *
 *   npx tsx benchmarks/core.ts [--time 2000]
 *
 * Texts: one issue (examples/china-industries-2023-04.md) and a 100-topic compilation built
 * by repeating and renumbering the example's topics (with a matching topics list).
 * Cases per text:
 * - `policy-brief check (cold)`: `checkBrief` without a parse cache (every section parsed);
 * - `policy-brief check (edit)`: `checkBrief` with a `ParseCache` after a one-character edit in
 *   the last topic (what the editor does on typing: one section re-parsed);
 * - `markdownlint`: `lint({ strings: { doc: text } })` with its default rules.
 * Reports mean and p95 per call in milliseconds (tinybench latency samples) and the ratio of our
 * cold check to markdownlint. Timings depend on the machine and its load; nothing asserts them.
 */
import * as path from 'node:path';
import { checkBrief, ParseCache } from '../server/core/src/index';
import { defaultConfig, read, repoRoot } from '../test/support/config';
import { compilation } from '../test/fuzz/support/pathological';

interface Row {
  text: string;
  kilobytes: number;
  cold: { mean: number; p95: number };
  edit: { mean: number; p95: number };
  markdownlint: { mean: number; p95: number };
}

/** Mean and 95th percentile (nearest rank) of latency samples in milliseconds. */
function summarize(samples: readonly number[] | undefined): { mean: number; p95: number } {
  if (!samples?.length) return { mean: NaN, p95: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { mean, p95: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] };
}

/** Flips one character in the last topic's comment, alternately, so each call sees a new version. */
function editor(text: string): () => string {
  const at = text.lastIndexOf('**MERICS comment:**') + '**MERICS comment:** '.length;
  let flip = false;
  return () => {
    flip = !flip;
    return text.slice(0, at) + (flip ? 'X' : 'Y') + text.slice(at + 1);
  };
}

async function main(): Promise<void> {
  const timeArg = process.argv.indexOf('--time');
  const time = timeArg > 0 ? Number(process.argv[timeArg + 1]) : 2000;
  const { Bench } = await import('tinybench');
  const { lint } = await import('markdownlint/sync');
  const config = defaultConfig().config;
  const texts = [
    { name: 'one issue (china-industries-2023-04.md)', text: read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md')) },
    { name: '100-topic compilation', text: compilation(100) },
  ];
  const rows: Row[] = [];
  for (const { name, text } of texts) {
    const cache = new ParseCache();
    const next = editor(text);
    checkBrief(text, config, { cache });
    const bench = new Bench({ time, warmupTime: Math.min(500, time / 4) });
    bench
      .add('cold', () => { checkBrief(text, config); })
      .add('edit', () => { checkBrief(next(), config, { cache }); })
      .add('markdownlint', () => { lint({ strings: { doc: text } }); });
    await bench.run();
    const result = (task: string) => summarize(bench.tasks.find((t) => t.name === task)?.result?.latency.samples);
    rows.push({ text: name, kilobytes: Buffer.byteLength(text) / 1024, cold: result('cold'), edit: result('edit'), markdownlint: result('markdownlint') });
  }
  const ms = (s: { mean: number; p95: number }) => `${s.mean.toFixed(1)} / ${s.p95.toFixed(1)}`;
  console.log('Core: parse + check per call, ms (mean / p95); markdownlint 0.40 default rules on the same text');
  console.log(`  ${'text'.padEnd(44)}${'size'.padEnd(10)}${'check (cold)'.padEnd(16)}${'check (edit)'.padEnd(16)}${'markdownlint'.padEnd(16)}cold ÷ markdownlint`);
  for (const r of rows) {
    console.log(`  ${r.text.padEnd(44)}${`${r.kilobytes.toFixed(0)} KB`.padEnd(10)}${ms(r.cold).padEnd(16)}${ms(r.edit).padEnd(16)}${ms(r.markdownlint).padEnd(16)}${(r.cold.mean / r.markdownlint.mean).toFixed(2)}×`);
  }
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
