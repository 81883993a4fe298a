import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, briefDiagnostics, openFile, waitForDiagnostics, workspaceFile } from './helpers';

interface Status { status: string; statusBarText: string }

suite('Activation and status', () => {
  suiteSetup(async () => {
    await openFile('briefs/clean.md');
    await activateExtension();
  });

  test('activates on a Markdown brief, which stays language markdown', async () => {
    const extension = vscode.extensions.getExtension('policy-brief.policy-brief');
    assert.ok(extension?.isActive);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
  });

  test('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['policyBrief.restartServer', 'policyBrief.showOutput', 'policyBrief.showPreview', 'policyBrief.showPreviewToSide']) {
      assert.ok(commands.includes(id), `command ${id} is missing`);
    }
  });

  test('the server checks briefs: the unknown issuing body is reported', async () => {
    await openFile('briefs/quickfix.md');
    const diagnostics = await waitForDiagnostics(workspaceFile('briefs/quickfix.md'), (d) => d.some((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'issuing-body.unknown'), 'issuing-body.unknown');
    const unknown = diagnostics.find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'issuing-body.unknown')!;
    // `Issuing bodies: MITT, …` is line 18 (0-based); MITT starts after the 16-character label.
    assert.equal(unknown.range.start.line, 18);
    assert.equal(unknown.range.start.character, 16);
    assert.equal(unknown.range.end.character, 20);
  });

  test('plain Markdown is left alone (no diagnostics, no status bar item)', async () => {
    const plain = await openFile('notes/plain.md');
    // The server handles documents in order: once a brief opened after the note has its
    // diagnostics, the note has been processed too.
    await openFile('briefs/clean.md');
    await waitForDiagnostics(workspaceFile('briefs/quickfix.md'), (d) => d.length > 0, 'diagnostics of a brief');
    await vscode.window.showTextDocument(plain.document);
    assert.deepEqual(briefDiagnostics(plain.document.uri), []);
    const status = await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus');
    assert.equal(status.statusBarText, '', 'status bar item should be hidden for a non-brief');
  });

  test('status bar shows the team schema and the counts of the active brief', async () => {
    await openFile('briefs/quickfix.md');
    await waitForDiagnostics(workspaceFile('briefs/quickfix.md'), (d) => d.length > 0, 'diagnostics');
    const status = await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus');
    assert.equal(status.status, 'running');
    assert.match(status.statusBarText, /E2E Team Brief/);
    const warnings = briefDiagnostics(workspaceFile('briefs/quickfix.md')).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    assert.match(status.statusBarText, new RegExp(`\\$\\(warning\\) ${warnings}\\b`));
  });

  test('an untitled Markdown buffer that is a brief is checked too', async () => {
    const source = await vscode.workspace.openTextDocument(workspaceFile('briefs/quickfix.md'));
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: source.getText() });
    await vscode.window.showTextDocument(untitled);
    assert.equal(untitled.uri.scheme, 'untitled');
    await waitForDiagnostics(untitled.uri, (d) => d.some((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'issuing-body.unknown'), 'issuing-body.unknown in the untitled brief');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('diagnostics clear when the brief is closed and come back when it is reopened', async () => {
    const uri = workspaceFile('briefs/quickfix.md');
    await openFile('briefs/quickfix.md');
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics to clear after closing');
    await openFile('briefs/quickfix.md');
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics after reopening');
  });

  test('diagnostics follow a renamed brief and clear for a deleted one (and come back on undo of the rename)', async () => {
    const source = workspaceFile('briefs/quickfix.md');
    const copy = workspaceFile('briefs/rename-me.md');
    const renamed = workspaceFile('briefs/renamed.md');
    await vscode.workspace.fs.copy(source, copy, { overwrite: true });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
    await waitForDiagnostics(copy, (d) => d.length > 0, 'diagnostics on the copy');
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(copy, renamed, { overwrite: true });
    assert.ok(await vscode.workspace.applyEdit(rename));
    await waitForDiagnostics(copy, (d) => d.length === 0, 'diagnostics of the old name to clear');
    await waitForDiagnostics(renamed, (d) => d.length > 0, 'diagnostics on the new name');
    const back = new vscode.WorkspaceEdit();
    back.renameFile(renamed, copy, { overwrite: true });
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitForDiagnostics(renamed, (d) => d.length === 0, 'diagnostics of the renamed file to clear after renaming back');
    await waitForDiagnostics(copy, (d) => d.length > 0, 'diagnostics back on the original name');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(copy);
    await waitForDiagnostics(copy, (d) => d.length === 0, 'diagnostics to clear after deleting');
  });

  test('Show Output and Restart Server work; diagnostics come back after a restart', async () => {
    await vscode.commands.executeCommand('policyBrief.showOutput');
    await vscode.commands.executeCommand('policyBrief.restartServer');
    const status = await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus');
    assert.equal(status.status, 'running');
    const uri = workspaceFile('briefs/quickfix.md');
    await openFile('briefs/quickfix.md');
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics after restart');
  });
});
