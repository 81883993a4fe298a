/**
 * Brings brief previews back after a window reload: VS Code keeps the panels of a registered
 * view type and hands them back with the webview's last state, which holds the document's URI
 * (written by client/media/preview.js from the page's `data-uri`).
 */
import * as vscode from 'vscode';
import { BriefPreview } from './briefPreview';
import type { PreviewManager } from './previewManager';

/**
 * The serializer of the preview panels: a state `{ uri: string, line?: number }` revives the
 * preview of that document; a state without a URI (or a document that no longer opens) closes the panel.
 */
export function previewSerializer(previews: PreviewManager): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const uri = (state as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string') {
        panel.dispose();
        return;
      }
      await previews.revive(panel, vscode.Uri.parse(uri));
    },
  };
}

/** Registers `serializer` for the preview panels (activation event `onWebviewPanel:policyBrief.preview`). */
export function registerPreviewSerializer(serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(BriefPreview.viewType, serializer);
}
