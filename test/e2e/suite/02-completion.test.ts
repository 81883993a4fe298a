import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, completionLabels, openFile, positionAfter, revert, waitForDiagnostics, workspaceFile } from './helpers';

suite('Completion', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openFile('briefs/completion.md');
    // The server has the document once it published its diagnostics.
    await waitForDiagnostics(workspaceFile('briefs/completion.md'), (d) => d.length > 0, 'diagnostics of completion.md');
  });

  suiteTeardown(async () => {
    await revert(editor);
  });

  test('offers issuing bodies from the catalogue after "Issuing bodies:"', async () => {
    const position = positionAfter(editor.document, 'Issuing bodies: ');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = completionLabels(list);
    assert.ok(labels.length >= 20, `only ${labels.length} items: ${labels.join(' | ')}`);
    // An empty prefix gets the first page of the catalogue (the list is incomplete: typing narrows it).
    assert.ok(labels.every((l) => l.trim().length > 0));
  });

  test('completes issuing bodies from a typed prefix and replaces exactly the prefix', async () => {
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Issuing bodies:'));
    await editor.edit((b) => b.insert(new vscode.Position(line, 'Issuing bodies: '.length), 'MI'));
    const position = new vscode.Position(line, 'Issuing bodies: MI'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const miit = list.items.find((item) => /\bMIIT\b/.test(typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(miit, 'MIIT offered for prefix MI');
    const range = miit.range instanceof vscode.Range ? miit.range : miit.range?.replacing;
    if (range) {
      assert.equal(range.start.character, 'Issuing bodies: '.length, 'replace range starts at the prefix');
      assert.equal(range.end.character, position.character);
    }
  });

  test('completes the Chinese title of a known English title inside the parentheses', async () => {
    const position = positionAfter(editor.document, 'Forging Industries (');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const texts = list.items.map((item) => `${typeof item.label === 'string' ? item.label : item.label.label} ${typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? ''}`);
    assert.ok(texts.some((t) => t.includes('关于推动铸造和锻压行业高质量发展的指导意见')), `Chinese title not offered: ${texts.slice(0, 10).join(' | ')}`);
  });
});
