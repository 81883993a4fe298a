/**
 * One preview panel showing one brief: renders with the core's `renderBriefHtml`, updates while
 * typing (debounced), shows the document's diagnostics in place, syncs scrolling both ways and
 * opens links only through VS Code.
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

/** Delay (milliseconds) between the last edit and the re-render. */
export const RENDER_DEBOUNCE_MS = 250;

/** What the webview script last reported (for tests and diagnostics). */
export interface WebviewReport {
  version: number;
  topics: number;
  markers: number;
  citations: number;
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
  /** Ignore the editor's next visible-range change up to this time (ms): we caused it. */
  private ignoreEditorScrollUntil = 0;
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
    this.disposables.push(
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
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() !== uri.toString() || !e.visibleRanges.length) return;
        if (Date.now() < this.ignoreEditorScrollUntil) return;
        void panel.webview.postMessage({ type: 'scrollToLine', line: e.visibleRanges[0].start.line });
      }),
    );
    this.renderPage();
  }

  /** The open document of this preview, if still open. */
  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  private editorLine(): number | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    return editor?.visibleRanges[0]?.start.line;
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
      const { config } = this.configs.forDocument(document.uri);
      const baseDir = document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined;
      const { html } = renderBriefHtml(document.getText(), config, previewFindings(document), {
        cache: this.cache,
        resolveImage: (src) => this.resolveImage(src, baseDir),
      });
      this.lastHtml = html;
    } catch (error) {
      outputChannel().error(`[preview] rendering ${this.uri.toString()} failed: ${error instanceof Error ? error.stack : String(error)}`);
      const text = error instanceof Error ? error.message : String(error);
      this.lastHtml = `<p class="pb-render-error">${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
    }
    return this.lastHtml;
  }

  /** Workspace images only: relative (or `file:`) paths inside a workspace folder, as webview URIs. */
  private resolveImage(src: string, baseDir: string | undefined): string | undefined {
    if (!baseDir || /^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('file:')) return undefined;
    let file: string;
    try {
      file = src.startsWith('file:') ? vscode.Uri.parse(src).fsPath : path.resolve(baseDir, decodeURIComponent(src.split(/[?#]/)[0]));
    } catch {
      return undefined;
    }
    const uri = vscode.Uri.file(file);
    if (!vscode.workspace.getWorkspaceFolder(uri)) return undefined;
    return this.panel.webview.asWebviewUri(uri).toString();
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
      version: this.version,
      line: this.editorLine(),
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
        this.lastReport = { version: message.version, topics: message.topics, markers: message.markers, citations: message.citations };
        this.reported.fire(this.lastReport);
        break;
      case 'revealLine': {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
        if (!editor || !Number.isFinite(message.line)) return;
        this.ignoreEditorScrollUntil = Date.now() + 200;
        const line = Math.max(0, Math.min(message.line, editor.document.lineCount - 1));
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'openLine':
        void this.openAtLine(message.line);
        break;
      case 'openLink':
        void this.openLink(message.href);
        break;
    }
  }

  private async openAtLine(line: number): Promise<void> {
    if (!Number.isFinite(line)) return;
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: this.findEditorColumn(), preserveFocus: false });
    const position = new vscode.Position(Math.max(0, line), 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private findEditorColumn(): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString())?.viewColumn;
  }

  /** Web links open in the browser (after VS Code's confirmation); relative links open the file in the editor. */
  private async openLink(href: string): Promise<void> {
    if (/^(https?|mailto):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || this.uri.scheme !== 'file') {
      outputChannel().warn(`[preview] link not opened: ${href}`);
      return;
    }
    const [file, fragment] = href.split('#');
    const target = vscode.Uri.file(path.resolve(path.dirname(this.uri.fsPath), decodeURIComponent(file)));
    const line = fragment && /^L(\d+)$/.exec(fragment)?.[1];
    await vscode.commands.executeCommand('vscode.open', target, line ? { selection: new vscode.Range(Number(line) - 1, 0, Number(line) - 1, 0) } : undefined);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposed.fire();
    for (const d of this.disposables) d.dispose();
  }
}
