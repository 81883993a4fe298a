/**
 * completionItem/resolve over the real protocol: a client that resolves documentation and
 * additional edits lazily (as VS Code declares in `completionItem.resolveSupport`) gets light
 * items, and resolving one fills in exactly what a client without resolve support gets at once.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, CompletionResolveRequest, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, applyLspEdits, positionAt } from './support/client';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');
/** Topic 1's citation with an empty bodies line and a date placeholder, the cursor after a title query. */
const titleText = brief.replace(/Article: Implementation[^\n]*\nIssuing bodies: MITT, NDRC\nDate: 2023-01-18/, 'Article: foundry and forging| ([Link](https://))\nIssuing bodies:\nDate: Month D, YYYY');
const bodyText = brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: gongxinbu|');
const VS_CODE_RESOLVES = ['documentation', 'detail', 'additionalTextEdits'];

let counter = 0;

async function listAt(client: TestClient, textWithCursor: string): Promise<{ uri: string; text: string; items: CompletionItem[] }> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const uri = `untitled:resolve-${counter++}`;
  await client.open(uri, text);
  const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as CompletionList;
  return { uri, text, items: list.items };
}

const apply = (text: string, item: CompletionItem) => applyLspEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);

describe('LSP completionItem/resolve', function () {
  this.timeout(60000);
  let lazy: TestClient;
  let eager: TestClient;
  before(async () => {
    lazy = new TestClient({ completionResolve: VS_CODE_RESOLVES });
    eager = new TestClient();
    await Promise.all([lazy.initialize([]), eager.initialize([])]);
  });
  after(async () => {
    await Promise.all([lazy.stop(), eager.stop()]);
  });

  it('a policy title: the list leaves out documentation and the citation edits; resolve fills them as an eager client gets them', async () => {
    const light = await listAt(lazy, titleText);
    const full = await listAt(eager, titleText);
    assert.deepEqual(light.items.map((i) => [i.label, i.textEdit]), full.items.map((i) => [i.label, i.textEdit]));
    assert.ok(full.items[0].documentation && full.items[0].additionalTextEdits?.length, 'the eager client gets everything at once');
    assert.ok(light.items.every((i) => i.documentation === undefined && i.additionalTextEdits === undefined && i.data !== undefined));
    for (const index of light.items.keys()) {
      const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, light.items[index]);
      assert.deepEqual(resolved.documentation, full.items[index].documentation);
      assert.deepEqual(resolved.additionalTextEdits, full.items[index].additionalTextEdits);
      assert.equal(apply(light.text, resolved), apply(full.text, full.items[index]));
    }
    const accepted = apply(light.text, await lazy.connection.sendRequest(CompletionResolveRequest.type, light.items[0]));
    assert.match(accepted, /\nIssuing bodies: MIIT, NDRC, MEE\nDate: April 14, 2023\n/);
    assert.match(accepted, /\(关于推动铸造和锻压行业高质量发展的指导意见\) \(\[Link\]\(https?:\/\/[^)]*\.gov\.cn\/[^)]*\)\)\n/);
  });

  it('an issuing body: resolve fills the documentation', async () => {
    const light = await listAt(lazy, bodyText);
    const full = await listAt(eager, bodyText);
    assert.equal(light.items[0].label, 'MIIT');
    assert.equal(light.items[0].documentation, undefined);
    const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, light.items[0]);
    assert.deepEqual(resolved.documentation, full.items[0].documentation);
    assert.match(JSON.stringify(resolved.documentation), /工业和信息化部/);
  });

  it('after the document changed, resolve still gives the documentation but no edits for the old text', async () => {
    const light = await listAt(lazy, titleText);
    await lazy.edit(light.uri, 0, 0, '\n');
    const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, light.items[0]);
    assert.ok(resolved.documentation);
    assert.equal(resolved.additionalTextEdits, undefined);
  });

  it('an item the server did not make, or of a forgotten list, comes back unchanged', async () => {
    const foreign: CompletionItem = { label: 'x', data: { policyBriefList: 999999, index: 0 } };
    assert.deepEqual(await lazy.connection.sendRequest(CompletionResolveRequest.type, foreign), foreign);
    assert.deepEqual(await lazy.connection.sendRequest(CompletionResolveRequest.type, { label: 'plain' }), { label: 'plain' });
  });
});
