/** LabelMatcher: labels are found in raw source, bold or plain, with `:` or `：`, any text after them. */
import * as assert from 'node:assert/strict';
import { LabelMatcher } from '../../server/core/src/model/labels';

const matcher = new LabelMatcher(['At a glance', 'MERICS comment', 'Comment']);

/** The label's name, whole label and colon as written in `line` (spans shifted by 100). */
function match(line: string) {
  const m = matcher.match(line, 100);
  if (!m) return undefined;
  for (const span of [m.name, m.whole, ...(m.colon ? [m.colon] : [])]) assert.equal(line.slice(span.start - 100, span.end - 100), span.text);
  return { name: m.name.text, whole: m.whole.text, colon: m.colon?.text, nameStart: m.name.start - 100, wholeEnd: m.whole.end - 100 };
}

describe('LabelMatcher', () => {
  const cases: [string, { name: string; whole: string; colon?: string }][] = [
    ['**At a glance:** The ministry', { name: 'At a glance', whole: '**At a glance:**', colon: ':' }],
    ['**At a glance：**中国发布', { name: 'At a glance', whole: '**At a glance：**', colon: '：' }],
    ['**At a glance:**The ministry', { name: 'At a glance', whole: '**At a glance:**', colon: ':' }],
    ['**At a glance**: The ministry', { name: 'At a glance', whole: '**At a glance**:', colon: ':' }],
    ['**At a glance**：中国', { name: 'At a glance', whole: '**At a glance**：', colon: '：' }],
    ['At a glance: The ministry', { name: 'At a glance', whole: 'At a glance:', colon: ':' }],
    ['At a glance：中国', { name: 'At a glance', whole: 'At a glance：', colon: '：' }],
    ['__At a glance__:text', { name: 'At a glance', whole: '__At a glance__:', colon: ':' }],
    ['*At a glance:* text', { name: 'At a glance', whole: '*At a glance:*', colon: ':' }],
    ['   **at a GLANCE:** 🚀 text', { name: 'at a GLANCE', whole: '**at a GLANCE:**', colon: ':' }],
    ['**At  a\tglance:** text', { name: 'At  a\tglance', whole: '**At  a\tglance:**', colon: ':' }],
    ['**At a glance** text without colon', { name: 'At a glance', whole: '**At a glance**', colon: undefined }],
  ];
  for (const [line, expected] of cases) {
    it(`matches ${JSON.stringify(line)}`, () => {
      const m = match(line);
      assert.ok(m, 'no match');
      assert.equal(m.name, expected.name);
      assert.equal(m.whole, expected.whole);
      assert.equal(m.colon, expected.colon);
    });
  }

  it('prefers the longer label (MERICS comment over Comment)', () => {
    assert.equal(match('**MERICS comment:** x')?.name, 'MERICS comment');
    assert.equal(match('Comment: x')?.name, 'Comment');
  });

  it('gives offsets in document coordinates after leading spaces', () => {
    const m = match('  **At a glance:** x')!;
    assert.equal(m.nameStart, 4);
    assert.equal(m.wholeEnd, 18);
  });

  const rejected = [
    'At a glance the ministry published', // no colon, no emphasis
    'At a glancer: words', // label followed by letters
    'Commentary: more', // longer word
    '**At a glance:_ text', // mismatched emphasis
    'The At a glance: part', // not at line start
    '',
  ];
  for (const line of rejected) {
    it(`does not match ${JSON.stringify(line)}`, () => assert.equal(matcher.match(line, 0), undefined));
  }
});
