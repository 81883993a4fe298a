/**
 * What the language server applies to the active editor's document, asked with
 * `policyBrief/briefStatus`: whether it is a brief (the server alone decides: `briefFiles` globs,
 * front-matter marker, numbered topic headings) and which issue schema is in force (the last good
 * one while a team file is broken). Keeps the `policyBrief.isBrief` context key in step (used by
 * the preview keybindings and the editor-title button, so Markdown's own preview keys keep
 * working in other Markdown files). Briefs stay language `markdown`.
 */
import * as vscode from 'vscode';
import { BriefStatusRequest, ConfigStatusNotification, type BriefStatus } from '../../server/src/protocol';
import type { ServerManager } from './languageClient';
import { IS_BRIEF_CONTEXT_KEY } from './commandIds';
import { outputChannel } from './output';

export { IS_BRIEF_CONTEXT_KEY, type BriefStatus };

/** Delay (milliseconds) after the last edit of the active document before asking again. */
const TYPING_DEBOUNCE_MS = 250;

/** The server's status of the active document; fires when it changes. */
export class BriefContext implements vscode.Disposable {
  private current: BriefStatus | undefined;
  /** The document `current` is about. */
  private currentUri: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The latest request in flight (`refresh` awaits it). */
  private pending: Promise<void> = Promise.resolve();
  private asked = 0;
  private readonly changed = new vscode.EventEmitter<BriefStatus | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: ServerManager) {
    this.disposables.push(
      server.onDidChangeStatus(() => this.refresh()),
      server.onDidStart((client) => client.onNotification(ConfigStatusNotification, () => void this.refresh())),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidOpenTextDocument(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The server re-reads settings when the client forwards the change: ask after it did.
        if (e.affectsConfiguration('policyBrief')) this.scheduleRefresh();
      }),
    );
    void this.refresh();
  }

  /** The status of the active document (undefined: no editor, not Markdown, or no server answer). */
  get status(): BriefStatus | undefined {
    return this.current;
  }

  /** Whether the active editor shows a brief (as the server last said). */
  get activeIsBrief(): boolean {
    return this.current?.isBrief ?? false;
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), TYPING_DEBOUNCE_MS);
  }

  /** Asks the server about the active document now; resolves when the answer is applied. */
  refresh(): Promise<void> {
    const ask = ++this.asked;
    const document = vscode.window.activeTextEditor?.document;
    const client = this.server.runningClient;
    const uri = document?.uri.toString();
    // While the server is down, the last answer for the same document stands (the status bar
    // shows the server state); another document is unknown.
    if (!client && uri === this.currentUri) return this.pending;
    this.currentUri = uri;
    const request = document?.languageId === 'markdown' && client
      ? client.sendRequest(BriefStatusRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) }).then(
        (status) => status,
        (error: unknown) => {
          outputChannel().warn(`[client] policyBrief/briefStatus failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      )
      : Promise.resolve(undefined);
    this.pending = request.then((status) => {
      if (ask === this.asked) this.apply(status);
    });
    return this.pending;
  }

  private apply(status: BriefStatus | undefined): void {
    const before = this.current;
    this.current = status;
    if (before?.isBrief !== status?.isBrief) void vscode.commands.executeCommand('setContext', IS_BRIEF_CONTEXT_KEY, status?.isBrief ?? false);
    if (JSON.stringify(before) !== JSON.stringify(status)) this.changed.fire(status);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
