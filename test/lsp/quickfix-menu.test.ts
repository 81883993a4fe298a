/**
 * The Ctrl+. menu over the real protocol, as an author sees it: a typo gets "Replace with …"
 * first (Damerau distance: swapped letters count one edit), adding to the team catalogue is never
 * preferred, opens the file at the new entry and does not hide a likely typo; fix all of a rule,
 * fix all in the document, disable a rule for a line or the brief, the rule's docs; one finding
 * per half-width parenthesis pair; a two-digit year is never fixed to a century.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, ShowDocumentRequest,
  type CodeAction, type CreateFile, type Diagnostic, type ShowDocumentParams, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient, applyLspEdits, tempFolder, fileUri } from './support/client';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');

async function menu(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const result = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  return (result ?? []) as CodeAction[];
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return (action.edit!.documentChanges! as TextDocumentEdit[]).filter((c) => 'textDocument' in c && c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
}

describe('LSP quick-fix menu', function () {
  let client: TestClient;
  let workspace: string;
  const shown: ShowDocumentParams[] = [];
  before(async () => {
    workspace = tempFolder();
    fs.mkdirSync(path.join(workspace, '.git'));
    client = new TestClient({ pull: true });
    client.connection.onRequest(ShowDocumentRequest.type, (params) => {
      shown.push(params);
      return { success: true };
    });
    await client.initialize([{ uri: fileUri(workspace), name: 'ws' }]);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('a swapped-letter typo (NDCR): "Replace with NDRC" first and preferred; adding to the team catalogue last, not preferred, opening the new entry; the stub does not hide the typo', async () => {
    const file = path.join(workspace, 'typo.md');
    const text = brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: MIIT, NDCR');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    await client.open(uri, text);
    const unknown = (await client.diagnostics(uri)).find((d) => d.code === 'issuing-body.unknown')!;
    assert.match(unknown.message as string, /Did you mean NDRC\?/);
    const actions = await menu(client, uri, unknown);
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], "Replace with 'NDRC'");
    assert.equal(actions[0].isPreferred, true);
    const add = actions.find((a) => a.title === "Add 'NDCR' to the team catalogue")!;
    assert.ok(add, titles.join(' | '));
    assert.ok(titles.indexOf(add.title) > 0);
    assert.notEqual(add.isPreferred, true);
    // The action's command opens the catalogue at the new entry's `- id:` line.
    const catalogue = path.join(workspace, '.policy-brief', 'issuing-bodies.yaml');
    const changes = add.edit!.documentChanges!;
    assert.equal((changes[0] as CreateFile).uri, fileUri(catalogue));
    const written = applyLspEdits('', (changes[1] as TextDocumentEdit).edits as TextEdit[]);
    assert.equal(add.command?.arguments?.[0], fileUri(catalogue));
    const line = add.command!.arguments![1] as number;
    assert.match(written.split('\n')[line], /^\s*- id: NDCR$/);
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command!.command, arguments: add.command!.arguments });
    assert.deepEqual(shown.at(-1), { uri: fileUri(catalogue), takeFocus: true, selection: { start: { line, character: 0 }, end: { line, character: 0 } } });
    // With the stub in the team catalogue the name still looks like a typo: still reported.
    fs.mkdirSync(path.dirname(catalogue), { recursive: true });
    fs.writeFileSync(catalogue, written);
    const refreshes = client.refreshes;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(catalogue), type: FileChangeType.Created }] });
    await client.waitFor(() => client.refreshes > refreshes, 'a diagnostic refresh');
    const still = (await client.diagnostics(uri)).find((d) => d.code === 'issuing-body.unknown');
    assert.ok(still, 'the typo is hidden by the stub entry');
    assert.match(still.message as string, /unfinished entry of the team catalogue.*Did you mean NDRC\?/);
    const fix = (await menu(client, uri, still))[0];
    assert.equal(fix.title, "Replace with 'NDRC'");
    fs.rmSync(path.dirname(catalogue), { recursive: true, force: true });
    await client.close(uri);
  });

  it('offers fix all of this rule, fix all in this document, disable for this line or brief, and the docs', async () => {
    const uri = 'untitled:menu.md';
    const text = brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: MIIT，NDRC、MEE').replace('Date: December 2, 2022', 'Date: 2022-12-02');
    await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri);
    const separator = diagnostics.find((d) => d.code === 'issuing-body.list-format')!;
    const actions = await menu(client, uri, separator);
    const titles = actions.map((a) => a.title);
    for (const title of [
      'Fix all issuing-body.list-format problems in this document',
      'Fix all auto-fixable problems in this document',
      'Disable issuing-body.list-format for this line',
      'Disable issuing-body.list-format for this brief',
      'Show documentation for issuing-body.list-format',
    ]) assert.ok(titles.includes(title), `${title} missing: ${titles.join(' | ')}`);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    // Fix all of the rule: both separators, nothing else.
    const ofRule = applyLspEdits(text, editsOf(actions.find((a) => a.title.startsWith('Fix all issuing-body'))!, uri));
    assert.match(ofRule, /Issuing bodies: MIIT, NDRC, MEE/);
    assert.match(ofRule, /Date: 2022-12-02/);
    // Fix all in the document: the date too.
    const all = applyLspEdits(text, editsOf(actions.find((a) => a.title === 'Fix all auto-fixable problems in this document')!, uri));
    assert.match(all, /Date: December 2, 2022/);
    // Disable for the brief: a comment after the front matter; the findings of that rule go.
    const disabled = applyLspEdits(text, editsOf(actions.find((a) => a.title === 'Disable issuing-body.list-format for this brief')!, uri));
    assert.match(disabled, /^---\npolicy-brief: china-industries\n---\n<!-- policy-brief-disable-file issuing-body.list-format -->\n/);
    await client.replace(uri, disabled);
    let after = await client.diagnostics(uri);
    assert.ok(!after.some((d) => d.code === 'issuing-body.list-format'));
    assert.ok(after.some((d) => d.code === 'date.invalid'), 'other rules still run');
    // Disable for the line: a comment at its end.
    await client.replace(uri, text);
    const line = applyLspEdits(text, editsOf((await menu(client, uri, (await client.diagnostics(uri)).find((d) => d.code === 'issuing-body.list-format')!)).find((a) => a.title === 'Disable issuing-body.list-format for this line')!, uri));
    assert.match(line, /Issuing bodies: MIIT，NDRC、MEE <!-- policy-brief-disable-line issuing-body.list-format -->\n/);
    await client.replace(uri, line);
    after = await client.diagnostics(uri);
    assert.ok(!after.some((d) => d.code === 'issuing-body.list-format'));
    // The docs: the bundled page, opened in the editor (offline).
    const docs = actions.find((a) => a.title === 'Show documentation for issuing-body.list-format')!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: docs.command!.command, arguments: docs.command!.arguments });
    assert.match(shown.at(-1)!.uri, /^file:.*\/docs\/rules\/issuing-body\.list-format\.md$/);
    await client.close(uri);
  });

  it('a finding in the front matter: "Disable for this brief" only, never an HTML comment inside the YAML', async () => {
    const uri = 'untitled:front-matter.md';
    const text = brief.replace('policy-brief: china-industries\n', 'policy-brief: china-industries\ndate: "2023-13-45"\n');
    await client.open(uri, text);
    const finding = (await client.diagnostics(uri)).find((d) => d.code === 'front-matter.issue-date')!;
    assert.ok(finding, 'front-matter.issue-date is reported');
    const titles = (await menu(client, uri, finding)).map((a) => a.title);
    assert.ok(titles.includes('Disable front-matter.issue-date for this brief'), titles.join(' | '));
    assert.ok(!titles.includes('Disable front-matter.issue-date for this line'), titles.join(' | '));
    await client.close(uri);
  });

  it('a two-digit year: both centuries offered, neither preferred; fix all in the document leaves the date (never 0022)', async () => {
    const uri = 'untitled:short-year.md';
    const text = brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: MIIT，NDRC').replace('Date: December 2, 2022', 'Date: December 2, 22');
    await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri);
    const date = diagnostics.find((d) => d.code === 'date.invalid' && /'December 2, 22' does not write the year in full/.test(d.message as string))!;
    assert.ok(date, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.ok(!diagnostics.some((d) => d.code === 'issuing-body.not-in-existence'), 'no body is checked against 1922 or 0022');
    const actions = await menu(client, uri, date);
    const writes = actions.filter((a) => a.title.startsWith('Write '));
    assert.deepEqual(writes.map((a) => a.title), ["Write 'December 2, 2022'", "Write 'December 2, 1922'"]);
    assert.ok(writes.every((a) => !a.isPreferred));
    const separator = diagnostics.find((d) => d.code === 'issuing-body.list-format')!;
    const fixAll = (await menu(client, uri, separator)).find((a) => a.title === 'Fix all auto-fixable problems in this document')!;
    const fixed = applyLspEdits(text, editsOf(fixAll, uri));
    assert.match(fixed, /Issuing bodies: MIIT, NDRC\n/);
    assert.match(fixed, /Date: December 2, 22\n/);
    await client.close(uri);
  });

  it('one half-width parenthesis pair in a Chinese title is one finding with one fix', async () => {
    const uri = 'untitled:pair.md';
    const text = brief.replace('(“机器人+”应用行动实施方案)', '(“机器人+”应用行动实施方案(试行))');
    await client.open(uri, text);
    const found = (await client.diagnostics(uri)).filter((d) => d.code === 'citation.halfwidth-punctuation');
    assert.equal(found.length, 1, JSON.stringify(found.map((d) => d.message)));
    assert.match(found[0].message as string, /Half-width '\(\)'.*'（）'/);
    const fixes = (await menu(client, uri, found[0])).filter((a) => a.isPreferred);
    assert.equal(fixes.length, 1);
    assert.match(applyLspEdits(text, editsOf(fixes[0], uri)), /应用行动实施方案（试行）\)/);
    await client.close(uri);
  });
});
