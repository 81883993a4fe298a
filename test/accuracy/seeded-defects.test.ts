/**
 * The seeded-defect set: briefs of the team's own writing (test/accuracy/briefs/), each with one
 * subtle, realistic mistake of one class (issuing-body dates, predecessor chains, drafts and
 * finals, document numbers, document types, law issuers, local issuers, future dates, and the
 * older classes: catalogue mismatches, unknown or non-canonical bodies, list format, dates,
 * Chinese punctuation, parts, numbering …), plus clean controls. `expected.json` lists, per file,
 * the class and the findings (rule id, 1-based line) the mistake must produce.
 *
 * The test reports precision and recall over the set; it requires 100% recall (every seeded
 * mistake found, on its line) and no finding at all on the controls. "Today" is fixed so the
 * result does not depend on the day the test runs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkBrief } from '../../server/core/src/index';
import { defaultConfig, repoRoot } from '../support/config';

interface Entry {
  class: string;
  findings: { rule: string; line: number }[];
}

const dir = path.join(repoRoot, 'test', 'accuracy');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Entry>;
const TODAY = Date.UTC(2025, 5, 30);

describe('seeded-defect set: precision and recall', () => {
  const files = fs.readdirSync(path.join(dir, 'briefs')).filter((f) => f.endsWith('.md')).sort();
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  const extras: string[] = [];

  it('every brief has an entry in expected.json and the other way round', () => {
    assert.deepEqual(files, Object.keys(expected).sort());
  });

  it('has at least 40 seeded briefs across the classes, and clean controls', () => {
    const seeded = files.filter((f) => expected[f]?.class !== 'control');
    assert.ok(seeded.length >= 40, `${seeded.length} seeded briefs`);
    assert.ok(seeded.every((f) => expected[f].findings.length > 0), 'a seeded brief expects at least one finding');
    assert.ok(files.length - seeded.length >= 5, 'controls');
    assert.ok(new Set(seeded.map((f) => expected[f].class)).size >= 25, 'classes');
  });

  for (const file of files) {
    it(`${file}: ${expected[file]?.class ?? '?'}`, () => {
      const text = fs.readFileSync(path.join(dir, 'briefs', file), 'utf8');
      const found = checkBrief(text, defaultConfig().config, { today: TODAY }).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
      const wanted = expected[file].findings.map((f) => `${f.rule}@${f.line}`);
      const remaining = [...found];
      for (const w of wanted) {
        const at = remaining.indexOf(w);
        if (at >= 0) {
          truePositives++;
          remaining.splice(at, 1);
        } else {
          falseNegatives++;
          misses.push(`${file}: ${w}`);
        }
      }
      falsePositives += remaining.length;
      extras.push(...remaining.map((r) => `${file}: ${r}`));
      if (expected[file].class === 'control') assert.deepEqual(found, [], 'a control has no finding');
      assert.deepEqual(wanted.filter((w) => !found.includes(w)), [], 'missed');
    });
  }

  after(() => {
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives);
    console.log(`      seeded-defect set: ${files.length} briefs, ${truePositives} found, ${falseNegatives} missed, ${falsePositives} extra; precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`);
    for (const m of misses) console.log(`        missed ${m}`);
    for (const e of extras) console.log(`        extra  ${e}`);
  });
});
