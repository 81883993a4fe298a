/**
 * Links and images of a brief preview: what the webview may load and where a clicked link goes.
 * Only workspace images are shown (as webview URIs); web links open through VS Code (with its
 * confirmation), relative links open the file in the editor, anything else is refused.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { outputChannel } from '../output';

/**
 * Workspace images only: a relative (or `file:`) `src` inside a workspace folder, as a webview URI.
 * @param baseDir folder of the brief (relative paths resolve against it); undefined for unsaved briefs
 */
export function resolveImage(webview: vscode.Webview, src: string, baseDir: string | undefined): string | undefined {
  if (!baseDir || /^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = src.startsWith('file:') ? vscode.Uri.parse(src).fsPath : path.resolve(baseDir, decodeURIComponent(src.split(/[?#]/)[0]));
  } catch {
    return undefined;
  }
  const uri = vscode.Uri.file(file);
  if (!vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  return webview.asWebviewUri(uri).toString();
}

/** Opens a link clicked in the preview of `brief`: web links in the browser, relative links (`file.md#L12`) in the editor. */
export async function openLink(brief: vscode.Uri, href: string): Promise<void> {
  if (/^(https?|mailto):/i.test(href)) {
    await vscode.env.openExternal(vscode.Uri.parse(href, true));
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || brief.scheme !== 'file') {
    outputChannel().warn(`[preview] link not opened: ${href}`);
    return;
  }
  const [file, fragment] = href.split('#');
  const target = vscode.Uri.file(path.resolve(path.dirname(brief.fsPath), decodeURIComponent(file)));
  const line = fragment && /^L(\d+)$/.exec(fragment)?.[1];
  await vscode.commands.executeCommand('vscode.open', target, line ? { selection: new vscode.Range(Number(line) - 1, 0, Number(line) - 1, 0) } : undefined);
}
