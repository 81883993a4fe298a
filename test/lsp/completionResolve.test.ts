/**
 * completionItem/resolve over the real protocol: a client that resolves documentation lazily (as
 * VS Code declares in `completionItem.resolveSupport`) gets items without it, and resolving one
 * fills in exactly what a client without resolve support gets at once. Additional edits (a
 * title's link, bodies and date) are in the list whatever the client offers to resolve: VS Code
 * drops resolved edits that start after the inserted text, or that come after acceptance.
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

  it('a policy title: the list leaves out the documentation only; the citation edits are in it; resolve fills the documentation as an eager client gets it', async () => {
    const light = await listAt(lazy, titleText);
    const full = await listAt(eager, titleText);
    assert.deepEqual(light.items.map((i) => [i.label, i.textEdit, i.additionalTextEdits]), full.items.map((i) => [i.label, i.textEdit, i.additionalTextEdits]));
    assert.ok(full.items[0].documentation && full.items[0].additionalTextEdits?.length, 'the eager client gets everything at once');
    assert.ok(light.items.every((i) => i.documentation === undefined && i.data !== undefined));
    // Accepted before any resolve (VS Code accepting before the focused item resolved): nothing lost.
    const accepted = apply(light.text, light.items[0]);
    assert.match(accepted, /\nIssuing bodies: MIIT, NDRC, MEE\nDate: April 14, 2023\n/);
    assert.match(accepted, /\(关于推动铸造和锻压行业高质量发展的指导意见\) \(\[Link\]\(https?:\/\/[^)]*\.gov\.cn\/[^)]*\)\)\n/);
    for (const index of light.items.keys()) {
      const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, light.items[index]);
      assert.deepEqual(resolved.documentation, full.items[index].documentation);
      assert.deepEqual(resolved.additionalTextEdits, full.items[index].additionalTextEdits);
      assert.equal(apply(light.text, resolved), apply(full.text, full.items[index]));
    }
  });

  it('partial resolve support: only documentation defers the documentation; only additionalTextEdits defers nothing', async () => {
    const full = await listAt(eager, titleText);
    const docsOnly = new TestClient({ completionResolve: ['documentation'] });
    const editsOnly = new TestClient({ completionResolve: ['additionalTextEdits'] });
    try {
      await Promise.all([docsOnly.initialize([]), editsOnly.initialize([])]);
      const docs = await listAt(docsOnly, titleText);
      assert.deepEqual(docs.items.map((i) => [i.label, i.textEdit, i.additionalTextEdits]), full.items.map((i) => [i.label, i.textEdit, i.additionalTextEdits]));
      assert.ok(docs.items.every((i) => i.documentation === undefined));
      assert.deepEqual((await docsOnly.connection.sendRequest(CompletionResolveRequest.type, docs.items[0])).documentation, full.items[0].documentation);
      const edits = await listAt(editsOnly, titleText);
      assert.deepEqual(edits.items, full.items);
    } finally {
      await Promise.all([docsOnly.stop(), editsOnly.stop()]);
    }
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

  it('after the document changed, resolve gives the documentation and leaves the edits the item has', async () => {
    const light = await listAt(lazy, titleText);
    assert.ok(light.items[0].additionalTextEdits?.length);
    await lazy.edit(light.uri, 0, 0, '\n');
    const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, light.items[0]);
    assert.ok(resolved.documentation);
    assert.deepEqual(resolved.additionalTextEdits, light.items[0].additionalTextEdits);
  });

  it('an item the server did not make, of a forgotten list, of another server process or with another label comes back unchanged', async () => {
    const foreign: CompletionItem = { label: 'x', data: { policyBriefList: 999999, index: 0 } };
    assert.deepEqual(await lazy.connection.sendRequest(CompletionResolveRequest.type, foreign), foreign);
    assert.deepEqual(await lazy.connection.sendRequest(CompletionResolveRequest.type, { label: 'plain' }), { label: 'plain' });
    const body = (await listAt(lazy, bodyText)).items[0];
    const relabelled = { ...body, label: 'NDRC' };
    assert.deepEqual(await lazy.connection.sendRequest(CompletionResolveRequest.type, relabelled), relabelled);
    // A restarted server: its first list has the ids of the old server's first list.
    const before = new TestClient({ completionResolve: VS_CODE_RESOLVES });
    const after = new TestClient({ completionResolve: VS_CODE_RESOLVES });
    try {
      await Promise.all([before.initialize([]), after.initialize([])]);
      const old = (await listAt(before, bodyText)).items[0];
      const current = (await listAt(after, titleText)).items;
      assert.deepEqual([old.data.policyBriefList, old.data.index], [current[0].data.policyBriefList, current[0].data.index]);
      assert.deepEqual(await after.connection.sendRequest(CompletionResolveRequest.type, old), old);
      // Even with the label of the new list's item.
      const stale = { ...old, label: current[0].label };
      assert.deepEqual(await after.connection.sendRequest(CompletionResolveRequest.type, stale), stale);
    } finally {
      await Promise.all([before.stop(), after.stop()]);
    }
  });
});
