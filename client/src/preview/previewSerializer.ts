/**
 * Brings brief previews back after a window reload: VS Code keeps the panels of a registered
 * view type and hands them back with the webview's last state, which holds the document's URI
 * (written by client/media/preview.js from the page's `data-uri`).
 */
import * as vscode from 'vscode';
import { BriefPreview } from './briefPreview';
import type { PreviewManager } from './previewManager';

/** Registers the serializer of the preview panels (activation event `onWebviewPanel:policyBrief.preview`). */
export function registerPreviewSerializer(previews: PreviewManager): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(BriefPreview.viewType, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const uri = (state as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string') {
        panel.dispose();
        return;
      }
      await previews.revive(panel, vscode.Uri.parse(uri));
    },
  });
}
