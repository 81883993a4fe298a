import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFile, positionAfter, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

suite('Archive', () => {
  test('Find All References on a Chinese title lists its citations in the other briefs, and the archive finding shows', async () => {
    await activateExtension();
    const editor = await openFile('archive/2024-03.md');
    // The finding needs the other two briefs (not opened): it shows once the archive is indexed —
    // with one related brief while discovery has read only one of them, with both once it is done.
    const both = (x: vscode.Diagnostic) => ruleOf(x) === 'archive.rendering-mismatch' && (x.relatedInformation?.length ?? 0) >= 2;
    const diagnostics = await waitForDiagnostics(workspaceFile('archive/2024-03.md'), (d) => d.some(both), 'the archive finding with both other briefs');
    const finding = diagnostics.find((d) => ruleOf(d) === 'archive.rendering-mismatch')!;
    assert.deepEqual(finding.relatedInformation?.map((r) => r.location.uri.path.split('/').pop()).sort(), ['2024-01.md', '2024-02.md']);
    const position = positionAfter(editor.document, 'Internet Information Services (互联');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, position);
    const files = locations.map((l) => l.uri.path.split('/').pop()).sort();
    assert.deepEqual(files, ['2024-01.md', '2024-02.md', '2024-03.md']);
    for (const location of locations) {
      const document = await vscode.workspace.openTextDocument(location.uri);
      assert.equal(document.getText(location.range), '互联网信息服务管理办法');
    }
  });
});
