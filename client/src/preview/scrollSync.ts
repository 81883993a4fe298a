/**
 * Scroll sync between a brief's editor and its preview, both ways: the editor's first visible
 * line is posted to the webview (`scrollToLine`); the webview's `revealLine` scrolls the editor
 * (ignoring the echo of our own scroll for 200 ms), and `openLine` (double click) puts the
 * cursor on that line.
 */
import * as vscode from 'vscode';

/** How long (milliseconds) editor scroll events are ignored after the preview scrolled the editor. */
const ECHO_MS = 200;

export class ScrollSync implements vscode.Disposable {
  /** Ignore the editor's next visible-range change up to this time (ms): we caused it. */
  private ignoreEditorScrollUntil = 0;
  private readonly listener: vscode.Disposable;

  constructor(private readonly uri: vscode.Uri, webview: vscode.Webview) {
    this.listener = vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (e.textEditor.document.uri.toString() !== uri.toString() || !e.visibleRanges.length) return;
      if (Date.now() < this.ignoreEditorScrollUntil) return;
      void webview.postMessage({ type: 'scrollToLine', line: e.visibleRanges[0].start.line });
    });
  }

  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
  }

  /** The editor's first visible line (0-based), if the brief is visible. */
  editorLine(): number | undefined {
    return this.editor()?.visibleRanges[0]?.start.line;
  }

  /** The webview scrolled to `line`: scroll the editor to match. */
  revealLine(line: number): void {
    const editor = this.editor();
    if (!editor || !Number.isFinite(line)) return;
    this.ignoreEditorScrollUntil = Date.now() + ECHO_MS;
    const target = Math.max(0, Math.min(line, editor.document.lineCount - 1));
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
  }

  /** Shows the brief with the cursor at the start of `line` (0-based). */
  async openLine(line: number): Promise<void> {
    if (!Number.isFinite(line)) return;
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: this.editor()?.viewColumn, preserveFocus: false });
    const position = new vscode.Position(Math.max(0, line), 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.listener.dispose();
  }
}
