/**
 * Command registration. Every command is registered at activation, before the server starts,
 * so Restart Server, Show Output and the preview work even when the server cannot start.
 */
import * as vscode from 'vscode';
import type { ServerManager } from '../languageClient';
import type { PreviewManager } from '../preview/previewManager';
import type { BriefStatusBar } from '../statusBar';
import type { WebviewReport } from '../preview/briefPreview';
import { outputChannel } from '../output';

import { Commands } from '../commandIds';
import { SHOW_REFERENCES_COMMAND } from '../../../server/src/protocol';

export { Commands };

/** Test-only commands, registered only in `ExtensionMode.Test` (not contributed, not in the palette). */
export const TestCommands = {
  /** `(uri?: string) → string`: the last sanitized HTML fragment sent to that preview (or the last preview). */
  getPreviewHtml: 'policyBrief.test.getPreviewHtml',
  /**
   * `({ uri?, waitForWebview?, minDocumentVersion?, timeoutMs? }) → { html, version, documentVersion?, report? }`:
   * with `waitForWebview`, resolves once the webview script has reported a render at least as new
   * as the current one and made from document version `minDocumentVersion` or later (rejects after
   * `timeoutMs`). `documentVersion` is the `TextDocument.version` the reported render shows.
   */
  getPreviewState: 'policyBrief.test.getPreviewState',
  /**
   * `(panel: vscode.WebviewPanel, state: unknown) → void`: hands a panel of the preview's view type
   * to the registered preview serializer, as VS Code does after a window reload (in-process call:
   * the panel is passed by reference).
   */
  revivePreview: 'policyBrief.test.revivePreview',
  /** `() → { status, statusBarText, crashRestarts, lastMessage }`. */
  getStatus: 'policyBrief.test.getStatus',
  /**
   * `({ status, minCrashRestarts?, timeoutMs? }) → status`: resolves when the server has that
   * status after at least `minCrashRestarts` automatic restarts (rejects after `timeoutMs`).
   */
  waitForServer: 'policyBrief.test.waitForServer',
} as const;

export interface Services {
  server: ServerManager;
  previews: PreviewManager;
  /** The serializer registered for the preview panels (see previewSerializer.ts). */
  serializer: vscode.WebviewPanelSerializer;
  statusBar: BriefStatusBar;
}

/** Registers the user commands (and, in test mode, the test commands). */
export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  const { server, previews } = services;
  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register(Commands.restartServer, () => server.restart());
  register(Commands.showOutput, () => outputChannel().show(true));
  register(Commands.showPreview, async (uri?: vscode.Uri) => { await previews.show(uri instanceof vscode.Uri ? uri : undefined, false); });
  register(Commands.showPreviewToSide, async (uri?: vscode.Uri) => { await previews.show(uri instanceof vscode.Uri ? uri : undefined, true); });
  // The server's "cited in N other briefs" code lens: LSP JSON arguments → VS Code's Show References.
  register(SHOW_REFERENCES_COMMAND, (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
    const pos = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
    return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), pos(position), (locations ?? []).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(pos(l.range.start), pos(l.range.end)))));
  });

  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  register(TestCommands.getPreviewHtml, (uri?: string) => previews.find(uri ? vscode.Uri.parse(uri) : undefined)?.lastHtml);
  register(TestCommands.getPreviewState, async (options: { uri?: string; waitForWebview?: boolean; minDocumentVersion?: number; timeoutMs?: number } = {}) => {
    const preview = previews.find(options.uri ? vscode.Uri.parse(options.uri) : undefined);
    if (!preview) return undefined;
    const shows = (report: WebviewReport | undefined) => report !== undefined
      && report.version >= preview.renderVersion
      && (preview.documentVersionOf(report.version) ?? -1) >= (options.minDocumentVersion ?? 0);
    if (options.waitForWebview && !shows(preview.lastReport)) {
      await new Promise<WebviewReport>((resolve, reject) => {
        const timer = setTimeout(() => {
          listener.dispose();
          reject(new Error(`webview did not report a render of document version ${options.minDocumentVersion ?? 0} or later, at render ${preview.renderVersion} (last: ${JSON.stringify(preview.lastReport)})`));
        }, options.timeoutMs ?? 20_000);
        const listener = preview.onDidReport((report) => {
          if (!shows(report)) return;
          clearTimeout(timer);
          listener.dispose();
          resolve(report);
        });
      });
    }
    const report = preview.lastReport;
    return { html: preview.lastHtml, version: preview.renderVersion, documentVersion: report && preview.documentVersionOf(report.version), report };
  });
  register(TestCommands.revivePreview, (panel: vscode.WebviewPanel, state: unknown) => services.serializer.deserializeWebviewPanel(panel, state));
  const status = () => ({ status: server.status, statusBarText: services.statusBar.text, crashRestarts: server.crashRestarts, lastMessage: server.lastMessage });
  // The status bar shows the server's answer: ask it again first, so the text is current.
  register(TestCommands.getStatus, async () => {
    await services.statusBar.refreshNow();
    return status();
  });
  register(TestCommands.waitForServer, (options: { status: string; minCrashRestarts?: number; timeoutMs?: number }) => new Promise((resolve, reject) => {
    const done = () => server.status === options.status && server.crashRestarts >= (options.minCrashRestarts ?? 0);
    if (done()) return resolve(status());
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`server not ${options.status} after ${options.minCrashRestarts ?? 0} restart(s): ${JSON.stringify(status())}`));
    }, options.timeoutMs ?? 30_000);
    const listener = server.onDidChangeStatus(() => {
      if (!done()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(status());
    });
  }));
}
