/**
 * Completion over the real protocol: issuing bodies (abbreviation, English, 中文, pinyin and
 * initials), policy titles (catalogue and workspace, English, 中文, pinyin), labels; exact
 * replace ranges on CRLF/CJK text; nothing inside code blocks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, applyLspEdits, positionAt, tempFolder, fileUri } from './support/client';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');

let counter = 0;

/** Opens `text` with `|` marking the cursor; returns the items and a function applying one. */
async function completeAt(client: TestClient, textWithCursor: string, uri = `untitled:completion-${counter++}`) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  await client.open(uri, text);
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as CompletionList | null;
  await client.close(uri);
  const items = result?.items ?? [];
  const apply = (item: CompletionItem) => applyLspEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
  return { items, apply, text, result };
}

/** The brief with topic 1's `Issuing bodies:` line replaced. */
function withBodies(line: string, eol = '\n'): string {
  return brief.replace('Issuing bodies: MITT, NDRC', line).replace(/\n/g, eol);
}

function lineOf(text: string, start: string): string {
  return text.split(/\r?\n/).find((l) => l.startsWith(start))!;
}

describe('LSP completion', function () {
  let client: TestClient;
  let workspace: string;
  before(async () => {
    workspace = tempFolder();
    fs.writeFileSync(path.join(workspace, 'older-issue.md'), [
      '---', 'policy-brief: china-industries', '---', '', '# Older issue', '', '## 1. Widgets', '',
      '**At a glance:** Widgets.', '', '**MERICS comment:** Widgets.', '',
      'Article: Measures on Widget Safety Supervision (小部件安全监督管理办法) ([Link](https://example.org/w))',
      'Issuing bodies: SAMR', 'Date: March 3, 2021', '',
    ].join('\n'));
    client = new TestClient({ pull: true });
    await client.initialize([{ uri: fileUri(workspace), name: 'ws' }]);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  for (const [name, eol, bom] of [['LF', '\n', ''], ['CRLF', '\r\n', ''], ['BOM+CRLF', '\r\n', '\uFEFF']]) {
    for (const query of ['gongxinbu', 'gxb', '工信', '工业和信息化', 'Ministry of Industry and Information', 'miit']) {
      it(`proposes MIIT first for “${query}” and replaces exactly the typed text (${name})`, async () => {
        const { items, apply } = await completeAt(client, bom + withBodies(`Issuing bodies: ${query}|`, eol));
        assert.ok(items.length > 0);
        // “gxb” is the initials of both 工信部 (MIIT) and 国新办 (SCIO): both rank on top.
        const top = items.slice(0, query === 'gxb' ? 2 : 1);
        const miit = top.find((i) => i.label === 'MIIT');
        assert.ok(miit, items.slice(0, 5).map((i) => i.label).join(', '));
        assert.match(miit.detail!, /Ministry of Industry and Information Technology · 工业和信息化部/);
        const result = apply(miit);
        assert.equal(lineOf(result, 'Issuing bodies:'), 'Issuing bodies: MIIT');
        assert.ok(!result.includes('\r\r') && (eol === '\n' || !/[^\r]\n/.test(result)), 'line endings kept');
      });
    }
  }

  it('completes after a separator, inserting the schema separator space; bodies already listed come last, marked', async () => {
    const { items, apply } = await completeAt(client, withBodies('Issuing bodies: MIIT,|'));
    assert.notEqual(items[0].label, 'MIIT');
    const listed = await completeAt(client, withBodies('Issuing bodies: MIIT, mii|'));
    const miit = listed.items.find((i) => i.label === 'MIIT');
    assert.ok(miit, listed.items.map((i) => i.label).join(', '));
    assert.equal(listed.items.at(-1), miit);
    assert.match(miit.labelDetails?.description ?? '', /already listed/);
    const ndrc = items.find((i) => i.label === 'NDRC')!;
    assert.equal(lineOf(apply(ndrc), 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC');
    const typed = await completeAt(client, withBodies('Issuing bodies: MIIT, fagaiwei|'));
    assert.equal(typed.items[0].label, 'NDRC');
    assert.equal(lineOf(typed.apply(typed.items[0]), 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC');
  });

  it('writes the schema separator whatever was typed before the name: "MIIT,fagai" and "MIIT、fagai" give "MIIT, NDRC"', async () => {
    for (const typed of ['MIIT,fagai', 'MIIT、fagai', 'MIIT ,  fagai']) {
      const { items, apply } = await completeAt(client, withBodies(`Issuing bodies: ${typed}|`));
      assert.equal(items[0].label, 'NDRC');
      assert.equal(lineOf(apply(items[0]), 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC', typed);
    }
  });

  it('a typed letter (trigger character) completes on citation lines and answers an empty list in prose', async () => {
    const request = async (textWithCursor: string, triggerCharacter: string) => {
      const offset = textWithCursor.indexOf('|');
      const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
      const uri = `untitled:trigger-${counter++}`;
      await client.open(uri, text);
      const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offset), context: { triggerKind: 2, triggerCharacter } })) as CompletionList;
      await client.close(uri);
      return result;
    };
    const body = await request(withBodies('Issuing bodies: MIIT, s|'), 's');
    assert.ok(body.items.length > 0 && body.isIncomplete);
    const prose = await request(brief.replace('The plan shifts', 'The plan s|hifts'), 's');
    assert.deepEqual(prose, { isIncomplete: false, items: [] });
    // Typed letters never open the label list at the start of a line.
    const label = await request(brief.replace('Article: Implementation', 'A|\n\nArticle: Implementation'), 'A');
    assert.deepEqual(label.items, []);
  });

  it('completes in a later topic with exact document positions (Chinese and emoji before it)', async () => {
    const { items, apply } = await completeAt(client, '\uFEFF' + brief.replace('Issuing bodies: CPCCC, SC', 'Issuing bodies: CPCCC, guowuyuan|').replace(/\n/g, '\r\n'));
    assert.equal(items[0].label, 'SC', items.slice(0, 5).map((i) => i.label).join(', '));
    const result = apply(items[0]);
    assert.equal(result.split('\r\n').filter((l) => l.startsWith('Issuing bodies:'))[1], 'Issuing bodies: CPCCC, SC');
  });

  it('never duplicates text after the cursor (cursor inside a name)', async () => {
    const { items, apply } = await completeAt(client, withBodies('Issuing bodies: gongxin|bu, NDRC'));
    assert.equal(items[0].label, 'MIIT');
    assert.equal(lineOf(apply(items[0]), 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC');
  });

  it('ranks bodies that did not exist on the cited date last and tags them deprecated', async () => {
    const text = withBodies('Issuing bodies: MII|').replace('Date: 2023-01-18', 'Date: January 18, 2023');
    const { items } = await completeAt(client, text);
    const mii = items.find((i) => i.label === 'MII');
    assert.ok(mii, items.map((i) => i.label).join(', '));
    assert.deepEqual(mii.tags, [1]);
    const firstDeprecated = items.findIndex((i) => i.tags?.includes(1));
    assert.ok(items.slice(firstDeprecated).every((i) => i.tags?.includes(1)), 'deprecated items come last');
    assert.ok(items.slice(0, firstDeprecated).length > 0);
  });

  it('proposes nothing inside a fenced code block, even unclosed or while typing the closing fence', async () => {
    const closed = brief.replace('Article: Implementation', '```\nIssuing bodies: gxb|\n```\n\nArticle: Implementation');
    assert.deepEqual((await completeAt(client, closed)).items, []);
    const unclosed = brief.replace('Article: Implementation', '```\nIssuing bodies: gxb\n``|\n\nArticle: Implementation');
    assert.deepEqual((await completeAt(client, unclosed)).items, []);
  });

  it('completes a catalogue title from English words: English + (中文) and fills empty bodies and date', async () => {
    const text = brief.replace(/Article: Implementation[^\n]*\nIssuing bodies: MITT, NDRC\nDate: 2023-01-18/, 'Article: generative artificial intelligence draft|\nIssuing bodies:\nDate:');
    const { items, apply } = await completeAt(client, text);
    const item = items.find((i) => /Draft for Comment/.test(i.label));
    assert.ok(item, items.map((i) => i.label).join(' | '));
    const result = apply(item);
    assert.equal(lineOf(result, 'Article:'), 'Article: Measures for the Management of Generative Artificial Intelligence Services (Draft for Comment) (生成式人工智能服务管理办法（征求意见稿）)');
    assert.equal(lineOf(result, 'Issuing bodies:'), 'Issuing bodies: CAC');
    assert.equal(lineOf(result, 'Date:'), 'Date: April 11, 2023');
  });

  it('pinyin right after "(" with no English title yet ranks the matching Chinese titles (issue 11)', async () => {
    const text = brief.replace(/Article: Implementation[^\n]*/, 'Article: (shengcheng|');
    const { items, apply } = await completeAt(client, text);
    assert.ok(items.length > 0 && items.length < 10, items.map((i) => i.label).join(' | '));
    assert.match(items[0].label, /^生成式人工智能服务管理/);
    assert.match(lineOf(apply(items[0]), 'Article:'), /^Article: \(生成式人工智能服务管理[^)]*$/);
  });

  it('fills a link placeholder, a TODO bodies line and a date placeholder from the catalogue', async () => {
    const text = brief.replace(/Article: Implementation[^\n]*\nIssuing bodies: MITT, NDRC\nDate: 2023-01-18/, 'Article: foundry and forging| ([Link](https://))\nIssuing bodies: TODO\nDate: Month D, YYYY');
    const { items, apply } = await completeAt(client, text);
    const result = apply(items[0]);
    assert.match(lineOf(result, 'Article:'), /^Article: Guiding Opinions on Promoting the High-Quality Development of the Foundry and Forging Industries \(关于推动铸造和锻压行业高质量发展的指导意见\) \(\[Link\]\(https?:\/\/[^)]*\.gov\.cn\/[^)]*\)\)$/);
    assert.equal(lineOf(result, 'Issuing bodies:'), 'Issuing bodies: MIIT, NDRC, MEE');
    assert.equal(lineOf(result, 'Date:'), 'Date: April 14, 2023');
  });

  it('completes inside the Chinese-title parentheses with the Chinese title only (pinyin query)', async () => {
    const text = brief.replace('(“机器人+”应用行动实施方案)', '(shengchengshi|)');
    const { items, apply } = await completeAt(client, text);
    assert.ok(items.length > 0);
    assert.match(items[0].label, /^生成式人工智能服务/);
    const line = lineOf(apply(items[0]), 'Article:');
    assert.match(line, /^Article: Implementation Plan for the Robot\+ Application Action \(生成式人工智能服务[^()]*\) \(\[Link\]\(https:\/\/example\.org\/robot-plus\)\)$/);
  });

  it('completes a Chinese query in the English part and keeps the link after it', async () => {
    const text = brief.replace('Implementation Plan for the Robot+ Application Action (“机器人+”应用行动实施方案)', '生成式|');
    const { items, apply } = await completeAt(client, text);
    assert.ok(items.length > 0);
    assert.match(lineOf(apply(items[0]), 'Article:'), /^Article: [A-Z][^()]+ (\([^()]*\) )?\(生成式人工智能服务[^()]*(（征求意见稿）)?\) \(\[Link\]\(https:\/\/example\.org\/robot-plus\)\)$/);
  });

  it('offers titles already cited in other briefs of the workspace', async () => {
    await client.waitFor(() => client.logs.some((l) => /Archive: indexed \d+ briefs/.test(l)), 'the workspace scan');
    const text = brief.replace(/Article: Implementation[^\n]*\nIssuing bodies: MITT, NDRC\nDate: 2023-01-18/, 'Article: xbjaq|\nIssuing bodies:\nDate:');
    const { items, apply } = await completeAt(client, text);
    const item = items.find((i) => i.label === 'Measures on Widget Safety Supervision');
    assert.ok(item, items.map((i) => i.label).join(' | '));
    assert.match(item.detail!, /cited in older-issue\.md/);
    const result = apply(item);
    assert.equal(lineOf(result, 'Article:'), 'Article: Measures on Widget Safety Supervision (小部件安全监督管理办法)');
    assert.equal(lineOf(result, 'Issuing bodies:'), 'Issuing bodies: SAMR');
    assert.equal(lineOf(result, 'Date:'), 'Date: March 3, 2021');
  });

  it('does not offer the title being typed, which the archive holds from the open brief, as a cited title', async () => {
    // The archive indexes an open brief's current text when it is checked, so the Article line
    // being typed (`robot`) is in it; proposing it would replace the typed word by itself.
    const uri = fileUri(path.join(workspace, 'typing-now.md'));
    const text = brief.replace(/Article: Implementation[^\n]*\nIssuing bodies: MITT, NDRC\nDate: 2023-01-18/, 'Article: robot\nIssuing bodies:\nDate:');
    await client.open(uri, text);
    try {
      await client.diagnostics(uri);
      const position = positionAt(text, text.indexOf('Article: robot') + 'Article: robot'.length);
      const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: 3 } })) as CompletionList | null;
      const labels = (result?.items ?? []).map((i) => i.label);
      assert.ok(!labels.includes('robot'), labels.join(' | '));
      assert.equal(labels[0], 'Implementation Plan for the "Robot+" Application Action', labels.join(' | '));
    } finally {
      await client.close(uri);
    }
  });

  it('completes part labels from the schema at the start of a line, replacing the typed prefix', async () => {
    const text = brief.replace('**MERICS comment:** The plan', '**MER|\n\nThe plan');
    const { items, apply } = await completeAt(client, text);
    const item = items.find((i) => i.label === '**MERICS comment:**');
    assert.ok(item, items.map((i) => i.label).join(' | '));
    assert.ok(apply(item).includes('\n**MERICS comment:** \n'));
    const inside = await completeAt(client, brief.replace('**At a glance:** Seventeen', '**At a gl|ance:** Seventeen'));
    const glance = inside.items.find((i) => i.label === '**At a glance:**')!;
    assert.ok(inside.apply(glance).includes('\n**At a glance:** Seventeen bodies'), 'the completed label is not duplicated');
  });

  it('offers a topic skeleton with the schema parts', async () => {
    const text = brief + '\n## |';
    const { items } = await completeAt(client, text);
    const skeleton = items.find((i) => i.label === 'Topic skeleton');
    assert.ok(skeleton);
    assert.match((skeleton.textEdit as TextEdit).newText, /^## 3\. \$\{1:Headline\}\n\n\*\*At a glance:\*\* /);
  });
});
