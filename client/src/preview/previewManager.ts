/**
 * The preview commands ("Open Brief Preview", "… to the Side") and the open previews, one per
 * document.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { BriefPreview } from './briefPreview';
import type { TeamConfigs } from '../teamConfig';

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, BriefPreview>();
  /** The preview most recently opened or updated (for the test command). */
  private last: BriefPreview | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly configs: TeamConfigs) {}

  /**
   * Opens (or reveals) the preview of `uri`, or of the active editor's document.
   * @param toSide open beside the editor, keeping the focus in the editor
   * @returns the preview, or undefined when there is no Markdown document to show
   */
  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<BriefPreview | undefined> {
    const document = uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown brief to preview it.'));
      return undefined;
    }
    const key = document.uri.toString();
    const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(column, toSide);
      this.last = existing;
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      BriefPreview.viewType,
      vscode.l10n.t('Preview {0}', path.basename(document.uri.path)),
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false },
    );
    return this.adopt(panel, document.uri);
  }

  /**
   * Takes over a preview panel VS Code restored after a window reload (see previewSerializer.ts).
   * @returns the preview, or undefined (panel closed) when the document no longer exists
   */
  async revive(panel: vscode.WebviewPanel, uri: vscode.Uri): Promise<BriefPreview | undefined> {
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      panel.dispose();
      return undefined;
    }
    this.previews.get(uri.toString())?.panel.dispose();
    return this.adopt(panel, uri);
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): BriefPreview {
    const key = uri.toString();
    const preview = new BriefPreview(panel, uri, this.extensionUri, this.configs);
    this.previews.set(key, preview);
    this.last = preview;
    preview.onDidDispose(() => {
      if (this.previews.get(key) === preview) this.previews.delete(key);
      if (this.last === preview) this.last = undefined;
    });
    return preview;
  }

  /** The preview of `uri`, or the last one opened. */
  find(uri?: vscode.Uri): BriefPreview | undefined {
    return uri ? this.previews.get(uri.toString()) : this.last;
  }

  dispose(): void {
    for (const preview of this.previews.values()) preview.panel.dispose();
    this.previews.clear();
  }
}
