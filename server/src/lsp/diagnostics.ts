/**
 * Diagnostics: pull (`textDocument/diagnostic`, computed on demand, result ids = document
 * version + configuration generation) when the client supports it, else push
 * (`textDocument/publishDiagnostics`, debounced `DEBOUNCE_MS` after the last edit). A result is
 * published only if the document is still open at the version that was checked, so closed
 * documents never get diagnostics back and edits never show stale ones.
 */
import {
  DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Diagnostic, type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Analysed, Analysis } from './analysis';
import { toDiagnostic } from './convert';
import { ruleDocsBase } from '../config/packageData';

/** Push mode: quiet time after the last edit before checking (milliseconds). */
export const DEBOUNCE_MS = 150;

/** LSP diagnostics of a check (an unknown issuing body's name in `data.unknownBody`). */
export function diagnosticsOf(analysed: Analysed): Diagnostic[] {
  return analysed.findings.map((finding) => toDiagnostic(finding, analysed.uri,
    typeof finding.data?.unknownBody === 'string' ? { unknownBody: finding.data.unknownBody } : undefined,
    ruleDocsBase(analysed.entry.config.schema.docsBaseUrl)));
}

/** Publishes or serves diagnostics of open briefs. */
export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents that currently have pushed diagnostics. */
  private readonly pushed = new Set<string>();

  /**
   * @param pull true when the client pulls diagnostics (`textDocument.diagnostic` capability)
   */
  constructor(private readonly connection: Connection, private readonly analysis: Analysis, readonly pull: boolean, private readonly refreshSupport: boolean) {}

  /** The document changed (or opened): re-check soon (push mode). */
  changed(uri: string, immediately = false): void {
    if (this.pull) return;
    this.analysis.queue.want(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, immediately ? 0 : DEBOUNCE_MS));
  }

  private async publish(uri: string): Promise<void> {
    try {
      const document = this.analysis.documents.get(uri);
      if (!document) return;
      const version = document.version;
      const analysed = await this.analysis.analyse(uri, () => this.analysis.documents.get(uri)?.version !== version);
      const current = this.analysis.documents.get(uri);
      if (!current) return; // closed while checking: publish nothing
      if (!analysed) {
        if (current.version === version) {
          // Not a brief (or disabled): clear, so clients see a definite empty state.
          this.pushed.delete(uri);
          await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
        }
        return;
      }
      if (analysed.version !== current.version) return; // a newer edit will publish
      this.pushed.add(uri);
      await this.connection.sendDiagnostics({ uri, version: analysed.version, diagnostics: diagnosticsOf(analysed) });
    } catch (error) {
      this.connection.console.error(`Checking ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  /** Serves a pull request. */
  async report(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const context = this.analysis.documents.get(uri);
    if (!context) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const ctx = await this.analysis.context(context);
    let analysed: Analysed | undefined;
    if (ctx.isBrief && ctx.settings.validate === 'onSave') analysed = this.analysis.latest(uri) ?? await this.analysis.analyse(uri, () => token.isCancellationRequested);
    else if (ctx.isBrief) analysed = await this.analysis.analyse(uri, () => token.isCancellationRequested);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostic request was cancelled.');
    if (!analysed) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (previousResultId === analysed.resultKey) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: analysed.resultKey };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: analysed.resultKey, items: diagnosticsOf(analysed) };
  }

  /** The document closed: stop pending work and clear its diagnostics. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.pushed.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Configuration or settings changed: recompute every open document. */
  refreshAll(): void {
    if (this.pull) {
      if (this.refreshSupport) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.analysis.documents.all()) this.changed(document.uri, true);
  }
}
