/**
 * The configuration the preview renders with. The preview renders in the extension host (like
 * VS Code's Markdown preview), so it needs the issue schema and catalogues itself: it takes them
 * from the one `ConfigStore` the server and the CLI use (same discovery, same loader, same
 * last-good rule), reloaded when a team file or a file the configuration depends on changes.
 * What the server applies (brief or not, schema in force, broken files) comes from the server:
 * see `briefStatus.ts`.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { ConfigStore } from '../../server/src/config/configStore';
import type { CheckConfig } from '../../server/core/src/index';
import { TEAM_FILES_GLOB } from './languageClient';
import { folderOf, settingsFor, SETTINGS_SECTION } from './settings';
import { outputChannel } from './output';

export class TeamConfigs implements vscode.Disposable {
  private store = this.newStore();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when a configuration may have changed (re-render what you show). */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(TEAM_FILES_GLOB);
    const reload = (uri?: vscode.Uri) => this.reload(uri);
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.reload();
      }),
      // Files named in settings (or referenced by a team schema) may live outside `.policy-brief/`.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme === 'file' && this.store.dependencies().includes(doc.uri.fsPath)) this.reload(doc.uri);
      }),
    );
  }

  private newStore(): ConfigStore {
    return new ConfigStore(undefined, (line) => outputChannel().info(`[client] ${line}`));
  }

  /** The configuration for a document (synchronous; loads on first use). */
  forDocument(uri: vscode.Uri): CheckConfig {
    const settings = settingsFor(uri);
    const folder = folderOf(uri);
    const base = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    const file = uri.scheme === 'file' ? uri.fsPath : undefined;
    return this.store.forDocument(file, base ?? (file ? path.dirname(file) : undefined), {
      schemaPath: settings.schemaPath ?? undefined,
      issuingBodiesPath: settings.issuingBodiesPath ?? undefined,
      policyTitlesPath: settings.policyTitlesPath ?? undefined,
    }).config;
  }

  /** Reloads what depends on `changed` (everything when undefined: settings changed) and notifies listeners. */
  private reload(changed?: vscode.Uri): void {
    if (changed) this.store.reload([changed.fsPath]);
    else this.store = this.newStore();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
