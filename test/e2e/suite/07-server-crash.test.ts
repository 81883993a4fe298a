import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activateExtension, openFile, revert, ruleOf, waitForDiagnostics } from './helpers';

interface Status { status: string; crashRestarts: number; lastMessage?: string }

/** Pids of the language server processes started by this extension host (Linux: pgrep). */
function serverPids(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'dist/server/server.js'], { encoding: 'utf8' }).split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

suite('Server crash', () => {
  suiteSetup(async function () {
    if (process.platform !== 'linux') this.skip();
    await activateExtension();
  });

  test('a killed server is restarted, with a message, and diagnostics come back', async () => {
    const editor = await openFile('briefs/quickfix.md');
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'diagnostics before the crash');
    const before = await vscode.commands.executeCommand<Status>('policyBrief.test.getStatus');
    const pids = serverPids();
    assert.equal(pids.length, 1, `expected one server process, found ${JSON.stringify(pids)}`);
    process.kill(pids[0], 'SIGKILL');
    const after = await vscode.commands.executeCommand<Status>('policyBrief.test.waitForServer', { status: 'running', minCrashRestarts: before.crashRestarts + 1 });
    assert.match(after.lastMessage ?? '', /stopped unexpectedly and is being restarted/);
    const [pid] = serverPids();
    assert.ok(pid && pid !== pids[0], 'a new server process runs');
    // The new server follows edits: fix the typo, the diagnostic goes; revert, it returns.
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Issuing bodies: MITT'));
    await editor.edit((b) => b.replace(new vscode.Range(line, 16, line, 20), 'MIIT'));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'the restarted server to see the fix');
    await revert(editor);
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'issuing-body.unknown'), 'the restarted server to see the revert');
  });
});
