/**
 * Exact finding ranges on lines that mix Han, Latin and astral characters before and after the
 * target, on line 3 and later, with LF, CRLF and a BOM: the range covers exactly the target text
 * and `character` counts UTF-16 code units from the start of its own line.
 */
import * as assert from 'node:assert/strict';
import { checkBrief, type Finding } from '../../server/core/src/index';
import { defaultConfig, lineEndingVariants } from '../support/config';

const brief = [
  '---',
  'policy-brief: china-industries',
  '---',
  '',
  '# 测试 🚀 Ranges',
  '',
  '1. 🚀𝑥 中文 A headline that differs',
  '',
  '## 1. 𝑥 中文 🚀 A headline with astral characters',
  '',
  '**At a glance：**中国 🚀 The Ministry of Industry and Information Technology (MIIT) issued a plan. It aims to:',
  '',
  '- Promote 𝑥 robots 机器人 in ten sectors',
  '- Build 🚀 test centers for robots',
  '',
  '**Comment：**🚀中文 The plan shifts the focus to using robots.',
  '',
  'Article: 🚀 Implementation Plan for the 𝑥 Robot Test (机器人测试实施方案(试行)) ([Link](https://www.miit.gov.cn/example))',
  'Issuing bodies: MIIT、MOE',
  'Date: 𝑥 2023-01-18',
  '',
].join('\n');

/** [rule id, text the range must cover, the line it is on (0-based)]. */
const expected: [string, string, number][] = [
  ['structure.topics-list', '🚀𝑥 中文 A headline that differs', 6],
  ['structure.label-format', 'Comment', 15],
  // 试行 in the Chinese title, no "Trial" in the English one (document types: 试行 ↔ Trial).
  ['citation.document-type-mismatch', '🚀 Implementation Plan for the 𝑥 Robot Test', 17],
  // One half-width pair: one finding from '(' to ')'.
  ['citation.halfwidth-punctuation', '(试行)', 17],
  ['issuing-body.list-format', '、', 18],
  ['date.invalid', '𝑥 2023-01-18', 19],
];

describe('finding ranges on mixed-script lines', () => {
  for (const variant of lineEndingVariants(brief)) {
    it(`cover exactly their target (${variant.name})`, () => {
      const { findings, lineIndex } = checkBrief(variant.text, defaultConfig().config);
      const actual = findings.map((f: Finding) => [f.ruleId, variant.text.slice(f.range.start.offset, f.range.end.offset), f.range.start.line]);
      assert.deepEqual(actual, expected);
      for (const f of findings) {
        for (const p of [f.range.start, f.range.end]) {
          assert.equal(p.character, p.offset - lineIndex.lineStarts[p.line], 'character is relative to the line');
          assert.equal(lineIndex.offsetAt(p.line, p.character), p.offset);
        }
        const line = lineIndex.lineText(f.range.start.line);
        assert.equal(line.slice(f.range.start.character, f.range.end.character), variant.text.slice(f.range.start.offset, f.range.end.offset));
      }
      // The half-width '(' sits after Han characters and two astral characters earlier on the line.
      const paren = findings.find((f) => f.ruleId === 'citation.halfwidth-punctuation')!;
      const articleLine = lineIndex.lineText(17);
      assert.equal(paren.range.start.character, articleLine.indexOf('(试行'));
      assert.equal([...articleLine.slice(0, paren.range.start.character)].length, paren.range.start.character - 2, 'two astral characters before it');
    });
  }
});
