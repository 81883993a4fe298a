/**
 * The team configuration (issue schema + catalogues) that applies to a document, loaded in the
 * extension host with the same code the server and the CLI use (`findTeamFolder`, `loadConfig`).
 * The preview and the status bar use it, so both keep working while the server is down.
 *
 * Cached per (team folder, path settings); the cache is dropped when a `.policy-brief/*.yaml`
 * file, a file the configuration depends on, or a `policyBrief.*` setting changes.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { findTeamFolder, loadConfig, type ResolvedConfig } from '../../server/src/config/projectConfig';
import { folderOf, resolveSettingPath, settingsFor, SETTINGS_SECTION } from './settings';
import { outputChannel } from './output';

/** Glob of the team files watched in every workspace folder. */
export const TEAM_FILES_GLOB = '**/.policy-brief/*.{yaml,yml}';

export class TeamConfigs implements vscode.Disposable {
  private readonly cache = new Map<string, ResolvedConfig>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when cached configurations were dropped (reload what you show). */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(TEAM_FILES_GLOB);
    const invalidate = () => this.invalidate();
    this.disposables.push(
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.invalidate();
      }),
      // Files named in settings (or referenced by a team schema) may live outside `.policy-brief/`.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme !== 'file') return;
        for (const resolved of this.cache.values()) {
          if (resolved.dependencies.includes(doc.uri.fsPath)) return this.invalidate();
        }
      }),
    );
  }

  /** The configuration for a document (synchronous; loads and caches on first use). */
  forDocument(uri: vscode.Uri): ResolvedConfig {
    const settings = settingsFor(uri);
    const folder = folderOf(uri);
    const start = uri.scheme === 'file' ? path.dirname(uri.fsPath) : folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    const teamFolder = start ? findTeamFolder(start) : undefined;
    const overrides = {
      schemaPath: resolveSettingPath(settings.schemaPath, uri),
      issuingBodiesPath: resolveSettingPath(settings.issuingBodiesPath, uri),
      policyTitlesPath: resolveSettingPath(settings.policyTitlesPath, uri),
    };
    const key = JSON.stringify([teamFolder ?? null, overrides]);
    let resolved = this.cache.get(key);
    if (!resolved) {
      const started = Date.now();
      resolved = loadConfig(teamFolder, overrides);
      this.cache.set(key, resolved);
      outputChannel().info(`[client] configuration for ${teamFolder ?? '(bundled defaults)'}: schema "${resolved.config.schema.name}" (${Date.now() - started} ms)`);
      for (const missing of resolved.missing) outputChannel().warn(`[client] configured file not found: ${missing}`);
    }
    return resolved;
  }

  /** Drops every cached configuration and notifies listeners. */
  invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
