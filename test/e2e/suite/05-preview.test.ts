import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFile, revert, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

interface PreviewState {
  html: string;
  version: number;
  documentVersion?: number;
  report?: { version: number; topics: number; markers: number; citations: number };
}

/** The preview's state once the webview shows `document` as it is now (or a later version of it). */
async function previewState(document: vscode.TextDocument): Promise<PreviewState> {
  const uri = document.uri;
  const state = await vscode.commands.executeCommand<PreviewState | undefined>('policyBrief.test.getPreviewState', {
    uri: uri.toString(), waitForWebview: true, minDocumentVersion: document.version, timeoutMs: 30_000,
  });
  assert.ok(state, `no preview open for ${uri.path}`);
  return state;
}

suite('Preview', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('renders the brief as a newsletter, and the webview script runs under the CSP', async () => {
    const editor = await openFile('briefs/clean.md');
    await vscode.commands.executeCommand('policyBrief.showPreviewToSide');
    const state = await previewState(editor.document);
    const { html } = state;
    assert.match(html, /<h1 class="pb-title"[^>]*>Casting plants \+ Service robots<\/h1>/);
    assert.match(html, /<a href="#pb-topic-1" class="pb-topic-link">Casting plants get a 2025 upgrade plan<\/a>/);
    assert.equal(html.match(/<section class="pb-topic"/g)?.length, 2);
    assert.match(html, /<aside class="pb-part pb-part--summary" data-part="at-a-glance"/);
    assert.match(html, /class="pb-part pb-part--commentary" data-part="comment"/);
    assert.match(html, /<p class="pb-citation-title-zh" lang="zh-CN"[^>]*>关于推动铸造和锻压行业高质量发展的指导意见<\/p>/);
    assert.match(html, /title="中华人民共和国工业和信息化部"[^>]*><span class="pb-body-name" lang="en">Ministry of Industry and Information Technology<\/span>/);
    assert.match(html, /<time datetime="2023-04-14">April 14, 2023<\/time>/);
    // The webview's script reported what it shows: it loaded with its nonce.
    assert.deepEqual({ topics: state.report?.topics, citations: state.report?.citations }, { topics: 2, citations: 2 });
  });

  test('updates while typing', async () => {
    const editor = await openFile('briefs/clean.md');
    await vscode.commands.executeCommand('policyBrief.showPreviewToSide');
    const before = await previewState(editor.document);
    assert.doesNotMatch(before.html, /Quickly Double the robot density/);
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('- Double the robot density'));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 2), 'Quickly ')));
    const after = await previewState(editor.document);
    assert.equal(after.documentVersion, editor.document.version);
    assert.match(after.html, /Quickly Double the robot density/);
    await revert(editor);
  });

  test('a preview hidden behind another editor shows the edits made meanwhile when it comes back', async () => {
    const editor = await openFile('briefs/clean.md');
    await vscode.commands.executeCommand('policyBrief.showPreviewToSide');
    await previewState(editor.document);
    // Another editor in the preview's column hides the preview (its webview is discarded).
    const other = await vscode.workspace.openTextDocument(workspaceFile('briefs/hostile.md'));
    await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Two, preview: false, preserveFocus: true });
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('- Double the robot density'));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 2), 'Meanwhile ')));
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('policyBrief.showPreviewToSide');
    const state = await previewState(editor.document);
    assert.match(state.html, /Meanwhile Double the robot density/);
    await revert(editor);
  });

  test('shows the server\'s problems in place', async () => {
    const editor = await openFile('briefs/quickfix.md');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'issuing-body.unknown');
    await vscode.commands.executeCommand('policyBrief.showPreviewToSide');
    const state = await previewState(editor.document);
    assert.match(state.html, /<li data-line="18" class="pb-has-finding pb-has-warning"><span class="pb-marker pb-marker-warning"[^>]*title="[^"]*MITT[^"]*"/);
    assert.ok((state.report?.markers ?? 0) >= 1, 'the webview shows at least one marker');
  });

  test('hostile content is sanitized: no script, no handlers, no javascript: links, no remote images', async () => {
    const editor = await openFile('briefs/hostile.md');
    await vscode.commands.executeCommand('policyBrief.showPreview');
    const { html } = await previewState(editor.document);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\bon[a-z]+=/i);
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /\ssrc=/i, 'no element loads anything');
    assert.match(html, /<span class="pb-image-dropped" title="https:\/\/example\.com\/tracker\.png">remote<\/span>/);
    assert.match(html, /A <a>javascript link<\/a>/);
  });

  test('the preview command on a non-Markdown file does nothing harmful', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'hello' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('policyBrief.showPreview');
    const html = await vscode.commands.executeCommand<string | undefined>('policyBrief.test.getPreviewHtml', document.uri.toString());
    assert.equal(html, undefined);
  });
});
