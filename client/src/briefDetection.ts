/**
 * Which open Markdown documents are briefs, and the `policyBrief.isBrief` context key for the
 * active editor (used by the preview keybindings and the editor-title button, so Markdown's own
 * preview keys keep working in other Markdown files).
 *
 * Briefs stay language `markdown`. A document is a brief when `policyBrief.enable` is on for it
 * and it matches a `policyBrief.briefFiles` glob or looks like one (`looksLikeBrief`: the
 * `policy-brief:` front-matter key or a numbered topic heading) — the same rule as the server.
 */
import * as vscode from 'vscode';
import { looksLikeBrief } from '../../server/core/src/model/recognize';
import { folderOf, settingsFor } from './settings';
import type { TeamConfigs } from './teamConfig';

import { IS_BRIEF_CONTEXT_KEY } from './commandIds';

export { IS_BRIEF_CONTEXT_KEY };

/**
 * True when `document` is a Markdown brief this extension handles.
 * @param headingLevel topic heading level of the document's issue schema (default 2)
 */
export function isBrief(document: vscode.TextDocument, headingLevel = 2): boolean {
  if (document.languageId !== 'markdown') return false;
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  const settings = settingsFor(document.uri);
  if (!settings.enable) return false;
  const folder = folderOf(document.uri);
  if (folder && document.uri.scheme === 'file') {
    for (const glob of settings.briefFiles) {
      if (vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0) return true;
    }
  }
  return looksLikeBrief(document.getText(), headingLevel);
}

/** Keeps `policyBrief.isBrief` in step with the active editor; fires when the answer changes. */
export class BriefContext implements vscode.Disposable {
  private current: boolean | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<boolean>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  /** @param configs team configurations (the topic heading level counts for detection) */
  constructor(private readonly configs: TeamConfigs) {
    this.disposables.push(
      configs.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleUpdate();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policyBrief')) this.update();
      }),
    );
    // After activation: detection may load the team configuration.
    this.timer = setTimeout(() => this.update(), 0);
  }

  /** Whether the active editor shows a brief (as last computed). */
  get activeIsBrief(): boolean {
    return this.current ?? false;
  }

  /** Recomputes after typing pauses (250 ms): detection reads the document's text. */
  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 250);
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = document ? isBrief(document, this.headingLevel(document)) : false;
    if (value === this.current) return;
    this.current = value;
    void vscode.commands.executeCommand('setContext', IS_BRIEF_CONTEXT_KEY, value);
    this.changed.fire(value);
  }

  /** The topic heading level of the document's schema, for Markdown documents only (loads the configuration once). */
  private headingLevel(document: vscode.TextDocument): number | undefined {
    if (document.languageId !== 'markdown') return undefined;
    try {
      return this.configs.forDocument(document.uri).config.schema.issue.topics.headingLevel;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
