/**
 * The status bar item for the active brief: the issue schema really in force (as the server
 * says: the last good one while a team file is broken, which the item then says too) and the
 * error/warning counts of its Policy Brief diagnostics; a click opens the Problems view (or the
 * broken team file). Hidden for other documents. Shows the server state when it is not running.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import type { BriefContext } from './briefStatus';
import type { ServerManager } from './languageClient';

/** Policy Brief diagnostics of one document (source `policy-brief`). */
export function briefDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export class BriefStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly briefs: BriefContext, private readonly server: ServerManager) {
    this.item = vscode.window.createStatusBarItem('policyBrief.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Policy Brief');
    this.item.command = 'workbench.actions.view.problems';
    const refresh = () => this.refresh();
    this.disposables.push(
      this.item,
      briefs.onDidChange(refresh),
      server.onDidChangeStatus(refresh),
      vscode.window.onDidChangeActiveTextEditor(refresh),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) refresh();
      }),
    );
    refresh();
  }

  /** Asks the server again and redraws (for tests: the text then shows the server's current answer). */
  async refreshNow(): Promise<string> {
    await this.briefs.refresh();
    this.refresh();
    return this.text;
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
    const status = this.briefs.status!;
    const broken = [...status.brokenFiles, ...status.missingFiles];
    const diagnostics = briefDiagnostics(document.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const running = this.server.status === 'running';
    const icon = running ? '$(checklist)' : this.server.status === 'starting' ? '$(loading~spin)' : '$(debug-disconnect)';
    const schema = broken.length ? vscode.l10n.t('{0} (team file broken)', status.schemaName) : status.schemaName;
    this.item.text = `${icon} ${schema}  $(error) ${errors}  $(warning) ${warnings}`;
    const serverLine = running ? vscode.l10n.t('Language server running') : vscode.l10n.t('Language server: {0}', this.server.status);
    const brokenLines = broken.map((uri) => vscode.l10n.t('Broken: {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(uri))));
    this.item.tooltip = new vscode.MarkdownString(
      [
        `**${vscode.l10n.t('Policy Brief')}**`,
        vscode.l10n.t('Issue schema: {0}', status.schemaName),
        ...(broken.length ? [status.usingLastGood ? vscode.l10n.t('A team file has errors: the last good version stays in force until it is fixed.') : vscode.l10n.t('A team file has errors: the bundled defaults apply where it is broken.'), ...brokenLines] : []),
        vscode.l10n.t('{0} errors, {1} warnings', errors, warnings),
        serverLine,
        vscode.l10n.t('Click to open the Problems view'),
      ].join('\n\n'),
    );
    this.item.backgroundColor = running && !broken.length ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
