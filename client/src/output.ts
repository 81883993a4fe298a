/** The extension's output channel ("Policy Brief"), shared by the language client and the preview. */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The one log channel of the extension (created on first use; disposed with the extension). */
export function outputChannel(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Policy Brief', { log: true });
  return channel;
}

/** Disposes the channel (deactivate). */
export function disposeOutputChannel(): void {
  channel?.dispose();
  channel = undefined;
}
