/**
 * Regression tests for bugs the fuzzer found, each with the minimal input. The name says what
 * broke; the fuzz case that found it is in the comment.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, checkBrief, preferredFixEdits } from '../../server/core/src/index';
import { defaultConfig } from '../support/config';
import { assertAllProperties } from './support/properties';

/** A one-topic brief whose Article line is `article`. */
function briefWith(article: string, eol = '\n'): string {
  return [
    '---',
    'policy-brief: china-industries',
    '---',
    '',
    '# Title',
    '',
    '1. Headline',
    '',
    '## 1. Headline',
    '',
    '**At a glance:** Lead text.',
    '',
    '- Point one',
    '- Point two',
    '- Point three',
    '',
    '**MERICS comment:** Comment text.',
    '',
    'More comment text.',
    '',
    article,
    'Issuing bodies: CAC',
    'Date: April 11, 2023',
    '',
  ].join(eol);
}

function findingsOf(text: string, ruleId: string) {
  return checkBrief(text, defaultConfig().config).findings.filter((f) => f.ruleId === ruleId);
}

describe('fuzz regressions', () => {
  describe('citation.title-parentheses: the preferred fix resolves an unpaired parenthesis', () => {
    // Found by fuzz-long --seed 20260429 (truncate inside the Article line): "… (关" got a fix
    // that wrapped 关 in a second pair, "((关)", which the parser again read as unenclosed.
    it('an unclosed ( before the Chinese title gets only the missing )', () => {
      const text = briefWith('Article: Measures on Data (数据管理办法');
      const [finding] = findingsOf(text, 'citation.title-parentheses');
      assert.ok(finding, 'the unclosed parenthesis is reported');
      const fixed = applyEdits(text, preferredFixEdits([finding])).text;
      assert.ok(fixed.includes('Article: Measures on Data (数据管理办法)\n'), fixed);
      assert.deepEqual(findingsOf(fixed, 'citation.title-parentheses'), []);
    });

    // Found by fuzz-long --seed 1267: ")" replaced by "（\r" left "(互…规定（" with the link on the next line.
    it('an unclosed ( and a stray （ after the title: the title stops at the stray parenthesis', () => {
      for (const eol of ['\n', '\r\n']) {
        const text = briefWith('Article: Provisions on Services (服务管理规定（\r ([Link](https://example.org/a))', eol);
        const [finding] = findingsOf(text, 'citation.title-parentheses');
        assert.ok(finding);
        const fixed = applyEdits(text, preferredFixEdits([finding])).text;
        assert.deepEqual(findingsOf(fixed, 'citation.title-parentheses'), [], JSON.stringify(fixed));
        assertAllProperties(text, defaultConfig().config);
      }
    });

    it('an unopened ) after the title gets only the missing (', () => {
      const text = briefWith('Article: Measures on Data 数据管理办法) ([Link](https://example.org/a))');
      const [finding] = findingsOf(text, 'citation.title-parentheses');
      assert.ok(finding);
      const fixed = applyEdits(text, preferredFixEdits([finding])).text;
      assert.ok(fixed.includes('Article: Measures on Data (数据管理办法) ([Link]'), fixed);
      assert.deepEqual(findingsOf(fixed, 'citation.title-parentheses'), []);
    });

    // Found by fuzz-long --seed 5347: a stray "(" early in the Article value hid the balanced
    // "(中文)" group (it was no longer at depth 0), and enclosing the title again did not help.
    it('a stray ( earlier in the value does not hide the balanced Chinese title group', () => {
      const text = briefWith('Article:(Article: Provisions on Services (服务管理规定) ([Link](https://example.org/a))');
      assert.deepEqual(findingsOf(text, 'citation.title-parentheses'), []);
      const { model } = checkBrief(text, defaultConfig().config);
      assert.equal(model.topics[0].citations[0].article?.parsed.chineseTitle?.text, '服务管理规定');
      assertAllProperties(text, defaultConfig().config);
    });

    it('a title without any parentheses is still enclosed in both', () => {
      const text = briefWith('Article: Measures on Data 数据管理办法 ([Link](https://example.org/a))');
      const [finding] = findingsOf(text, 'citation.title-parentheses');
      const fixed = applyEdits(text, preferredFixEdits([finding])).text;
      assert.ok(fixed.includes('Article: Measures on Data (数据管理办法) ([Link]'), fixed);
    });
  });
});
