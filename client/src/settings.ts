/**
 * Reading the `policyBrief.*` settings in the client. The type is declared once, in the
 * server's protocol module (`PolicyBriefSettings`), and shared by both sides.
 */
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type PolicyBriefSettings } from '../../server/src/protocol';

export { SETTINGS_SECTION, type PolicyBriefSettings };

/** The effective settings for a resource (folder-scoped values win), defaults filled in. */
export function settingsFor(uri: vscode.Uri | undefined): PolicyBriefSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  return {
    enable: config.get<boolean>('enable', DEFAULT_SETTINGS.enable),
    briefFiles: config.get<string[]>('briefFiles', DEFAULT_SETTINGS.briefFiles),
    schemaPath: config.get<string | null>('schemaPath', DEFAULT_SETTINGS.schemaPath) || null,
    issuingBodiesPath: config.get<string | null>('issuingBodiesPath', DEFAULT_SETTINGS.issuingBodiesPath) || null,
    policyTitlesPath: config.get<string | null>('policyTitlesPath', DEFAULT_SETTINGS.policyTitlesPath) || null,
    validate: config.get<PolicyBriefSettings['validate']>('validate', DEFAULT_SETTINGS.validate),
    trace: { server: config.get<PolicyBriefSettings['trace']['server']>('trace.server', DEFAULT_SETTINGS.trace.server) },
  };
}

/** The workspace folder of a document; for untitled documents, the only folder if there is exactly one. */
export function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return folder;
  const folders = vscode.workspace.workspaceFolders ?? [];
  return uri.scheme === 'untitled' && folders.length === 1 ? folders[0] : undefined;
}
