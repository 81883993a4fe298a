import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

interface SnippetDefinition { prefix: string | string[]; body: string | string[]; description?: string }

/** The snippet body with every tabstop/placeholder/choice replaced by its default text. */
function expand(body: string): string {
  let text = body;
  for (let i = 0; i < 10; i++) {
    const next = text
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
    if (next === text) break;
    text = next;
  }
  return text;
}

suite('Snippets', () => {
  const contributed: { language: string; path: string }[] = [];
  let extension: vscode.Extension<unknown>;

  suiteSetup(async () => {
    extension = await activateExtension();
    contributed.push(...((extension.packageJSON as { contributes?: { snippets?: { language: string; path: string }[] } }).contributes?.snippets ?? []));
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the extension contributes Markdown snippets', () => {
    assert.ok(contributed.some((s) => s.language === 'markdown'), `${EXTENSION_ID} contributes no markdown snippets: ${JSON.stringify(contributed)}`);
  });

  test('every contributed snippet inserts into an untitled Markdown document', async () => {
    let count = 0;
    for (const entry of contributed.filter((s) => s.language === 'markdown')) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, entry.path));
      const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDefinition>;
      for (const [name, snippet] of Object.entries(snippets)) {
        const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
        const editor = await vscode.window.showTextDocument(document);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(body)), `snippet "${name}" was not inserted`);
        const text = document.getText();
        assert.ok(!/\$\{\d/.test(text), `snippet "${name}" left raw placeholders: ${text}`);
        // Lines without variables ($CURRENT_YEAR, $TM_…) must come out as their defaults.
        const expected = expand(body).split('\n');
        const actual = text.split(/\r?\n/);
        assert.equal(actual.length, expected.length, `snippet "${name}": line count`);
        expected.forEach((line, i) => {
          if (!/\$[A-Z_]/.test(line)) assert.equal(actual[i], line, `snippet "${name}", line ${i + 1}`);
        });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        count++;
      }
    }
    assert.ok(count > 0, 'no snippets found');
  });
});
