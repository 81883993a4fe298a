/**
 * Helpers of the extension tests (they run inside VS Code's extension host). Every wait is on
 * an event with a deadline — never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's id (`publisher.name`). */
export const EXTENSION_ID = 'policy-brief.policy-brief';
/** Diagnostic source of the server's findings. */
export const SOURCE = 'policy-brief';
/** Default deadline of waits (milliseconds): generous, the server may be starting. */
export const DEADLINE_MS = 30_000;

/** The workspace folder the tests run in (a copy of test/e2e/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/e2e/workspace)');
  return folder.uri;
}

/** URI of a file of the test workspace. */
export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Activates the extension (idempotent). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this window`);
  await extension.activate();
  return extension;
}

/** Opens a workspace file in an editor. */
export async function openFile(relative: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/** The Policy Brief diagnostics of a document. */
export function briefDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule id (diagnostic code) of a diagnostic. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves when `predicate` holds for the document's Policy Brief diagnostics: checked now and
 * on every `onDidChangeDiagnostics` for that document. Rejects after `timeoutMs` with what was seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEADLINE_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = briefDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = briefDiagnostics(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; diagnostics: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

/** Resolves on the next configuration change that affects `section`. */
export function nextConfigurationChange(section: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(section)) return;
      listener.dispose();
      resolve();
    });
  });
}

/** Sets a workspace setting and waits until VS Code has applied it (no wait when nothing changes). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  const configuration = vscode.workspace.getConfiguration(section);
  const name = rest.join('.');
  if (JSON.stringify(configuration.inspect(name)?.workspaceValue) === JSON.stringify(value)) return;
  const changed = nextConfigurationChange(key);
  await configuration.update(name, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

/** Reverts a document to its saved text (undoing a test's edits). */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Labels of completion items as plain strings. */
export function completionLabels(list: vscode.CompletionList): string[] {
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Position just after the first occurrence of `needle` in the document. */
export function positionAfter(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `'${needle}' not found in ${document.uri.path}`);
  return document.positionAt(offset + needle.length);
}
