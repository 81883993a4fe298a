/**
 * Entry point of the Policy Brief VS Code extension: wires the parts together and nothing else.
 * Commands are registered before the language server starts, so they work even if it fails.
 */
import * as vscode from 'vscode';
import { ServerManager } from './languageClient';
import { PreviewManager } from './preview/previewManager';
import { previewSerializer, registerPreviewSerializer } from './preview/previewSerializer';
import { BriefContext } from './briefStatus';
import { BriefStatusBar } from './statusBar';
import { TeamConfigs } from './teamConfig';
import { registerCommands } from './commands/index';
import { disposeOutputChannel } from './output';
import { registerCompletionRetrigger } from './completionRetrigger';

let server: ServerManager | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const configs = new TeamConfigs();
  server = new ServerManager(context);
  const briefs = new BriefContext(server);
  const previews = new PreviewManager(context.extensionUri, configs);
  const serializer = previewSerializer(previews);
  const statusBar = new BriefStatusBar(briefs, server);
  context.subscriptions.push(configs, server, briefs, previews, statusBar, registerPreviewSerializer(serializer), registerCompletionRetrigger());
  registerCommands(context, { server, previews, serializer, statusBar });
  void server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
  disposeOutputChannel();
}
