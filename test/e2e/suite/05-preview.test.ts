import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, DEADLINE_MS, openFile, revert, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

interface PreviewState {
  html: string;
  version: number;
  documentVersion?: number;
  /** `state`: the webview's persisted state (what VS Code hands the serializer after a reload). */
  report?: { version: number; topics: number; markers: number; citations: number; state?: { uri?: string; line?: number } };
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

/**
 * Does what VS Code does for a preview after a window reload: a new panel of the preview's view
 * type, handed with the webview's saved `state` to the extension's registered serializer.
 */
async function restorePanel(state: unknown): Promise<{ panel: vscode.WebviewPanel; disposed: () => boolean }> {
  const panel = vscode.window.createWebviewPanel('policyBrief.preview', 'Restored preview', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true }, { enableScripts: true });
  let disposed = false;
  panel.onDidDispose(() => { disposed = true; });
  await vscode.commands.executeCommand('policyBrief.test.revivePreview', panel, state);
  return { panel, disposed: () => disposed };
}

/** The preview tabs the user sees, in all editor groups. */
function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('policyBrief.preview'));
}

/** Resolves when the user sees `count` preview tabs (tab changes arrive as events); rejects after the deadline. */
async function waitForPreviewTabs(count: number): Promise<void> {
  if (previewTabs().length === count) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`${previewTabs().length} preview tab(s), expected ${count}`));
    }, DEADLINE_MS);
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (previewTabs().length !== count) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
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

  test('after a window reload, the preview comes back showing the document as it is now, and stays live', async () => {
    const editor = await openFile('briefs/clean.md');
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('policyBrief.showPreviewToSide');
    const before = await previewState(editor.document);
    // The webview saved the document's URI in its state: VS Code keeps it across the reload.
    const saved = before.report?.state;
    assert.equal(saved?.uri, uri);
    // Edited since the preview last rendered (the reload brings back the document as it is now).
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('- Double the robot density'));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 2), 'Restored ')));

    const { panel, disposed } = await restorePanel(saved);
    const after = await previewState(editor.document);
    assert.equal(disposed(), false, 'the restored panel stays open');
    assert.equal(after.documentVersion, editor.document.version);
    assert.match(after.html, /Restored Double the robot density/);
    assert.match(panel.webview.html, /Restored Double the robot density/, 'the restored panel is the one showing the brief');
    assert.deepEqual({ topics: after.report?.topics, citations: after.report?.citations }, { topics: 2, citations: 2 });
    // The restored page saves the URI again, so the preview survives the next reload too.
    assert.equal(after.report?.state?.uri, uri);
    await waitForPreviewTabs(1); // one preview of the document: the restored one replaced the old

    // The restored preview follows further edits.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 2), 'Again ')));
    const live = await previewState(editor.document);
    assert.equal(live.documentVersion, editor.document.version);
    assert.match(live.html, /Again Restored Double the robot density/);
    await revert(editor);
  });

  test('after a window reload, a saved state without a document, or naming a file that is gone, closes the panel', async () => {
    const gone = workspaceFile('briefs/deleted-before-reload.md').toString();
    for (const state of [undefined, {}, { line: 4 }, { uri: 42 }, { uri: gone, line: 2 }]) {
      const { disposed } = await restorePanel(state);
      assert.equal(disposed(), true, `state ${JSON.stringify(state)} closes the panel`);
    }
    assert.equal(await vscode.commands.executeCommand<string | undefined>('policyBrief.test.getPreviewHtml', gone), undefined);
    await waitForPreviewTabs(0); // no preview tab is left behind
  });
});
