import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFile, revert, ruleOf, waitForDiagnostics } from './helpers';

suite('Quick fixes', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openFile('briefs/quickfix.md');
  });

  suiteTeardown(async () => {
    await revert(editor);
  });

  test('"Replace with MIIT" fixes the unknown issuing body and the diagnostic disappears', async () => {
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'issuing-body.unknown');
    const unknown = diagnostics.find((d) => ruleOf(d) === 'issuing-body.unknown')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /MIIT/.test(a.title));
    assert.ok(fix, `no MIIT fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, 'the fix carries a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(unknown.range.start.line).text, 'Issuing bodies: MIIT, NDRC, MEE');
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'the unknown-body diagnostic to disappear');
  });
});
