/**
 * Property-based tests of the brief core (fast-check, seeded so CI is reproducible).
 *
 * Starting from the valid examples (LF, CRLF, BOM variants), random mutations delete, duplicate
 * and swap lines and topics, insert nasty Unicode and broken Markdown, and truncate. Properties:
 *  (a) checkBrief never throws and no rule crashes (`internal.rule-failed`);
 *  (b) every range lies in the document, start ≤ end, on UTF-16 boundaries, never inside CRLF;
 *  (c) preferred fixes resolve their findings; any single fix changes only its edit ranges;
 *  (d) LF and CRLF forms give the same findings;
 *  (e) parsing with a ParseCache across edits equals parsing from scratch.
 *
 * Reproduce a failure with the seed and path fast-check prints, or override the run:
 * `FUZZ_SEED=123 FUZZ_RUNS=500 npx mocha test/fuzz/core.property.test.ts`.
 */
import fc from 'fast-check';
import { defaultConfig } from '../support/config';
import { mutatedDocument, seedDocuments } from './support/mutations';
import { checkCase, versionsOf } from './support/cases';
import { assertAllProperties, assertIncrementalEqualsFull, FuzzParseCache } from './support/properties';

const SEED = Number(process.env.FUZZ_SEED ?? 20260429);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const INCREMENTAL_RUNS = Number(process.env.FUZZ_INCREMENTAL_RUNS ?? Math.max(10, Math.round(RUNS / 4)));

describe('core properties under random mutation (fast-check)', function () {
  this.timeout(300_000);
  const seeds = seedDocuments();
  const config = () => defaultConfig().config;
  const cache = new FuzzParseCache();

  it('the unmutated seeds satisfy every property', () => {
    for (const seed of seeds) assertAllProperties(seed.text, config(), cache);
  });

  it(`(a)–(d) hold for mutated briefs (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutatedDocument, (c) => checkCase(seeds, config(), cache, c, false)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`(e) incremental parsing equals full parsing across edit sequences (${INCREMENTAL_RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutatedDocument, (c) => assertIncrementalEqualsFull([seeds[c.seed].text, ...versionsOf(seeds, c)], config())),
      { seed: SEED + 1, numRuns: INCREMENTAL_RUNS },
    );
  });
});
