// language-configuration.json: contributed for the `markdown` language id. VS Code merges the
// language configurations of all extensions per property (a property set by a later file replaces
// the earlier one whole; properties it leaves out keep Markdown's). So the file must (a) contain
// Markdown's own pairs plus the CJK ones, and (b) set nothing else that would replace Markdown's
// settings (comments, folding, word pattern, …). See docs/extension-decisions.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { repoRoot } from '../support/config';

interface LanguageConfiguration {
  brackets?: [string, string][];
  autoClosingPairs?: ({ open: string; close: string; notIn?: string[] } | [string, string])[];
  surroundingPairs?: ([string, string] | { open: string; close: string })[];
  autoCloseBefore?: string;
  [key: string]: unknown;
}

const text = fs.readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8');
const pair = (p: { open: string; close: string } | [string, string]): string => (Array.isArray(p) ? p.join('') : p.open + p.close);

/** The CJK pairs: parentheses, book-title marks, corner brackets, double and single quotes. */
const CJK_PAIRS = ['（）', '《》', '「」', '“”', '‘’'];
/** Markdown's own pairs (VS Code markdown-basics language-configuration.json), kept as they are. */
const MARKDOWN = {
  brackets: ['{}', '[]', '()'],
  autoClosingPairs: ['{}', '[]', '()', '<>'],
  surroundingPairs: ['()', '[]', '``', '__', '**', '{}', "''", '""', '<>', '~~'],
};

describe('language-configuration.json', () => {
  it('is strict JSON (no comments, no trailing commas) and an object', () => {
    const parsed = JSON.parse(text) as unknown;
    assert.ok(parsed && typeof parsed === 'object' && !Array.isArray(parsed));
  });

  const config = JSON.parse(text) as LanguageConfiguration;

  it('auto-closes and surrounds with each CJK pair', () => {
    const closing = config.autoClosingPairs!.map(pair);
    const surrounding = config.surroundingPairs!.map(pair);
    for (const cjk of CJK_PAIRS) {
      assert.ok(closing.includes(cjk), `autoClosingPairs lacks ${cjk}`);
      assert.ok(surrounding.includes(cjk), `surroundingPairs lacks ${cjk}`);
    }
    for (const bracket of ['（）', '《》', '「」']) assert.ok(config.brackets!.map(pair).includes(bracket), `brackets lacks ${bracket}`);
  });

  it("keeps every pair of Markdown's own configuration, with its conditions", () => {
    assert.deepEqual(config.brackets!.map(pair).slice(0, MARKDOWN.brackets.length), MARKDOWN.brackets);
    assert.deepEqual(config.autoClosingPairs!.map(pair).slice(0, MARKDOWN.autoClosingPairs.length), MARKDOWN.autoClosingPairs);
    assert.deepEqual(config.surroundingPairs!.map(pair).slice(0, MARKDOWN.surroundingPairs.length), MARKDOWN.surroundingPairs);
    assert.deepEqual(config.autoClosingPairs!.find((p) => pair(p) === '<>'), { open: '<', close: '>', notIn: ['string'] });
  });

  it("sets only pair properties, so Markdown's comments, folding and word pattern stay in force", () => {
    assert.deepEqual(Object.keys(config).sort(), ['autoCloseBefore', 'autoClosingPairs', 'brackets', 'surroundingPairs']);
  });

  it('closes pairs before whitespace, closing marks and CJK punctuation, not before text', () => {
    const before = config.autoCloseBefore!;
    for (const c of [' ', '\t', '\n', ')', ']', '}', '，', '。', '、', '；', '：', '）', '》', '」', '”']) assert.ok(before.includes(c), JSON.stringify(c));
    for (const c of ['a', '中', '1']) assert.ok(!before.includes(c), c);
  });

  it('has no duplicate pairs', () => {
    for (const key of ['brackets', 'autoClosingPairs', 'surroundingPairs'] as const) {
      const pairs = (config[key] as Parameters<typeof pair>[0][]).map(pair);
      assert.equal(new Set(pairs).size, pairs.length, key);
    }
  });
});
