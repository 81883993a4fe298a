/**
 * Pathological inputs: checkBrief must finish and return a result on each (no timing asserts:
 * the times are printed, and recorded in docs/robustness.md). Inputs: 10,000 unclosed `**`,
 * 10,000 × `[a](b`, deep parentheses, 100,000-blank runs, a 5 MB brief, 50,000-line files,
 * 1 MB lines, 1 MB of binary junk and of random UTF-16.
 */
import * as assert from 'node:assert/strict';
import { checkBrief } from '../../server/core/src/index';
import { defaultConfig } from '../support/config';
import { PATHOLOGICAL } from './support/pathological';
import { assertValidRanges } from './support/properties';

describe('pathological inputs complete', function () {
  this.timeout(600_000);
  const times: string[] = [];
  after(() => {
    if (times.length) console.log(`\n    checkBrief times (this machine, this run):\n${times.map((t) => `      ${t}`).join('\n')}`);
  });

  for (const input of PATHOLOGICAL) {
    it(input.name, () => {
      const text = input.build();
      const started = performance.now();
      const result = checkBrief(text, defaultConfig().config);
      const ms = performance.now() - started;
      times.push(`${input.name}: ${(Buffer.byteLength(text) / 1_048_576).toFixed(2)} MB, ${ms.toFixed(0)} ms, ${result.findings.length} findings`);
      assert.equal(result.cancelled, false);
      assert.equal(result.model.text, text);
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'internal.rule-failed').map((f) => f.message), []);
      assertValidRanges(text, result);
    });
  }
});
