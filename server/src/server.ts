/**
 * The Policy Brief language server: `policy-brief-language-server --stdio` (or `--node-ipc`,
 * `--socket=<port>`; the transport is read from the command line by vscode-languageserver).
 * LSP wiring only: the checks and editor features live in the pure core (`server/core/src`),
 * the node-side configuration in `server/src/config`, the LSP adapters in `server/src/lsp`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind,
  type CancellationToken, type ClientCapabilities, type DocumentDiagnosticParams, type Disposable, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareCompletion, COMPLETION_TRIGGER_CHARACTERS, type FileFindings } from '../core/src/index';
import { FIX_ALL_KIND, IsBriefRequest, BriefStatusRequest, ConfigStatusNotification, type ConfigStatusParams, type IsBriefParams } from './protocol';
import { Analysis, uriToPath } from './lsp/analysis';
import { ConfigStore, isBroken, type ConfigEntry } from './config/configStore';
import { readFromDisk, TEAM_FOLDER } from './config/projectConfig';
import { Diagnostics } from './lsp/diagnostics';
import { registerFeatures, registerCommands, SERVER_COMMANDS } from './lsp/features';
import { lazyCompletionParts } from './lsp/completionResolve';
import { SettingsCache } from './lsp/settings';
import { ServerWatcher, registerClientWatchers } from './lsp/watch';
import { ArchiveService } from './lsp/archive';
import { addToPolicyTitlesActions, registerArchiveFeatures } from './lsp/archiveFeatures';
import { toDiagnostic } from './lsp/convert';
import { ParseWorker, runParseWorker } from './lsp/parseWorker';
import { onRequestChecked } from './lsp/params';

/** Quiet time after an edit of an open team file before its configuration is reloaded (milliseconds). */
const CONFIG_EDIT_DEBOUNCE_MS = 200;

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
      void connection.sendDiagnostics({ uri, diagnostics: file.findings.map((f) => toDiagnostic(f, uri)) });
    }
    const status: ConfigStatusParams = {
      folderUri: entry.teamFolder ? pathToFileURL(entry.teamFolder).href : null,
      files: entry.latest.files.map((f) => pathToFileURL(f.path).href),
      broken: entry.latest.files.filter((f) => f.findings.some((x) => x.severity === 'error')).map((f) => pathToFileURL(f.path).href),
    };
    if (isBroken(entry.latest)) log(`Configuration ${entry.teamFolder ?? '(overrides)'} has errors${entry.usingLastGood ? '; the last good version stays in use' : ''}: ${status.broken.join(', ') || entry.latest.missing.join(', ')}`);
    void connection.sendNotification(ConfigStatusNotification, status);
    // Off the typing path: build the completion indexes of this catalogue, update watchers.
    setImmediate(() => {
      try {
        prepareCompletion(entry.config.catalogue);
        if (serverWatcher) serverWatcher.update(configs.watchPaths());
      } catch (error) {
        connection.console.error(`Preparing completion failed: ${(error as Error).message}`);
      }
    });
  }

  // Open team files are read from the editor, so their errors show while they are edited.
  const readConfigFile = (file: string) => documents.get(pathToFileURL(file).href)?.getText() ?? readFromDisk(file);
  // Watcher updates of a burst of newly opened documents are done once, after the burst.
  let watchUpdateQueued = false;
  const queueWatchUpdate = () => {
    if (watchUpdateQueued || !serverWatcher) return;
    watchUpdateQueued = true;
    setImmediate(() => {
      watchUpdateQueued = false;
      serverWatcher?.update(configs.watchPaths());
    });
  };
  const configs = new ConfigStore(publishConfigFiles, log, readConfigFile, queueWatchUpdate);
  /** True for a configuration file (in a `.policy-brief/` folder, or one a configuration depends on). */
  const isConfigFile = (file: string | undefined) => !!file && (path.basename(path.dirname(file)) === TEAM_FOLDER || configs.dependencies().includes(file));
  const configEditTimers = new Map<string, NodeJS.Timeout>();
  /** An open team file changed in the editor: reload the configurations that read it (debounced). */
  function configFileEdited(file: string): void {
    clearTimeout(configEditTimers.get(file));
    configEditTimers.set(file, setTimeout(() => {
      configEditTimers.delete(file);
      configChanged([file]);
    }, CONFIG_EDIT_DEBOUNCE_MS));
  }
  const settings = new SettingsCache(connection, () => !!capabilities.workspace?.configuration);
  const parseWorker = new ParseWorker(__filename, log);
  const analysis = new Analysis(connection, documents, settings, configs, parseWorker);
  const archive = new ArchiveService(configs, (folderUri) => settings.get(folderUri), () => diagnostics?.refreshAll(), log, parseWorker);
  analysis.archive = archive;

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    analysis.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    const pull = !!capabilities.textDocument?.diagnostic;
    diagnostics = new Diagnostics(connection, analysis, pull, !!capabilities.workspace?.diagnostics?.refreshSupport);
    clientWatching = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const abilities = {
      snippets: !!capabilities.textDocument?.completion?.completionItem?.snippetSupport,
      resourceOperations: !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      lazyCompletion: lazyCompletionParts(capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties),
    };
    // Title completion leaves out the citation being typed (the archive holds the open text).
    const citedTitles = (uri: string, line: number) => {
      const file = uriToPath(uri);
      return archive.citedTitles(file ? { briefId: ArchiveService.idOf(file), line } : undefined);
    };
    registerFeatures(connection, analysis, abilities, citedTitles, (analysed, start, end) => addToPolicyTitlesActions(analysis, archive, abilities, analysed, start, end));
    registerArchiveFeatures(connection, analysis, archive);
    registerCommands(connection);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: SERVER_COMMANDS },
        referencesProvider: true,
        definitionProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-brief-language-server', version: '0.1.0' },
    };
    if (pull) result.capabilities.diagnosticProvider = { identifier: 'policy-brief', interFileDependencies: true, workspaceDiagnostics: false };
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
        serverWatcher.update(configs.watchPaths());
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
    if (serverWatcher) serverWatcher.update(configs.watchPaths());
    // The archive's entries depend on the schema and the catalogue (body keys, dates, document keys): index again.
    void archive.discover(folderPaths());
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
        void archive.discover(folderPaths());
      });
    }
    // The archive of the workspace's briefs, in the background.
    setTimeout(() => void archive.discover(folderPaths()), 0);
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
    void archive.filesChanged(paths, (file) => analysis.folderOf(file));
  });

  const openedVersion = new Map<string, number>();
  documents.onDidOpen((event) => {
    const file = uriToPath(event.document.uri);
    if (isConfigFile(file)) {
      if (event.document.getText() !== readFromDisk(file!)) configFileEdited(file!);
      return;
    }
    openedVersion.set(event.document.uri, event.document.version);
    diagnostics.changed(event.document.uri, true);
  });
  documents.onDidChangeContent(async (event) => {
    const uri = event.document.uri;
    const file = uriToPath(uri);
    if (isConfigFile(file)) return configFileEdited(file!);
    if (openedVersion.get(uri) === event.document.version) return; // the open itself: already scheduled
    archive.typing();
    try {
      const current = await settings.get(uri);
      if (current.validate === 'onType') diagnostics.changed(uri);
    } catch (error) {
      connection.console.error(`Change of ${uri}: ${(error as Error).message}`);
    }
  });
  documents.onDidSave(async (event) => {
    const uri = event.document.uri;
    const current = await settings.get(uri);
    if (current.validate === 'onSave') {
      if (diagnostics.pull) {
        analysis.invalidate();
        void analysis.analyse(uri).then(() => diagnostics.refreshAll());
      } else diagnostics.changed(uri, true);
    }
  });
  documents.onDidClose((event) => {
    const file = uriToPath(event.document.uri);
    // Closed without saving: the file on disk applies again.
    if (isConfigFile(file)) return configFileEdited(file!);
    openedVersion.delete(event.document.uri);
    if (file) archive.closed(ArchiveService.idOf(file), file, analysis.folderOf(file));
    diagnostics.closed(event.document.uri);
    analysis.forget(event.document.uri);
  });

  onRequestChecked(connection, 'textDocument/diagnostic', async (params: DocumentDiagnosticParams, token: CancellationToken) => diagnostics.report(params.textDocument.uri, params.previousResultId, token));

  onRequestChecked(connection, IsBriefRequest.method, async (params: IsBriefParams) => {
    const document = documents.get(params.uri);
    if (!document) return false;
    return (await analysis.context(document)).isBrief;
  });

  onRequestChecked(connection, BriefStatusRequest.method, async (params: IsBriefParams) => {
    const document = documents.get(params.uri);
    if (!document) return { isBrief: false, schemaName: '', usingLastGood: false, brokenFiles: [], missingFiles: [] };
    const { isBrief, entry } = await analysis.context(document);
    return {
      isBrief,
      schemaName: entry.config.schema.name,
      usingLastGood: entry.usingLastGood,
      brokenFiles: entry.latest.files.filter((f) => f.findings.some((x) => x.severity === 'error')).map((f) => pathToFileURL(f.path).href),
      missingFiles: entry.latest.missing.map((f) => pathToFileURL(f).href),
    };
  });

  documents.listen(connection);
  connection.listen();
}
