/**
 * One preview panel showing one brief: renders with the core's `renderBriefHtml`, updates while
 * typing (debounced) and shows the document's diagnostics in place. Scroll sync: `scrollSync.ts`;
 * images and links (only through VS Code): `links.ts`.
 */
import * as vscode from 'vscode';
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { renderBriefHtml } from '../../../server/core/src/features/preview';
import { ParseCache } from '../../../server/core/src/model/parseCache';
import { previewPageHtml } from './previewPage';
import { previewFindings } from './findings';
import type { TeamConfigs } from '../teamConfig';
import { outputChannel } from '../output';
import { openLink, resolveImage } from './links';
import { ScrollSync } from './scrollSync';

/** Delay (milliseconds) between the last edit and the re-render. */
export const RENDER_DEBOUNCE_MS = 250;

/** What the webview script last reported (for tests and diagnostics). */
export interface WebviewReport {
  version: number;
  topics: number;
  markers: number;
  citations: number;
  /**
   * The webview's persisted state (`getState()` in client/media/preview.js) when it reported:
   * `{ uri, line? }`, what VS Code hands to the preview serializer after a window reload.
   */
  state?: { uri?: string; line?: number };
}

/** Messages from the webview script (`client/media/preview.js`). */
type FromWebview =
  | { type: 'ready'; version: number }
  | ({ type: 'rendered' } & WebviewReport)
  | { type: 'revealLine'; line: number }
  | { type: 'openLine'; line: number }
  | { type: 'openLink'; href: string };

export class BriefPreview implements vscode.Disposable {
  /** View type of the preview panels (also used for `activeWebviewPanelId` when clauses). */
  static readonly viewType = 'policyBrief.preview';

  private readonly disposables: vscode.Disposable[] = [];
  private readonly cache = new ParseCache();
  private timer: NodeJS.Timeout | undefined;
  private version = 0;
  /**
   * The webview may not show the latest render: a render was skipped while the panel was hidden,
   * or a message was not delivered. The next `ready` from the webview then triggers a render.
   */
  private stale = false;
  /** Document version (`TextDocument.version`) each recent render version was made from. */
  private readonly renderedDocumentVersions = new Map<number, number>();
  private readonly scroll: ScrollSync;
  private readonly disposed = new vscode.EventEmitter<void>();
  private readonly reported = new vscode.EventEmitter<WebviewReport>();
  readonly onDidDispose = this.disposed.event;
  /** Fires when the webview script reports a finished render. */
  readonly onDidReport = this.reported.event;
  /** The last sanitized HTML fragment sent to the webview. */
  lastHtml = '';
  lastReport: WebviewReport | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly configs: TeamConfigs,
  ) {
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)],
    };
    this.scroll = new ScrollSync(uri, panel.webview);
    this.disposables.push(
      this.scroll,
      this.disposed,
      this.reported,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString()) this.scheduleRender();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) this.scheduleRender();
      }),
      configs.onDidChange(() => this.scheduleRender()),
    );
    this.renderPage();
  }

  /** The open document of this preview, if still open. */
  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  /** Renders the brief to a sanitized fragment; an error becomes a visible message. */
  private renderFragment(): string {
    const document = this.document();
    if (!document) return this.lastHtml;
    this.renderedDocumentVersions.set(this.version, document.version);
    // Keep only recent renders: a report names one of the last few versions.
    for (const old of this.renderedDocumentVersions.keys()) {
      if (old > this.version - 32) break;
      this.renderedDocumentVersions.delete(old);
    }
    try {
      const config = this.configs.forDocument(document.uri);
      const baseDir = document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined;
      const { html } = renderBriefHtml(document.getText(), config, previewFindings(document), {
        cache: this.cache,
        resolveImage: (src) => resolveImage(this.panel.webview, src, baseDir),
      });
      this.lastHtml = html;
    } catch (error) {
      outputChannel().error(`[preview] rendering ${this.uri.toString()} failed: ${error instanceof Error ? error.stack : String(error)}`);
      const text = error instanceof Error ? error.message : String(error);
      this.lastHtml = `<p class="pb-render-error">${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
    }
    return this.lastHtml;
  }

  /** Sets the whole page (first render). */
  private renderPage(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'client', 'media');
    this.version++;
    this.panel.webview.html = previewPageHtml({
      cspSource: webview.cspSource,
      styleHref: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptHref: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      nonce: crypto.randomBytes(16).toString('base64'),
      bodyHtml: this.renderFragment(),
      title: vscode.l10n.t('Preview {0}', path.basename(this.uri.path)),
      documentUri: this.uri.toString(),
      version: this.version,
      line: this.scroll.editorLine(),
    });
  }

  /**
   * Re-renders after `RENDER_DEBOUNCE_MS` without further changes. A hidden panel is not rendered:
   * its webview is discarded (no `retainContextWhenHidden`), and when shown again it reloads the
   * page and reports `ready`, which renders the current text.
   */
  scheduleRender(): void {
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, RENDER_DEBOUNCE_MS);
  }

  /** Re-renders now and sends the fragment to the webview. */
  async update(): Promise<void> {
    this.stale = false;
    this.version++;
    const html = this.renderFragment();
    const delivered = await this.panel.webview.postMessage({ type: 'render', html, version: this.version });
    if (!delivered) this.stale = true;
  }

  /** Current render version (incremented on every render). */
  get renderVersion(): number {
    return this.version;
  }

  /**
   * The document version (`TextDocument.version`) that render `renderVersion` was made from, or
   * `undefined` for a render older than the last 32 or made while the document was closed.
   */
  documentVersionOf(renderVersion: number): number | undefined {
    return this.renderedDocumentVersions.get(renderVersion);
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        // The page (re)loaded from `webview.html`, which may be older than the last render
        // (posted while the page was loading, or the panel was hidden and its webview discarded).
        if (this.stale || message.version < this.version) void this.update();
        break;
      case 'rendered':
        this.lastReport = { version: message.version, topics: message.topics, markers: message.markers, citations: message.citations, state: message.state };
        this.reported.fire(this.lastReport);
        break;
      case 'revealLine':
        this.scroll.revealLine(message.line);
        break;
      case 'openLine':
        void this.scroll.openLine(message.line);
        break;
      case 'openLink':
        void openLink(this.uri, message.href);
        break;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposed.fire();
    for (const d of this.disposables) d.dispose();
  }
}
