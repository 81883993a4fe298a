/**
 * The Policy Brief language server: `policy-brief-language-server --stdio` (or `--node-ipc`,
 * `--socket=<port>`; the transport is read from the command line by vscode-languageserver).
 * LSP wiring only: the checks and editor features live in the pure core (`server/core/src`),
 * the node-side configuration in `server/src/config`, the LSP adapters in `server/src/lsp`.
 */
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind,
  type CancellationToken, type ClientCapabilities, type DocumentDiagnosticParams, type Disposable, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareCompletion, type FileFindings } from '../core/src/index';
import { FIX_ALL_KIND, IsBriefRequest, ConfigStatusNotification, type IsBriefParams, type ConfigStatusParams } from './protocol';
import { Analysis, uriToPath } from './lsp/analysis';
import { ConfigStore, isBroken, type ConfigEntry } from './lsp/configStore';
import { Diagnostics } from './lsp/diagnostics';
import { registerFeatures } from './lsp/features';
import { SettingsCache } from './lsp/settings';
import { ServerWatcher, registerClientWatchers } from './lsp/watch';
import { WorkspaceTitles } from './lsp/workspaceTitles';
import { toDiagnostic } from './lsp/convert';
import { ParseWorker, runParseWorker } from './lsp/parseWorker';
import { onRequestChecked } from './lsp/params';

// The same bundle runs the Markdown parse worker (see lsp/parseWorker.ts).
if (isMainThread) main();
else runParseWorker();

/** Starts the language server on the transport given on the command line. */
function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const log = (line: string) => connection.console.log(line);

  // The process must survive any failure: log it and carry on.
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${error?.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));

  let capabilities: ClientCapabilities = {};
  let clientWatching = false;
  let clientRegistration: Disposable | undefined;
  let serverWatcher: ServerWatcher | undefined;
  let diagnostics: Diagnostics;

  /** URIs of configuration files that currently have published diagnostics. */
  const configFileUris = new Set<string>();

  function publishConfigFiles(entry: ConfigEntry, files: FileFindings[]): void {
    for (const file of files) {
      const uri = pathToFileURL(file.path).href;
      if (!file.findings.length && !configFileUris.has(uri)) continue;
      if (file.findings.length) configFileUris.add(uri);
      else configFileUris.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: file.findings.map((f) => toDiagnostic(f, uri, undefined, false)) });
    }
    const status: ConfigStatusParams = {
      folderUri: entry.teamFolder ? pathToFileURL(entry.teamFolder).href : null,
      files: entry.latest.files.map((f) => pathToFileURL(f.path).href),
      broken: entry.latest.files.filter((f) => f.findings.some((x) => x.severity === 'error')).map((f) => pathToFileURL(f.path).href),
    };
    if (isBroken(entry.latest)) log(`Configuration ${entry.teamFolder ?? '(overrides)'} has errors${entry.usingLastGood ? '; the last good version stays in use' : ''}: ${status.broken.join(', ') || entry.latest.missing.join(', ')}`);
    void connection.sendNotification(ConfigStatusNotification.method, status);
    // Off the typing path: build the completion indexes of this catalogue, update watchers.
    setImmediate(() => {
      try {
        prepareCompletion(entry.config.catalogue);
        if (serverWatcher) serverWatcher.update(configs.dependencies());
      } catch (error) {
        connection.console.error(`Preparing completion failed: ${(error as Error).message}`);
      }
    });
  }

  const configs = new ConfigStore(publishConfigFiles, log);
  const settings = new SettingsCache(connection, () => !!capabilities.workspace?.configuration);
  const analysis = new Analysis(connection, documents, settings, configs, new ParseWorker(__filename, log));
  const titles = new WorkspaceTitles((file) => configs.forDocument(file, analysis.folderOf(file), {}).config.schema, log);

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    analysis.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    const pull = !!capabilities.textDocument?.diagnostic;
    diagnostics = new Diagnostics(connection, analysis, pull, !!capabilities.workspace?.diagnostics?.refreshSupport);
    clientWatching = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    registerFeatures(connection, analysis, {
      snippets: !!capabilities.textDocument?.completion?.completionItem?.snippetSupport,
      resourceOperations: !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    }, () => titles.titles);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [',', '，', '、', ':', '：', '(', '（'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-brief-language-server', version: '0.1.0' },
    };
    if (pull) result.capabilities.diagnosticProvider = { identifier: 'policy-brief', interFileDependencies: false, workspaceDiagnostics: false };
    return result;
  });

  async function updateWatchers(): Promise<void> {
    try {
      if (clientWatching) {
        const extra = new Set<string>();
        for (const entry of configs.all()) for (const file of Object.values(entry.overrides)) if (file) extra.add(file);
        clientRegistration?.dispose();
        clientRegistration = await registerClientWatchers(connection, [...extra]);
      } else {
        serverWatcher ??= new ServerWatcher(configChanged, log);
        serverWatcher.update(configs.dependencies());
      }
    } catch (error) {
      connection.console.error(`Cannot watch the configuration files: ${(error as Error).message}`);
    }
  }

  function configChanged(paths: string[] | undefined): void {
    const updated = configs.reload(paths);
    if (!updated.length) return;
    analysis.invalidate();
    diagnostics.refreshAll();
    if (serverWatcher) serverWatcher.update(configs.dependencies());
  }

  function folderPaths(): string[] {
    return analysis.folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  }

  connection.onInitialized(() => {
    void updateWatchers();
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        analysis.folders = [...analysis.folders.filter((f) => !removed.has(f.uri)), ...event.added] as WorkspaceFolder[];
        analysis.invalidate();
        diagnostics.refreshAll();
        void titles.scan(event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p));
      });
    }
    // Cited titles of the workspace's briefs, in the background.
    setTimeout(() => void titles.scan(folderPaths()), 0);
  });

  connection.onDidChangeConfiguration((params) => {
    settings.clear(params.settings);
    analysis.invalidate();
    diagnostics.refreshAll();
    void updateWatchers();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => !!p);
    configChanged(paths);
  });

  const openedVersion = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedVersion.set(event.document.uri, event.document.version);
    diagnostics.changed(event.document.uri, true);
  });
  documents.onDidChangeContent(async (event) => {
    const uri = event.document.uri;
    if (openedVersion.get(uri) === event.document.version) return; // the open itself: already scheduled
    try {
      const current = await settings.get(uri);
      if (current.validate === 'onType') diagnostics.changed(uri);
    } catch (error) {
      connection.console.error(`Change of ${uri}: ${(error as Error).message}`);
    }
  });
  documents.onDidSave(async (event) => {
    const uri = event.document.uri;
    const file = uriToPath(uri);
    if (file) void titles.updateFile(file, event.document.getText());
    const current = await settings.get(uri);
    if (current.validate === 'onSave') {
      if (diagnostics.pull) {
        analysis.invalidate();
        void analysis.analyse(uri).then(() => diagnostics.refreshAll());
      } else diagnostics.changed(uri, true);
    }
  });
  documents.onDidClose((event) => {
    openedVersion.delete(event.document.uri);
    diagnostics.closed(event.document.uri);
    analysis.forget(event.document.uri);
  });

  onRequestChecked(connection, 'textDocument/diagnostic', async (params: DocumentDiagnosticParams, token: CancellationToken) => diagnostics.report(params.textDocument.uri, params.previousResultId, token));

  onRequestChecked(connection, IsBriefRequest.method, async (params: IsBriefParams) => {
    const document = documents.get(params.uri);
    if (!document) return false;
    return (await analysis.context(document)).isBrief;
  });

  documents.listen(connection);
  connection.listen();
}
