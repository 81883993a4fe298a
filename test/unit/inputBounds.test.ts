/**
 * The bounds applied before remark (model/inputBounds.ts): they keep the length and the line
 * breaks of the text, cut only beyond their limits, and leave ordinary briefs untouched.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { limitEmphasis, limitNesting, MAX_EMPHASIS_RUNS, MAX_NESTING } from '../../server/core/src/model/inputBounds';
import { parseMarkdown } from '../../server/core/src/index';
import { read, repoRoot } from '../support/config';

const example = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));

/** Depth of the deepest blockquote/list chain in a tree. */
function depth(node: { children?: unknown[] }): number {
  return 1 + Math.max(0, ...((node.children ?? []) as { children?: unknown[] }[]).map(depth));
}

describe('input bounds before remark', () => {
  it('leave an ordinary brief as it is (the same string)', () => {
    assert.equal(limitNesting(example).text, example);
    assert.equal(limitEmphasis(example).text, example);
    assert.equal(parseMarkdown(example).data?.limits, undefined);
  });

  it(`read block-quote and list markers beyond ${MAX_NESTING} levels as text, keeping length and line breaks`, () => {
    for (const line of [`${'> '.repeat(2000)}x`, `${'- '.repeat(500)}x`, `${'1. '.repeat(100)}x`, `${'>'.repeat(300)} x`, `${'  '.repeat(40)}- x`]) {
      const text = `a\r\n\r\n${line}\nb\n`;
      const { text: bounded, cuts } = limitNesting(text);
      assert.equal(bounded.length, text.length);
      assert.deepEqual(bounded.split(/\r\n|\n/).length, text.split(/\r\n|\n/).length);
      assert.deepEqual(cuts.map((c) => [c.start, c.end]), [[text.indexOf(line), text.indexOf(line) + line.length]]);
      // A list level is two nodes (list, listItem); plus root, paragraph and text.
      assert.ok(depth(parseMarkdown(text)) <= 2 * MAX_NESTING + 4, line.slice(0, 20));
    }
    assert.deepEqual(limitNesting(`${'> '.repeat(MAX_NESTING)}x`).cuts, []);
  });

  it(`read * and _ as text in a paragraph with more than ${MAX_EMPHASIS_RUNS} runs, keeping a * list marker`, () => {
    const paragraph = `* ${'*a* '.repeat(MAX_EMPHASIS_RUNS)}`;
    const text = `Keep *this*.\n\n${paragraph}\n\nAnd _this_.\n`;
    const { text: bounded, cuts } = limitEmphasis(text);
    assert.equal(bounded.length, text.length);
    assert.deepEqual(cuts.map((c) => text.slice(c.start, c.end)), [paragraph]);
    assert.ok(bounded.startsWith('Keep *this*.\n\n* ') && bounded.endsWith('And _this_.\n'));
    assert.ok(!/[*_]/.test(bounded.slice(cuts[0].start + 2, cuts[0].end)));
    assert.deepEqual(limitEmphasis(`${'*a* '.repeat(MAX_EMPHASIS_RUNS / 2)}`).cuts, []);
  });

  it('leave fenced code alone: its * and _ are neither counted nor cut, its > and - lines never cut', () => {
    const code = Array.from({ length: 400 }, (_, i) => `my_var_${i} = other_value_${i} * 2_0`).join('\n');
    const text = `Some *prose*.\n\n\`\`\`python\n${code}\n${'> '.repeat(100)}x\n\`\`\`\n\nAfter _it_.\n`;
    assert.equal(limitEmphasis(text).text, text);
    assert.deepEqual(limitEmphasis(text).cuts, []);
    assert.equal(limitNesting(text).text, text);
    // The same lines outside a fence are cut.
    assert.equal(limitEmphasis(`${code}\n`).cuts.length, 1);
    assert.equal(limitNesting(`${'> '.repeat(100)}x\n`).cuts.length, 1);
  });
});
