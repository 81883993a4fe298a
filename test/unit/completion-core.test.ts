/**
 * Completion in-process, on the pure core (as vscode-markdown-languageservice tests it): `|` marks
 * the cursor in the text; the tests assert the proposals and the text after accepting one.
 * The same behaviour over the real protocol is in test/lsp/completion.test.ts.
 */
import * as assert from 'node:assert/strict';
import { complete, LineIndex, parseBrief, type CompletionProposal, type CompletionTrigger, type TextEdit } from '../../server/core/src/index';
import * as path from 'node:path';
import { loadConfig } from '../../server/src/config/projectConfig';
import { defaultConfig, repoRoot } from '../support/config';

const HEAD = ['---', 'policy-brief: china-industries', '---', '', '# Issue', '', '## 1. One', '', '**At a glance:** Text.', '', '**MERICS comment:** Text.', ''];

/** A brief whose first topic ends with `lines`; `|` in them marks the cursor. */
function brief(...lines: string[]): string {
  return [...HEAD, ...lines, ''].join('\n');
}

/** Completes at the `|` of `textWithCursor`. */
function completeAt(textWithCursor: string, trigger?: CompletionTrigger) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const { config } = defaultConfig();
  const result = complete({ text, model: parseBrief(text, config.schema), lineIndex: new LineIndex(text), schema: config.schema, catalogue: config.catalogue, trigger }, offset);
  /** The document after accepting `item` (main edit and additional edits). */
  const accept = (item: CompletionProposal) => apply(text, [item.edit, ...(item.additionalEdits ?? [])]);
  return { ...result, text, accept, labels: result.items.map((i) => i.label) };
}

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  }
  return out;
}

function lineOf(text: string, start: string): string {
  return text.split('\n').find((l) => l.startsWith(start))!;
}

