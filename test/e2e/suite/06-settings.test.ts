import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, briefDiagnostics, openFile, ruleOf, setSetting, waitForDiagnostics } from './helpers';

interface Status { status: string; statusBarText: string }

suite('Settings', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await setSetting('policyBrief.schemaPath', undefined);
    await setSetting('policyBrief.enable', undefined);
  });

  test('policyBrief.schemaPath switches the schema without a reload', async () => {
    const editor = await openFile('briefs/quickfix.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'issuing-body.unknown with the team schema');
    assert.ok(!briefDiagnostics(uri).some((x) => ruleOf(x) === 'structure.topic-count'), 'one topic is fine under the team schema');
    // alt-config/two-topics.yaml wants at least two topics; quickfix.md has one.
    await setSetting('policyBrief.schemaPath', 'alt-config/two-topics.yaml');
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'structure.topic-count'), 'structure.topic-count under the two-topic schema');
    const status = await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus');
    assert.match(status.statusBarText, /E2E Two-Topic Schema/);
    await setSetting('policyBrief.schemaPath', undefined);
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'structure.topic-count') && d.length > 0, 'the team schema again');
  });

  test('policyBrief.enable = false clears the diagnostics; true brings them back', async () => {
    const editor = await openFile('briefs/quickfix.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics');
    await setSetting('policyBrief.enable', false);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics to clear');
    const status = await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus');
    assert.equal(status.statusBarText, '', 'no status bar item when disabled');
    await setSetting('policyBrief.enable', undefined);
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics to come back');
  });
});
