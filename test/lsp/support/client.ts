/**
 * A real LSP client for tests: spawns `node dist/server/server.js --stdio` and speaks the
 * protocol with `vscode-languageserver-protocol/node`. Waits on notifications and responses,
 * never on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, ConfigurationRequest, RegistrationRequest, DocumentDiagnosticRequest, ShutdownRequest, ExitNotification,
  DiagnosticRefreshRequest, ShowMessageNotification, LogMessageNotification, ShowMessageRequest,
  type ProtocolConnection, type ClientCapabilities, type PublishDiagnosticsParams, type Diagnostic, type WorkspaceFolder,
  type DocumentDiagnosticReport, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** Clients not stopped yet; a root hook stops them so that mocha never hangs on a server. */
const running = new Set<TestClient>();
after(async () => {
  await Promise.all([...running].map((client) => client.stop()));
});

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server', 'server.js');

/** Options of a test client. */
export interface ClientOptions {
  /** Pull diagnostics (`textDocument.diagnostic`) — default true. */
  pull?: boolean;
  /** Dynamic registration of didChangeWatchedFiles — default true. */
  watch?: boolean;
  /** Settings per scope URI prefix (`policyBrief` section); default none. */
  settings?: (scopeUri: string | undefined) => unknown;
  workspaceFolders?: WorkspaceFolder[];
  /** Whether the client answers `workspace/configuration` — default true. */
  configuration?: boolean;
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** `completionItem.resolveSupport.properties` (what VS Code resolves lazily) — default none. */
  completionResolve?: string[];
}

/** A running server with a connected client. */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  refreshes = 0;
  registrations: unknown[] = [];
  private listeners: (() => void)[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  stderr = '';

  constructor(readonly options: ClientOptions = {}) {
    running.add(this);
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.notify();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => { this.logs.push(params.message); this.notify(); });
    this.connection.onNotification(ShowMessageNotification.type, (params) => { this.logs.push(params.message); this.notify(); });
    this.connection.onRequest(ShowMessageRequest.type, () => null);
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => options.settings?.(item.scopeUri) ?? {}));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.notify();
    });
    this.connection.listen();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves when `predicate` holds, re-checked on every message from the server. */
  waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined | false;
        try {
          value = predicate();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined && value !== false) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`Timed out waiting for ${what}. Server stderr: ${this.stderr.slice(-2000)}`)); }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  async initialize(rootFolders?: WorkspaceFolder[]): Promise<void> {
    const pull = this.options.pull ?? true;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: this.options.configuration ?? true,
        didChangeWatchedFiles: { dynamicRegistration: this.options.watch ?? true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        diagnostics: pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        synchronization: { didSave: true },
        completion: { completionItem: { snippetSupport: true, tagSupport: { valueSet: [1] }, labelDetailsSupport: true, ...(this.options.completionResolve ? { resolveSupport: { properties: this.options.completionResolve } } : {}) } },
        hover: { contentFormat: ['markdown'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        diagnostic: pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    };
    const folders = rootFolders ?? this.options.workspaceFolders ?? null;
    await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folders?.[0]?.uri ?? null, capabilities, workspaceFolders: folders });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  text(uri: string): string {
    return this.texts.get(uri)!;
  }

  version(uri: string): number {
    return this.versions.get(uri)!;
  }

  /** Sends an incremental change (offsets in UTF-16 of the current text). */
  async edit(uri: string, start: number, end: number, newText: string): Promise<number> {
    const text = this.texts.get(uri)!;
    const change: TextDocumentContentChangeEvent = { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: newText };
    const version = this.versions.get(uri)! + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text.slice(0, start) + newText + text.slice(end));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  /** Replaces the whole text (full change). */
  async replace(uri: string, text: string): Promise<number> {
    const version = this.versions.get(uri)! + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** The diagnostics of `uri`: pulled (pull mode) or the next push whose version is the current one. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.options.pull ?? true) {
      const report = await this.pull(uri);
      return report.kind === 'full' ? report.items : [];
    }
    const version = this.versions.get(uri);
    const found = await this.waitFor(() => this.lastPublished(uri, version), `diagnostics of ${uri} v${version}`);
    return found.diagnostics;
  }

  /** The last publishDiagnostics of `uri` (for `version` when given). */
  lastPublished(uri: string, version?: number): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) {
      const p = this.published[i];
      if (p.uri === uri) return version === undefined || p.version === version ? p : undefined;
    }
    return undefined;
  }

  async stop(): Promise<void> {
    running.delete(this);
    try {
      await Promise.race([
        this.connection.sendRequest(ShutdownRequest.type).then(() => this.connection.sendNotification(ExitNotification.type)),
        new Promise((resolve) => setTimeout(resolve, 3000)),
      ]);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => { this.process.kill(); resolve(undefined); }, 3000);
        this.process.once('exit', () => { clearTimeout(timer); resolve(undefined); });
      });
    }
  }
}

/** LSP position (UTF-16) of an offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (ch === 10 || ch === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offset of an LSP position in `text`. */
export function offsetAt(text: string, position: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const ch = text.charCodeAt(i++);
    if (ch === 13 && text.charCodeAt(i) === 10) i++;
    if (ch === 10 || ch === 13) line++;
  }
  return i + position.character;
}

/** Applies LSP text edits (non-overlapping) to `text`. */
export function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of withOffsets) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** A fresh temp folder (removed by the caller). */
export function tempFolder(prefix = 'pb-lsp-'): string {
  return fs.mkdtempSync(path.join(require('node:os').tmpdir(), prefix));
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export const exampleBrief = fs.readFileSync(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), 'utf8');
