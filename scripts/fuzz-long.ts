/**
 * The long fuzz run of the brief core: the same mutations and properties as
 * `test/fuzz/core.property.test.ts`, many more cases, and it keeps going after a failure so one
 * run finds every distinct failure.
 *
 *   npx tsx scripts/fuzz-long.ts [--runs 100000] [--seed 1] [--incremental-every 4] [--progress 1000] [--max-failures 50]
 *
 * `--runs` is the number of mutated documents (each is a seed brief plus 1–6 mutations).
 * Case i uses the fast-check seed `seed + i`, so a single failing case is reproduced with
 * `--seed <seed + i> --runs 1`. Failures are shrunk by fast-check and printed as JSON
 * (seed index and mutation list) together with the first line of the assertion message;
 * failures with the same property and message shape are grouped.
 * Exit code: 0 when every case passed, 1 otherwise.
 */
import fc from 'fast-check';
import { defaultConfig } from '../test/support/config';
import { mutatedDocument, seedDocuments } from '../test/fuzz/support/mutations';
import { checkCase, type FuzzCase } from '../test/fuzz/support/cases';
import { FuzzParseCache } from '../test/fuzz/support/properties';

interface Options {
  runs: number;
  seed: number;
  incrementalEvery: number;
  progress: number;
  maxFailures: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 100_000, seed: 1, incrementalEvery: 4, progress: 1000, maxFailures: 50 };
  const names: Record<string, keyof Options> = { '--runs': 'runs', '--seed': 'seed', '--incremental-every': 'incrementalEvery', '--progress': 'progress', '--max-failures': 'maxFailures' };
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value)) throw new Error(`usage: fuzz-long.ts [--runs N] [--seed S] [--incremental-every K] [--progress P] [--max-failures F]; bad argument '${argv[i]}'`);
    options[key] = value;
    i++;
  }
  return options;
}

/** The failure kind used to group failures: `(property) subject: problem` (see `message` in properties.ts). */
function signature(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const line = message.split('\n').find((l) => l.trim()) ?? message;
  return line.split(' — ')[0].slice(0, 200);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const seeds = seedDocuments();
  const config = defaultConfig().config;
  const cache = new FuzzParseCache();
  const groups = new Map<string, { count: number; first: { seed: number; counterexample: FuzzCase; message: string } }>();
  let failures = 0;
  const started = Date.now();
  console.log(`fuzz-long: ${options.runs} mutated briefs, seed ${options.seed}, incremental check every ${options.incrementalEvery} cases`);
  for (let i = 0; i < options.runs; i++) {
    const incremental = options.incrementalEvery > 0 && i % options.incrementalEvery === 0;
    const details = fc.check(fc.property(mutatedDocument, (c) => checkCase(seeds, config, cache, c, incremental)), { seed: options.seed + i, numRuns: 1 });
    if (details.failed) {
      failures++;
      const key = signature(details.errorInstance);
      const group = groups.get(key);
      if (group) group.count++;
      else {
        const counterexample = details.counterexample![0] as FuzzCase;
        const message = ((details.errorInstance as Error)?.message ?? String(details.errorInstance)).split('\n').slice(0, 6).join('\n');
        groups.set(key, { count: 1, first: { seed: options.seed + i, counterexample, message } });
        console.log(`\nFAIL case ${i} (--seed ${options.seed + i} --runs 1): ${key}\n  counterexample: ${JSON.stringify(counterexample)}\n  ${message.replace(/\n/g, '\n  ')}`);
      }
      if (failures >= options.maxFailures) {
        console.log(`stopping after ${failures} failures`);
        break;
      }
    }
    if ((i + 1) % options.progress === 0) {
      const seconds = (Date.now() - started) / 1000;
      console.log(`${i + 1}/${options.runs} cases, ${failures} failing, ${seconds.toFixed(0)} s, ${((i + 1) / seconds).toFixed(1)} cases/s`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\nsummary: ${failures} failing case(s) in ${groups.size} group(s); ${seconds.toFixed(0)} s`);
  for (const [key, group] of groups) console.log(`  ${group.count}× ${key}\n     first: --seed ${group.first.seed} --runs 1  ${JSON.stringify(group.first.counterexample)}`);
  process.exitCode = failures ? 1 : 0;
}

main();
