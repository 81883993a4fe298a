/**
 * The language client's lifecycle: start the bundled server (`dist/server/server.js`) over
 * Node IPC, restart it on request, and restart it (with a visible message) when it dies.
 *
 * Briefs stay Markdown: the client attaches to every `markdown` document (`file` and
 * `untitled`) and to open team files (`.policy-brief/*.yaml`); the server decides which
 * documents are briefs and reloads the team configuration as its files are edited. Settings are pulled by the server
 * per resource (`workspace/configuration`, section `policyBrief`); the client forwards changes.
 */
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, State, TransportKind,
  type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { outputChannel } from './output';

/** Crash restarts allowed within `RESTART_WINDOW_MS` before giving up. */
const MAX_RESTARTS = 4;
/** Window (milliseconds) in which `MAX_RESTARTS` crashes stop automatic restarts. */
const RESTART_WINDOW_MS = 3 * 60_000;

/** Glob of the team files: watched in every workspace folder, and synchronised with the server while open. */
export const TEAM_FILES_GLOB = '**/.policy-brief/*.{yaml,yml}';

/** The client's state as shown to the user. */
export type ServerStatus = 'starting' | 'running' | 'stopped' | 'failed';

/** Owns the `LanguageClient`; commands work whatever state it is in. */
export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private status_: ServerStatus = 'stopped';
  private crashes: number[] = [];
  /** Automatic restarts after a crash since activation (for tests and the log). */
  crashRestarts = 0;
  /** The last message shown to the user about the server (for tests). */
  lastMessage: string | undefined;
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus>();
  private readonly started = new vscode.EventEmitter<LanguageClient>();
  private readonly disposables: vscode.Disposable[] = [this.statusChanged, this.started];
  /** Fires on every status change. */
  readonly onDidChangeStatus = this.statusChanged.event;
  /** Fires with each newly started client (register notification handlers on it). */
  readonly onDidStart = this.started.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  get status(): ServerStatus {
    return this.status_;
  }

  /** The running client, if any (for requests such as `policyBrief/isBrief`). */
  get runningClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  private setStatus(status: ServerStatus): void {
    if (status === this.status_) return;
    this.status_ = status;
    this.statusChanged.fire(status);
  }

  /** Starts the server. Never throws: a failure is logged, shown, and leaves status `failed`. */
  async start(): Promise<void> {
    if (this.client) return;
    const serverModule = this.context.asAbsolutePath('dist/server/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'markdown', scheme: 'file' },
        { language: 'markdown', scheme: 'untitled' },
        // Open team files go to the server too, so their errors show while they are edited.
        { scheme: 'file', pattern: TEAM_FILES_GLOB },
      ],
      synchronize: {
        configurationSection: SETTINGS_SECTION,
        fileEvents: vscode.workspace.createFileSystemWatcher(TEAM_FILES_GLOB),
      },
      outputChannel: outputChannel(),
      // One outline: VS Code's Markdown outline already lists the headings, and a second provider
      // makes the Outline view and breadcrumbs show two trees and switch between them. The
      // server's symbols (topics, parts, citations) serve editors without one (docs/language-server.md).
      middleware: { provideDocumentSymbols: () => [] },
      errorHandler: this.errorHandler(),
      initializationFailedHandler: (error) => {
        outputChannel().error(`[client] server initialization failed: ${String(error)}`);
        return false;
      },
    };
    const client = new LanguageClient('policyBrief', 'Policy Brief', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setStatus('running');
      else if (e.newState === State.Starting) this.setStatus('starting');
      else if (this.status_ !== 'failed') this.setStatus('stopped');
    });
    this.setStatus('starting');
    try {
      await client.start();
      this.started.fire(client);
      outputChannel().info(`[client] language server started (${serverModule})`);
    } catch (error) {
      outputChannel().error(`[client] language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      this.setStatus('failed');
      void vscode.window.showErrorMessage(vscode.l10n.t('Policy Brief: the language server failed to start. The preview still works; see the output for details.'), vscode.l10n.t('Show Output'))
        .then((choice) => choice && outputChannel().show());
    }
  }

  /** Stops the server if it runs (waits at most 2 s for a clean shutdown). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      if (client.isRunning()) await client.stop(2000);
      else await client.dispose(2000);
    } catch (error) {
      outputChannel().warn(`[client] stopping the server: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.setStatus('stopped');
  }

  /** Stops and starts the server (command "Policy Brief: Restart Server"). */
  async restart(): Promise<void> {
    outputChannel().info('[client] restarting the language server');
    this.crashes = [];
    await this.stop();
    await this.start();
  }

  /** Restarts after a crash with a visible message, up to `MAX_RESTARTS` in `RESTART_WINDOW_MS`. */
  private errorHandler(): ErrorHandler {
    return {
      error: (error, _message, count): ErrorHandlerResult => {
        outputChannel().error(`[client] connection error: ${error.message}`);
        return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
      },
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
        if (this.crashes.length <= MAX_RESTARTS) {
          const message = vscode.l10n.t('The Policy Brief language server stopped unexpectedly and is being restarted.');
          outputChannel().warn(`[client] ${message} (${this.crashes.length}/${MAX_RESTARTS})`);
          this.crashRestarts++;
          this.lastMessage = message;
          void vscode.window.showWarningMessage(message);
          return { action: CloseAction.Restart, handled: true };
        }
        this.setStatus('failed');
        const message = vscode.l10n.t('The Policy Brief language server stopped {0} times in 3 minutes and will not be restarted. Use "Policy Brief: Restart Server" after fixing the cause (see the output).', this.crashes.length);
        outputChannel().error(`[client] ${message}`);
        this.lastMessage = message;
        void vscode.window.showErrorMessage(message, vscode.l10n.t('Show Output')).then((choice) => choice && outputChannel().show());
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
  }
}
