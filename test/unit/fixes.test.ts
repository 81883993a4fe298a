/** applyEdits and preferredFixEdits: "fix all" gives the same text as fixing one finding at a time. */
import * as assert from 'node:assert/strict';
import { LineIndex, applyEdits, checkBrief, preferredFixEdits, type Finding, type TextEdit } from '../../server/core/src/index';
import { defaultConfig, lineEndingVariants } from '../support/config';

const edit = (index: LineIndex, start: number, end: number, newText: string): TextEdit => ({ range: index.range(start, end), newText });
const check = (text: string) => checkBrief(text, defaultConfig().config).findings;
const fixable = (findings: Finding[]) => findings.filter((f) => f.fixes?.some((x) => x.isPreferred));

/** A brief with several fixable findings on one line (label, body names, separators) and in one title. */
const brief = [
  '---',
  'policy-brief: china-industries',
  '---',
  '',
  '# Generative AI 🚀',
  '',
  '## 1. Draft rules for generative AI 𝑥 providers',
  '',
  '**At a glance:** The Cyberspace Administration of China (CAC) put draft measures on generative AI out for comment. Providers would have to:',
  '',
  '- Pass a security assessment before they offer a service',
  '- Train their models only on lawfully obtained data',
  '',
  '**Comment:** The draft came weeks after the first chatbots went online.',
  '',
  'Article: Measures for the Management of Generative Artificial Intelligence Services (生成式人工智能服務管理辦法(征求意见稿)) ([Link](https://www.cac.gov.cn/example))',
  'issuer: cac；miit、Cyberspace Administration of China',
  'Date: 2023-04-11',
  '',
].join('\n');

/** Applies the first preferred fix, re-checks, and repeats until no preferred fix is left. */
function fixOneByOne(text: string): string {
  for (let round = 0; round < 100; round++) {
    const first = fixable(check(text))[0];
    if (!first) return text;
    text = applyEdits(text, first.fixes!.find((f) => f.isPreferred)!.edits).text;
  }
  assert.fail('one-by-one fixing does not converge');
}

/** Applies all preferred fixes at once, re-checking until nothing changes. */
function fixAll(text: string): { text: string; passes: number } {
  for (let passes = 1; passes < 20; passes++) {
    const { text: next, applied } = applyEdits(text, preferredFixEdits(check(text)));
    if (!applied.length) return { text, passes };
    text = next;
  }
  assert.fail('fix all does not converge');
}

describe('applyEdits', () => {
  it('applies non-overlapping edits in offset order, whatever order they come in', () => {
    const text = 'ab中🚀cd';
    const index = new LineIndex(text);
    const result = applyEdits(text, [edit(index, 5, 6, 'D'), edit(index, 0, 1, 'A'), edit(index, 2, 3, '国')]);
    assert.equal(result.text, 'Ab国🚀Dd');
    assert.deepEqual(result.applied.map((e) => e.range.start.offset), [0, 2, 5]);
  });

  it('drops an edit that overlaps an earlier one', () => {
    const text = 'abcdef';
    const index = new LineIndex(text);
    const result = applyEdits(text, [edit(index, 1, 4, 'X'), edit(index, 3, 5, 'Y'), edit(index, 5, 6, 'Z')]);
    assert.equal(result.text, 'aXeZ');
    assert.equal(result.applied.length, 2);
  });

  it('keeps adjacent edits and an insertion at the end of a replacement', () => {
    const text = 'abcd';
    const index = new LineIndex(text);
    assert.equal(applyEdits(text, [edit(index, 0, 2, 'X'), edit(index, 2, 4, 'Y')]).text, 'XY');
    assert.equal(applyEdits(text, [edit(index, 0, 2, 'X'), edit(index, 2, 2, '+')]).text, 'X+cd');
  });

  it('applies only one of two insertions at the same offset', () => {
    const text = 'abcd';
    const index = new LineIndex(text);
    const result = applyEdits(text, [edit(index, 2, 2, '1'), edit(index, 2, 2, '2')]);
    assert.equal(result.text, 'ab1cd');
    assert.equal(result.applied.length, 1);
  });

  it('returns the text unchanged without edits', () => {
    assert.deepEqual(applyEdits('a\r\nb', []), { text: 'a\r\nb', applied: [] });
  });
});

describe('preferredFixEdits', () => {
  it('takes the preferred fix of each finding and skips fixes that overlap an earlier one', () => {
    const index = new LineIndex('abcdef');
    const finding = (start: number, end: number, newText: string, isPreferred = true): Finding => ({
      ruleId: 'test', severity: 'warning', message: '', range: index.range(start, end),
      fixes: [{ title: 'other', edits: [edit(index, start, end, 'other')] }, { title: 'fix', edits: [edit(index, start, end, newText)], isPreferred }],
    });
    const edits = preferredFixEdits([finding(0, 2, 'X'), finding(1, 3, 'Y'), finding(4, 5, 'Z', false), finding(5, 6, 'W')]);
    assert.deepEqual(edits.map((e) => e.newText), ['X', 'W']);
  });

  it('keeps all edits of a multi-edit fix together', () => {
    const text = 'Article: T (《数据出境安全评估办法》) ([Link](https://x.example))';
    const brief = `# T\n\n## 1. A\n\n${text}\n`;
    const findings = check(brief).filter((f) => f.ruleId === 'citation.book-title-marks');
    assert.equal(findings.length, 1);
    const edits = preferredFixEdits(findings);
    assert.equal(edits.length, 2);
    assert.ok(applyEdits(brief, edits).text.includes('(数据出境安全评估办法)'));
  });
});

describe('fixing several findings on one line', () => {
  for (const variant of lineEndingVariants(brief)) {
    it(`all at once equals one by one (${variant.name})`, () => {
      const findings = check(variant.text);
      const bodiesLine = variant.text.split(/\r?\n/).findIndex((l) => l.startsWith('issuer:'));
      const onLine = fixable(findings).filter((f) => f.range.start.line === bodiesLine);
      assert.ok(onLine.length >= 4, `several fixable findings on the bodies line: ${onLine.map((f) => f.ruleId).join(', ')}`);
      const titleLine = bodiesLine - 1;
      assert.ok(fixable(findings).filter((f) => f.range.start.line === titleLine).length >= 3, 'several fixable findings in the title line');

      const oneByOne = fixOneByOne(variant.text);
      const all = fixAll(variant.text);
      assert.equal(all.text, oneByOne);
      assert.equal(all.passes, 2, 'one pass fixes everything, the second finds nothing');
      assert.deepEqual(fixable(check(all.text)), []);
      // The fixes did what they should and nothing else.
      const lines = all.text.split(/\r?\n/);
      assert.match(lines[bodiesLine], /^Issuing bodies: CAC, MIIT$/);
      assert.match(lines[titleLine], /\(生成式人工智能服务管理办法（征求意见稿）\)/);
      assert.match(lines[titleLine], /Services \(Draft for Comment\) \(/);
      assert.match(lines[titleLine + 2], /^Date: April 11, 2023$/);
      assert.match(lines[13], /^\*\*MERICS comment:\*\* The draft came/);
      // Line endings kept, no line joined or split.
      assert.equal(lines.length, variant.text.split(/\r?\n/).length);
      if (variant.name.includes('CRLF')) assert.ok(!/[^\r]\n/.test(all.text));
      else assert.ok(!all.text.includes('\r'));
      assert.equal(all.text.startsWith('\uFEFF'), variant.text.startsWith('\uFEFF'));
    });
  }
});
