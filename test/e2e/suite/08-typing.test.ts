/**
 * What an author sees while typing, in the real editor: the completion list opens and follows
 * English, pinyin and 中文 typing without Ctrl+Space (Markdown has quick suggestions off, so only
 * the server's trigger characters and the client's re-trigger open it); accepting inserts the
 * schema's separator; a title fills the empty citation lines; the Ctrl+. menu of a typo; hovers
 * in words. Text is typed with the `type` command, as the keyboard does; the list is accepted
 * with `acceptSelectedSuggestion`, which does nothing unless the suggest widget is open.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, DEADLINE_MS, openFile, revert, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

/** Types `text` one character at a time, as the keyboard does. */
async function typeText(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

/** Puts the cursor at the end of the first line starting with `start`, after replacing that line by `line`. */
async function cursorAtLineEnd(editor: vscode.TextEditor, start: string, line: string, after = 0): Promise<number> {
  const lines = editor.document.getText().split(/\r?\n/);
  const index = lines.findIndex((l, i) => i >= after && l.startsWith(start));
  assert.ok(index >= 0, `no line starting with ${start}`);
  await editor.edit((b) => b.replace(editor.document.lineAt(index).range, line));
  const end = new vscode.Position(index, line.length);
  editor.selection = new vscode.Selection(end, end);
  return index;
}

/**
 * Accepts the selected suggestion once the suggest widget has opened by itself and shows what
 * is expected: retried until line `index` reads `expected` or the deadline passes.
 */
async function acceptUntil(editor: vscode.TextEditor, index: number, expected: (line: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + DEADLINE_MS;
  let line = editor.document.lineAt(index).text;
  while (Date.now() < deadline) {
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    line = editor.document.lineAt(index).text;
    if (expected(line)) return line;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  assert.fail(`${what}: the completion list did not open while typing; the line reads '${line}'`);
}

suite('Typing: completion without Ctrl+Space, the quick-fix menu, hovers', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openFile('briefs/typing.md');
    await waitForDiagnostics(workspaceFile('briefs/typing.md'), (d) => d.length > 0, 'diagnostics of typing.md');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('hideSuggestWidget');
    await revert(editor);
  });

  test('after ", " typing SAM opens the list by itself; accepting gives "MIIT, SAMR"', async () => {
    const line = await cursorAtLineEnd(editor, 'Issuing bodies:', 'Issuing bodies: MIIT');
    await typeText(', SAM');
    assert.equal(await acceptUntil(editor, line, (l) => l !== 'Issuing bodies: MIIT, SAM', 'SAM'), 'Issuing bodies: MIIT, SAMR');
  });

  test('pinyin after a bare comma: ",fagai" accepted inserts the separator: "MIIT, NDRC"', async () => {
    const line = await cursorAtLineEnd(editor, 'Issuing bodies:', 'Issuing bodies: MIIT');
    await typeText(',fagai');
    assert.equal(await acceptUntil(editor, line, (l) => !l.endsWith('fagai'), 'fagai'), 'Issuing bodies: MIIT, NDRC');
  });

  test('中文 typed after the label opens the list: "工信" gives MIIT', async () => {
    const line = await cursorAtLineEnd(editor, 'Issuing bodies:', 'Issuing bodies: ');
    await vscode.commands.executeCommand('type', { text: '工信' });
    assert.equal(await acceptUntil(editor, line, (l) => !l.endsWith('工信'), '工信'), 'Issuing bodies: MIIT');
  });

  test('an English title typed in an empty Article line: the title, its Chinese title, the link, the bodies and the date', async () => {
    const second = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('## 2.'));
    const line = await cursorAtLineEnd(editor, 'Article:', 'Article: ', second);
    await typeText('robot');
    const inserted = await acceptUntil(editor, line, (l) => !l.endsWith('robot'), 'robot');
    assert.match(inserted, /^Article: Implementation Plan for the "Robot\+" Application Action \(“机器人\+”应用行动实施方案\)/);
    assert.equal(editor.document.lineAt(line + 1).text, 'Issuing bodies: MIIT, MOE, MPS, MCA, MOF, MOHRSS, MOHURD, MOT, MARA, NHC, MEM, SAMR, NEA, SASTIND, SPB, NMSA, NMPA');
    assert.match(editor.document.lineAt(line + 2).text, /^Date: January 18, 2023$/);
  });

  test('pinyin right after "(" with no English title yet: the matching Chinese titles first', async () => {
    const second = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('## 2.'));
    const line = await cursorAtLineEnd(editor, 'Article:', 'Article: (', second);
    await typeText('shengcheng');
    assert.match(await acceptUntil(editor, line, (l) => !l.endsWith('shengcheng'), 'shengcheng'), /^Article: \(生成式人工智能服务管理/);
  });

  test('the Ctrl+. menu of a typo: "Replace with NDRC" first, fix all, disable, the docs; adding to the catalogue is not preferred', async () => {
    const uri = editor.document.uri;
    const line = await cursorAtLineEnd(editor, 'Issuing bodies:', 'Issuing bodies: MIIT，NDCR');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'issuing-body.unknown' && x.range.start.line === line), 'issuing-body.unknown on NDCR');
    const unknown = diagnostics.find((d) => ruleOf(d) === 'issuing-body.unknown')!;
    assert.match(unknown.message, /Did you mean NDRC\?/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], "Replace with 'NDRC'", titles.join(' | '));
    assert.equal(actions[0].isPreferred, true);
    for (const title of ["Add 'NDCR' to the team catalogue", 'Disable issuing-body.unknown for this line', 'Disable issuing-body.unknown for this brief', 'Show documentation for issuing-body.unknown']) {
      assert.ok(titles.includes(title), `${title} missing: ${titles.join(' | ')}`);
    }
    assert.notEqual(actions.find((a) => a.title.startsWith('Add '))!.isPreferred, true);
    // Fix all in this document (there are two rules with fixes: the separator and the typo).
    const all = actions.find((a) => a.title === 'Fix all auto-fixable problems in this document');
    assert.ok(all?.edit, titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(editor.document.lineAt(line).text, 'Issuing bodies: MIIT, NDRC');
    // The docs open in an editor, from the extension's own files (offline).
    const docs = actions.find((a) => a.title === 'Show documentation for issuing-body.unknown')!;
    const opened = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const listener = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!e?.document.uri.path.endsWith('/docs/rules/issuing-body.unknown.md')) return;
        listener.dispose();
        resolve(e);
      });
      setTimeout(() => resolve(undefined), DEADLINE_MS);
    });
    await vscode.commands.executeCommand(docs.command!.command, ...(docs.command!.arguments ?? []));
    assert.ok(await opened, 'the docs page did not open');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    editor = await vscode.window.showTextDocument(editor.document);
  });

  test('brief-topic + Ctrl+Space between topics 1 and 2 inserts topic 2', async () => {
    const date = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Date: April 14, 2023'));
    await editor.edit((b) => b.insert(new vscode.Position(date + 1, 0), '\nbrief-topic\n'));
    const at = new vscode.Position(date + 2, 'brief-topic'.length);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    const line = await acceptUntil(editor, date + 2, (l) => l !== 'brief-topic', 'brief-topic');
    assert.equal(line, '## 2. Headline');
  });

  test('one outline: the headings of VS Code\'s Markdown outline, not a second tree of parts and citations', async () => {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names: string[] = [];
    const walk = (list: (vscode.DocumentSymbol | vscode.SymbolInformation)[]) => {
      for (const s of list) {
        names.push(s.name);
        if ('children' in s) walk(s.children);
      }
    };
    walk(symbols ?? []);
    assert.ok(names.some((n) => /1\. Bodies typed on one line/.test(n)), names.join(' | '));
    assert.equal(names.filter((n) => /1\. Bodies typed on one line/.test(n)).length, 1, `the topic heading twice: ${names.join(' | ')}`);
    assert.ok(!names.some((n) => /^(At a glance|MERICS comment|Article)\b/.test(n)), names.join(' | '));
  });

  test('the hover on a body speaks words, not catalogue keys', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Issuing bodies: MIIT')), 18));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Level: One of the 26 ministries/);
    assert.match(text, /Sources: \[/);
    assert.doesNotMatch(text, /constituent-department/);
  });
});
