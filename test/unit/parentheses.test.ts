/** THE parentheses scanner (model/parentheses.ts) that the Article value and titles in prose share. */
import * as assert from 'node:assert/strict';
import { HAN, outermostPairs, scanParentheses } from '../../server/core/src/model/parentheses';
import { parseArticleValue } from '../../server/core/src/model/article';
import { readProseTitles } from '../../server/core/src/model/proseTitles';

describe('parentheses scanner', () => {
  it('balanced pairs of mixed ASCII and full-width parentheses, top-level pairs and unmatched ones', () => {
    const text = 'a (b （c) d） ) e (f';
    const { pairs, topLevel, unmatched } = scanParentheses(text, 0, text.length);
    assert.deepEqual(pairs.map((p) => text.slice(p.open, p.close + 1)), ['（c)', '(b （c) d）']);
    assert.deepEqual(topLevel.map((p) => text.slice(p.open, p.close + 1)), ['(b （c) d）']);
    assert.deepEqual([...unmatched].sort((x, y) => x - y), [text.indexOf(' )') + 1, text.lastIndexOf('(')]);
  });

  it('outermost pairs inside a stray opening parenthesis', () => {
    const text = 'x (y (中国(上海)) z (b)';
    const { pairs, topLevel } = scanParentheses(text, 0, text.length);
    assert.deepEqual(topLevel, [], 'the stray ( leaves no top-level pair');
    assert.deepEqual(outermostPairs(pairs).map((p) => text.slice(p.open, p.close + 1)), ['(中国(上海))', '(b)']);
  });

  it('HAN includes 〇 (U+3007): the Article value and titles in prose read the same characters', () => {
    assert.ok(HAN.test('〇'));
    const text = 'Plan for 2030 (二〇三〇年行动方案)';
    const value = { start: 0, end: text.length, text };
    assert.equal(parseArticleValue(text, value, [], 'ascii').chineseTitle?.text, '二〇三〇年行动方案');
    const [title] = readProseTitles(`The Action Plan for Twenty Thirty (二〇三〇年行动方案) sets goals.`, [{ start: 0, end: 58, text: '' }]);
    assert.equal(title?.article?.parsed.chineseTitle?.text, '二〇三〇年行动方案');
  });
});