describe('completion (core, in process)', () => {
  describe('issuing bodies', () => {
    it('inserts the schema separator after another body: `MIIT,fagai|` → `MIIT, NDRC`', () => {
      const { items, accept } = completeAt(brief('Issuing bodies: MIIT,fagai|'), 'character');
      assert.equal(items[0].label, 'NDRC');
      assert.equal(lineOf(accept(items[0]), 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC');
    });

    it('keeps a correct separator and replaces a wrong one (`MIIT、 SAM|`, `MIIT , |`)', () => {
      const typed = completeAt(brief('Issuing bodies: MIIT、 SAM|'), 'character');
      assert.equal(typed.items[0].label, 'SAMR');
      assert.equal(lineOf(typed.accept(typed.items[0]), 'Issuing bodies:'), 'Issuing bodies: MIIT, SAMR');
      const empty = completeAt(brief('Issuing bodies: MIIT , |'), 'character');
      const first = empty.items[0];
      assert.equal(lineOf(empty.accept(first), 'Issuing bodies:'), `Issuing bodies: MIIT, ${first.label}`);
    });

    it('shows a body already on the line, marked and after the others, instead of nothing', () => {
      const { items } = completeAt(brief('Issuing bodies: MIIT, mii|'), 'character');
      const miit = items.find((i) => i.label === 'MIIT');
      assert.ok(miit, `MIIT missing: ${items.map((i) => i.label).join(' ')}`);
      assert.match(miit.description ?? '', /already listed/);
      assert.equal(items[items.length - 1], miit);
    });

    it('after a full name that contains "and" (`MIIT, National Development and Reform Commission and fag|`): only the last name is replaced', () => {
      const { items, accept } = completeAt(brief('Issuing bodies: MIIT, National Development and Reform Commission and fag|'), 'character');
      assert.ok(items.length > 0, 'proposals for `fag`');
      const listedNdrc = items.find((i) => i.label === 'NDRC');
      assert.ok(listedNdrc, `NDRC missing: ${items.map((i) => i.label).join(' ')}`);
      assert.match(listedNdrc.description ?? '', /already listed/, 'the full name on the line is NDRC');
      const first = items[0];
      assert.equal(lineOf(accept(first), 'Issuing bodies:'), `Issuing bodies: MIIT, National Development and Reform Commission and ${first.label}`);
    });

    it('writes the name of the cited time: before CNIPA became its name (2018-08-28), SIPO', () => {
      const before = completeAt(brief('Article: Measures on Patents (专利办法)', 'Issuing bodies: intellectual prop|', 'Date: May 4, 2015'), 'character');
      assert.ok(before.labels.includes('SIPO') && !before.labels.includes('CNIPA'), before.labels.join(' '));
      const after = completeAt(brief('Article: Measures on Patents (专利办法)', 'Issuing bodies: intellectual prop|', 'Date: May 4, 2020'), 'character');
      assert.ok(after.labels.includes('CNIPA') && !after.labels.includes('SIPO'), after.labels.join(' '));
    });

    it('after `: ` typed letters complete (trigger character) and replace only the token', () => {
      const { items, accept } = completeAt(brief('Issuing bodies: gongxin|'), 'character');
      assert.equal(items[0].label, 'MIIT');
      assert.equal(lineOf(accept(items[0]), 'Issuing bodies:'), 'Issuing bodies: MIIT');
    });
  });

  describe('issuing bodies in other publications (schema pattern captures)', () => {
    /** Completes at the `‸` of `textWithCursor` (`|` is part of these formats) with the bundled publication schema `name`. */
    const completeIn = (name: string, textWithCursor: string) => {
      const offset = textWithCursor.indexOf('‸');
      const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
      const { config } = loadConfig(path.join(repoRoot, 'examples', 'publications', name, '.policy-brief'));
      const result = complete({ text, model: parseBrief(text, config.schema), lineIndex: new LineIndex(text), schema: config.schema, catalogue: config.catalogue, trigger: 'character' }, offset);
      return { ...result, accept: (item: CompletionProposal) => apply(text, [item.edit, ...(item.additionalEdits ?? [])]) };
    };
    const tracker = (line: string) => `# Tracker\n\n## Data exports\n\nPolicy | Data\n\n${line}\n\n《数据出境安全评估办法》\n\nA summary.\n`;

    it('on a citation line `CAC, MI‸ | 07.2022`: the name under the cursor is replaced, the rest of the line is kept', () => {
      const { items, accept } = completeIn('policy-tracker', tracker('CAC, MI‸ | 07.2022'));
      assert.equal(items[0].label, 'MIIT');
      assert.equal(lineOf(accept(items[0]), 'CAC'), 'CAC, MIIT | 07.2022');
      assert.ok(items.every((i) => i.edit.range.end.offset <= tracker('CAC, MI | 07.2022').indexOf(' | 07')), 'no edit reaches past the captured bodies');
    });

    it('on a citation line, a body already listed is marked and last; after the separator the schema separator is kept', () => {
      const { items, accept } = completeIn('policy-tracker', tracker('CAC,fagai‸ | 07.2022'));
      assert.equal(items[0].label, 'NDRC');
      assert.equal(lineOf(accept(items[0]), 'CAC'), 'CAC, NDRC | 07.2022');
      const listed = completeIn('policy-tracker', tracker('CAC, ca‸ | 07.2022')).items;
      const cac = listed.find((i) => i.label === 'CAC');
      assert.ok(cac && /already listed/.test(cac.description ?? ''), 'CAC marked as already listed');
    });

    it('in a topic heading whose metadata names the bodies (`## 1. MIIT and SA‸ issued …`): ` and ` separates names', () => {
      const tmt = '---\ndate: 2024-09-10\n---\n\n# Update\n\nIntro.\n\n## 1. MIIT and SA‸ issued guidelines for robots (26 August)\n\nA summary.\n';
      const { items, accept } = completeIn('china-tmt-update', tmt);
      const samr = items.find((i) => i.label === 'SAMR');
      assert.ok(samr, `SAMR missing: ${items.map((i) => i.label).join(' ')}`);
      assert.equal(lineOf(accept(samr), '## 1.'), '## 1. MIIT and SAMR issued guidelines for robots (26 August)');
    });

    it('in a heading after a full name that contains "and" (`The Ministry of Industry and Information Technology and fag‸`): only the name under the cursor is replaced', () => {
      const tmt = '---\ndate: 2024-01-10\n---\n\n# Update\n\nIntro.\n\n## 1. The Ministry of Industry and Information Technology and fag‸ issued a plan for the data trade (28 December)\n\nA summary.\n';
      const { items, accept } = completeIn('china-tmt-update', tmt);
      const ndrc = items.find((i) => i.label === 'NDRC');
      assert.ok(ndrc, `NDRC missing: ${items.map((i) => i.label).join(' ')}`);
      assert.equal(lineOf(accept(ndrc), '## 1.'), '## 1. The Ministry of Industry and Information Technology and NDRC issued a plan for the data trade (28 December)');
      const miit = items.find((i) => i.label === 'MIIT');
      assert.ok(!miit || /already listed/.test(miit.description ?? ''), 'MIIT is the first name of the heading: marked as already listed');
      assert.ok(items.every((i) => apply(tmt.replace('‸', ''), [i.edit]).includes('Ministry of Industry and Information Technology and ')), 'no proposal replaces the first body');
    });

    it('nothing on the other captures of the line (the date, the category) or in the prose', () => {
      assert.deepEqual(completeIn('policy-tracker', tracker('CAC | 07.20‸22')).items, []);
      assert.deepEqual(completeIn('policy-tracker', tracker('CAC | 07.2022').replace('Policy | Da', 'Policy | Da‸')).items, []);
      assert.deepEqual(completeIn('policy-tracker', tracker('CAC | 07.2022').replace('A summ', 'A summ‸')).items, []);
    });
  });

  describe('policy titles', () => {
    it('pinyin right after `(` with no English title yet ranks the matching titles (issue 11)', () => {
      const { items, accept } = completeAt(brief('Article: (shengcheng|', 'Issuing bodies: ', 'Date: '), 'character');
      assert.ok(items.length > 0 && items.length < 10, `${items.length} items: ${items.map((i) => i.label).join(' | ')}`);
      assert.match(items[0].label, /^生成式人工智能服务管理/);
      assert.match(lineOf(accept(items[0]), 'Article:'), /^Article: \(生成式人工智能服务管理/);
    });

    for (const [english, expected] of [
      ['Interim Measures for the Management of Generative Artificial Intelligence Services', '生成式人工智能服务管理暂行办法'],
      ['Measures for the Management of Generative Artificial Intelligence Services (Draft for Comment)', '生成式人工智能服务管理办法（征求意见稿）'],
    ]) {
      it(`pinyin inside the parentheses ranks the title matching the English on the line first (${expected})`, () => {
        const { items } = completeAt(brief(`Article: ${english} (shengcheng|)`), 'character');
        assert.equal(items[0].label, expected);
      });
    }

    it('an exact phrase ranks above a title that merely contains the letters', () => {
      const { labels } = completeAt(brief('Article: robot|'), 'character');
      assert.equal(labels[0], 'Implementation Plan for the "Robot+" Application Action');
      assert.ok(labels.includes('14th Five-Year Plan for the Development of the Robotics Industry'));
    });

    it('fuzzy hits do not pad a list that has real matches', () => {
      const { labels } = completeAt(brief('Article: deep synthesis|'), 'character');
      assert.deepEqual(labels.map((l) => /Deep Synthesis/.test(l)), labels.map(() => true));
    });

    it('accepting a title fills empty or placeholder bodies and date lines and the link placeholder', () => {
      const { items, accept } = completeAt(brief('Article: foundry and forging| ([Link](https://))', 'Issuing bodies: TODO', 'Date: Month D, YYYY'), 'character');
      const after = accept(items[0]);
      assert.equal(lineOf(after, 'Article:'), `Article: Guiding Opinions on Promoting the High-Quality Development of the Foundry and Forging Industries (关于推动铸造和锻压行业高质量发展的指导意见) ([Link](${lineOf(after, 'Article:').match(/\(\[Link\]\((https?:\/\/[^)]*\.gov\.cn[^)]*)\)\)$/)?.[1]}))`);
      assert.match(lineOf(after, 'Article:'), /\[Link\]\(https?:\/\/[^)]*\.gov\.cn/);
      assert.equal(lineOf(after, 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC, MEE');
      assert.equal(lineOf(after, 'Date:'), 'Date: April 14, 2023');
    });

    it('appends the official link when the Article line has none, and leaves filled lines alone', () => {
      const { items, accept } = completeAt(brief('Article: foundry and forging|', 'Issuing bodies: MIIT', 'Date: May 1, 2023'), 'character');
      const after = accept(items[0]);
      assert.match(lineOf(after, 'Article:'), /（?\(关于推动铸造和锻压行业高质量发展的指导意见\) \(\[Link\]\(https?:\/\/[^)]*\.gov\.cn[^)]*\)\)$/);
      assert.equal(lineOf(after, 'Issuing bodies:'), 'Issuing bodies: MIIT');
      assert.equal(lineOf(after, 'Date:'), 'Date: May 1, 2023');
    });
  });

  describe('labels and skeletons', () => {
    it('typed letters at the start of a line open no list; Ctrl+Space does', () => {
      assert.equal(completeAt(brief('At|'), 'character').items.length, 0);
      assert.ok(completeAt(brief('At|')).labels.includes('**At a glance:**'));
    });

    it('numbers the topic skeleton from its place: between topics 1 and 2 it is topic 2', () => {
      const text = [...HEAD, 'Article: X', '', '|', '', '## 2. Two', '', '**At a glance:** T.', ''].join('\n');
      const skeleton = completeAt(text).items.find((i) => i.label === 'Topic skeleton')!;
      assert.match(skeleton.edit.newText, /^## 2\. /);
      const last = completeAt(text.replace('|', '') + '\n|').items.find((i) => i.label === 'Topic skeleton')!;
      assert.match(last.edit.newText, /^## 3\. /);
    });

    it('typed as the snippet prefix brief-topic, the numbered topic skeleton comes first, preselected', () => {
      const text = [...HEAD, 'Article: X', '', 'brief-top|', '', '## 2. Two', '', '**At a glance:** T.', ''].join('\n');
      const { items } = completeAt(text);
      assert.deepEqual(items.map((i) => i.label), ['brief-topic']);
      assert.equal(items[0].preselect, true);
      assert.equal(items[0].sortText, '0000');
      assert.match(items[0].edit.newText, /^## 2\. \$\{1:Headline\}/);
    });
  });
});
