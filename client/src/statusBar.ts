/**
 * The status bar item for the active brief: the issue schema in use and the error/warning
 * counts of its Policy Brief diagnostics; a click opens the Problems view. Hidden for other
 * documents. Shows the server state when the server is not running.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import type { BriefContext } from './briefDetection';
import type { ServerManager } from './languageClient';
import type { TeamConfigs } from './teamConfig';

/** Policy Brief diagnostics of one document (source `policy-brief`). */
export function briefDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export class BriefStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly briefs: BriefContext, private readonly server: ServerManager, private readonly configs: TeamConfigs) {
    this.item = vscode.window.createStatusBarItem('policyBrief.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Policy Brief');
    this.item.command = 'workbench.actions.view.problems';
    const refresh = () => this.refresh();
    this.disposables.push(
      this.item,
      briefs.onDidChange(refresh),
      server.onDidChangeStatus(refresh),
      configs.onDidChange(refresh),
      vscode.window.onDidChangeActiveTextEditor(refresh),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) refresh();
      }),
    );
    // Not during activation: the first refresh loads the team configuration (~0.1–0.5 s).
    const first = setTimeout(refresh, 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  /** The item's current text ('' when hidden). */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.briefs.activeIsBrief) {
      this.item.hide();
      this.visible = false;
      return;
    }
    let schemaName: string;
    try {
      schemaName = this.configs.forDocument(document.uri).config.schema.name;
    } catch (error) {
      schemaName = vscode.l10n.t('configuration error');
    }
    const diagnostics = briefDiagnostics(document.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const running = this.server.status === 'running';
    const icon = running ? '$(checklist)' : this.server.status === 'starting' ? '$(loading~spin)' : '$(debug-disconnect)';
    this.item.text = `${icon} ${schemaName}  $(error) ${errors}  $(warning) ${warnings}`;
    const serverLine = running ? vscode.l10n.t('Language server running') : vscode.l10n.t('Language server: {0}', this.server.status);
    this.item.tooltip = new vscode.MarkdownString(
      [
        `**${vscode.l10n.t('Policy Brief')}**`,
        vscode.l10n.t('Issue schema: {0}', schemaName),
        vscode.l10n.t('{0} errors, {1} warnings', errors, warnings),
        serverLine,
        vscode.l10n.t('Click to open the Problems view'),
      ].join('\n\n'),
    );
    this.item.backgroundColor = running ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
