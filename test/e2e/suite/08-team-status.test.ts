import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, briefDiagnostics, openFile, revert, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

interface Status { status: string; statusBarText: string }

/** Polls the status bar text (the test command asks the server first) until it matches. */
async function waitForStatusBar(pattern: RegExp, what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus')).statusBarText;
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`status bar never showed ${what}; last text: ${JSON.stringify(text)}`);
}

suite('One truthful status: a broken team schema', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('while the team schema is broken (edited, not saved), the status bar names the last good schema and the broken file; errors show on the line', async () => {
    const brief = workspaceFile('briefs/quickfix.md');
    await openFile('briefs/quickfix.md');
    await waitForDiagnostics(brief, (d) => d.length > 0, 'diagnostics of the brief');
    assert.match(await waitForStatusBar(/E2E Team Brief {2}/, 'the team schema'), /^\$\(checklist\) E2E Team Brief {2}\$\(error\) \d+ {2}\$\(warning\) \d+$/);

    const schema = await openFile('.policy-brief/issue-schema.yaml', vscode.ViewColumn.Two);
    const line = schema.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('name:'));
    assert.ok(line > 0);
    try {
      // Type an unclosed bracket into the name: YAML syntax error, not saved.
      assert.ok(await schema.edit((edit) => edit.insert(new vscode.Position(line, 'name: '.length), '[')));
      const errors = await waitForDiagnostics(schema.document.uri, (d) => d.some((x) => ruleOf(x) === 'schema.invalid-yaml'), 'schema.invalid-yaml while editing');
      const invalid = errors.find((x) => ruleOf(x) === 'schema.invalid-yaml')!;
      assert.equal(invalid.range.start.line, line, 'the syntax error is on the line with the bracket');
      assert.equal(invalid.range.end.line, line);
      assert.ok(schema.document.isDirty, 'the file was not saved');

      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(brief), vscode.ViewColumn.One);
      const text = await waitForStatusBar(/team file broken/, 'the broken team file');
      assert.match(text, /^\$\(checklist\) E2E Team Brief \(team file broken\) {2}\$\(error\) \d+ {2}\$\(warning\) \d+$/, 'the last good team schema is named, not the default');
      assert.ok(!briefDiagnostics(brief).some((d) => ruleOf(d) === 'structure.topic-count'), 'the brief is still checked with the team schema');
    } finally {
      await revert(schema);
    }
    await waitForDiagnostics(schema.document.uri, (d) => d.length === 0, 'the schema errors to clear after the revert');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(brief), vscode.ViewColumn.One);
    assert.match(await waitForStatusBar(/^\$\(checklist\) E2E Team Brief {2}/, 'the team schema again'), /E2E Team Brief {2}\$\(error\)/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
