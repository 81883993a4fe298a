/**
 * Which settings and team configuration apply to an open document, and whether the server treats
 * it as a brief (`briefFiles` globs, then the content: `looksLikeBrief`). Cached per document
 * version while settings and configuration hold.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikeBrief } from '../../core/src/index';
import type { PolicyBriefSettings } from '../protocol';
import type { ConfigEntry, ConfigStore } from '../config/configStore';
import type { SettingsCache } from './settings';
import { matchesAny } from './briefFiles';

/** Which configuration and settings apply to a document, and whether it is a brief. */
export interface DocumentContext {
  settings: PolicyBriefSettings;
  entry: ConfigEntry;
  isBrief: boolean;
  /** Why it is (or is not) a brief: 'glob', 'content' (front matter or topic headings), 'disabled', 'no' (not Markdown, or no marker and no numbered topic heading). */
  reason: 'glob' | 'content' | 'disabled' | 'no';
}

/** File path of a `file:` URI, else undefined. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The contexts of open documents. */
export class DocumentContexts {
  folders: WorkspaceFolder[] = [];

  constructor(readonly settings: SettingsCache, readonly configs: ConfigStore) {}

  /** The workspace folder path that contains `file` (the longest match), or undefined. */
  folderOf(file: string | undefined): string | undefined {
    if (!file) return undefined;
    let best: string | undefined;
    for (const folder of this.folders) {
      const folderPath = uriToPath(folder.uri);
      if (folderPath && (file === folderPath || file.startsWith(folderPath.endsWith(path.sep) ? folderPath : folderPath + path.sep)) && (!best || folderPath.length > best.length)) best = folderPath;
    }
    return best;
  }

  /** The last context computed per document, reused while version, settings and configuration hold. */
  private readonly contexts = new Map<string, { version: number; settings: PolicyBriefSettings; entry: ConfigEntry; context: DocumentContext }>();

  /** Settings, configuration and brief status of an open document (cached per version). */
  async get(document: TextDocument): Promise<DocumentContext> {
    const settings = await this.settings.get(document.uri);
    const cached = this.contexts.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && this.configs.has(cached.entry)) return cached.context;
    const context = this.computeContext(document, settings);
    this.contexts.set(document.uri, { version: document.version, settings, entry: context.entry, context });
    return context;
  }

  private computeContext(document: TextDocument, settings: PolicyBriefSettings): DocumentContext {
    const file = uriToPath(document.uri);
    const folder = this.folderOf(file) ?? (file ? undefined : this.folders.map((f) => uriToPath(f.uri)).find(Boolean));
    const entry = this.configs.forDocument(file, folder, { schemaPath: settings.schemaPath ?? undefined, issuingBodiesPath: settings.issuingBodiesPath ?? undefined, policyTitlesPath: settings.policyTitlesPath ?? undefined }, true);
    if (!settings.enable) return { settings, entry, isBrief: false, reason: 'disabled' };
    if (file && settings.briefFiles.length) {
      const relative = path.relative(folder ?? path.dirname(file), file).split(path.sep).join('/');
      if (matchesAny(relative, settings.briefFiles)) return { settings, entry, isBrief: true, reason: 'glob' };
    }
    if (!/markdown/i.test(document.languageId) && !/\.(md|markdown)$/i.test(document.uri)) return { settings, entry, isBrief: false, reason: 'no' };
    const brief = looksLikeBrief(document.getText(), entry.config.schema.issue.topics.headingLevel);
    return { settings, entry, isBrief: brief, reason: brief ? 'content' : 'no' };
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.contexts.delete(uri);
  }

  /** Drops every cached context (configuration, settings or folders changed). */
  clear(): void {
    this.contexts.clear();
  }
}
