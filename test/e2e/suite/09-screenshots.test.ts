/**
 * The README screenshots of behaviour this suite's features changed (docs/images): run only with
 * POLICY_BRIEF_E2E_SCREENSHOTS=1, e.g.
 *   POLICY_BRIEF_E2E_SCREENSHOTS=1 POLICY_BRIEF_E2E_GREP=Screenshots node test/e2e/run-code-server.mjs
 * Each test brings the window to the state shown and logs `POLICY_BRIEF_SCREENSHOT <name>`; the
 * harness (test/e2e/harness/run.mjs) saves the window as <screenshot dir>/<name>.png. Copy the
 * files to docs/images/ (the tests crop to the editor).
 */
import * as vscode from 'vscode';
import { activateExtension, openFile, revert, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

const enabled = process.env.POLICY_BRIEF_E2E_SCREENSHOTS === '1';

/** Asks the harness for a screenshot and gives it time to take it (it reads the console). */
async function screenshot(name: string, clip: [number, number, number, number]): Promise<void> {
  console.log(`POLICY_BRIEF_SCREENSHOT ${name} ${clip.join(' ')}`);
  await new Promise((resolve) => setTimeout(resolve, 2500));
}

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

// Not a test: registered only when screenshots are asked for, so ordinary runs count no skipped tests.
if (enabled) suite('Screenshots', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    editor = await openFile('briefs/screenshots.md');
    await waitForDiagnostics(workspaceFile('briefs/screenshots.md'), (d) => d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'the NDCR finding');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('hideSuggestWidget');
    await revert(editor);
  });

  test('quick-fix: the Ctrl+. menu of a typo', async () => {
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Issuing bodies:'));
    const at = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('NDCR') + 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await settle(500);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await settle(1500);
    await screenshot('quick-fix', [55, 85, 960, 580]);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  });

  test('completion-issuing-bodies: the list opened by typing ", SAM"', async () => {
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Issuing bodies:'));
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, 'Issuing bodies: MIIT'));
    const end = new vscode.Position(line, 'Issuing bodies: MIIT'.length);
    editor.selection = new vscode.Selection(end, end);
    for (const ch of ', SAM') await vscode.commands.executeCommand('type', { text: ch });
    await settle(2000);
    await screenshot('completion-issuing-bodies', [55, 85, 960, 460]);
  });

  test('hover: a body in words', async () => {
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Issuing bodies:'));
    const at = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('MIIT') + 1);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    await settle(1500);
    await screenshot('hover', [55, 85, 1000, 460]);
  });
});
