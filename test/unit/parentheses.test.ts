/** THE parentheses scanner (model/parentheses.ts) that the Article value and titles in prose share. */
import * as assert from 'node:assert/strict';
import { BOOK_TITLE_MARKS, HAN, outermostPairs, ownTitleText, scanParentheses } from '../../server/core/src/model/parentheses';
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

  it('pairs 《》 when asked, nested ones too', () => {
    const text = '《关于印发《X》的通知》 》';
    const { pairs, topLevel, unmatched } = scanParentheses(text, 0, text.length, undefined, BOOK_TITLE_MARKS);
    assert.deepEqual(pairs.map((p) => text.slice(p.open, p.close + 1)), ['《X》', '《关于印发《X》的通知》']);
    assert.deepEqual(topLevel.length, 1);
    assert.deepEqual([...unmatched], [text.length - 1]);
  });

  describe('the Chinese title of an Article value', () => {
    const read = (text: string, style: 'ascii' | 'fullwidth' = 'ascii') => {
      const parsed = parseArticleValue(text, { start: 0, end: text.length, text }, [], style);
      const at = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
      return { title: parsed.chineseTitle?.text, open: at(parsed.openParen), close: at(parsed.closeParen), english: parsed.englishTitle?.text };
    };

    it('in 《》 used in place of parentheses: the whole run, its own （） included', () => {
      assert.deepEqual(read('Guidelines for the IoT Standards System (2024 Edition) 《物联网标准体系建设指南（2024版）》'), {
        title: '物联网标准体系建设指南（2024版）', open: '《', close: '》', english: 'Guidelines for the IoT Standards System (2024 Edition)',
      });
      // After citation.title-parentheses' fix: still read whole.
      assert.equal(read('Guidelines for the IoT Standards System (2024 Edition) (物联网标准体系建设指南（2024版）)').title, '物联网标准体系建设指南（2024版）');
    });

    it('without brackets: the whole run, a （） or 《》 written inside it included', () => {
      assert.deepEqual(read('Guidelines (2024 Edition) 物联网标准体系建设指南（2024版）（试行）'), { title: '物联网标准体系建设指南（2024版）（试行）', open: undefined, close: undefined, english: 'Guidelines (2024 Edition)' });
      assert.equal(read('Notice on Issuing Made in China 2025 国务院关于印发《中国制造2025》的通知').title, '国务院关于印发《中国制造2025》的通知');
      assert.equal(read('Reading of Made in China 2025 《中国制造2025》解读').title, '《中国制造2025》解读');
    });

    it('in parentheses: 《》 and （） inside are the title\'s; a document number after it is not', () => {
      assert.deepEqual(read('Notice (关于《数据管理办法（征求意见稿）》公开征求意见的通知)'), { title: '关于《数据管理办法（征求意见稿）》公开征求意见的通知', open: '(', close: ')', english: 'Notice' });
      assert.equal(read('Measures （数据出境安全评估办法）（国家互联网信息办公室令第11号）', 'fullwidth').title, '数据出境安全评估办法');
      assert.equal(read('Measures (《数据出境安全评估办法》)').title, '《数据出境安全评估办法》');
    });
  });

  it('ownTitleText: a title without the titles nested in it; outer 《》 are no nested title', () => {
    assert.equal(ownTitleText('关于《数据管理办法（征求意见稿）》公开征求意见的通知'), '关于公开征求意见的通知');
    assert.equal(ownTitleText('《数据管理办法（征求意见稿）》'), '数据管理办法（征求意见稿）');
    assert.equal(ownTitleText('《关于印发《X（征求意见稿）》的通知》'), '关于印发的通知');
    assert.equal(ownTitleText('数据管理办法（征求意见稿）'), '数据管理办法（征求意见稿）');
    assert.equal(ownTitleText('《数据管理办法（征求意见稿）'), '《数据管理办法（征求意见稿）');
  });
});
