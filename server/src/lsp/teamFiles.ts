/**
 * The team's catalogue files as the language server sees them: which file a configuration uses
 * for a catalogue, and its text as the editor has it (an open document wins over the disk).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigOverrides } from '../config/projectConfig';
import { TEAM_FILES } from '../config/projectConfig';
import { uriToPath } from './documentContext';

/** A team catalogue. */
export type TeamCatalogue = 'issuingBodies' | 'policyTitles';

/**
 * The team file of catalogue `kind` for a configuration: its explicit path (settings), else the
 * file in its team folder; undefined when it has neither. Absolute path; the file may not exist.
 */
export function teamCatalogueFile(config: { overrides: ConfigOverrides; teamFolder?: string }, kind: TeamCatalogue): string | undefined {
  const override = kind === 'issuingBodies' ? config.overrides.issuingBodiesPath : config.overrides.policyTitlesPath;
  return override ?? (config.teamFolder ? path.join(config.teamFolder, TEAM_FILES[kind]) : undefined);
}

/**
 * The text of `file` (absolute path) as the editor has it: the open document's text, else the
 * file on disk; `uri` is the open document's URI, else the file's. Undefined when it is neither
 * open nor readable.
 */
export function openOrDiskText(documents: TextDocuments<TextDocument>, file: string): { text: string; uri: string; version: number | null } | undefined {
  const open = documents.all().find((d) => uriToPath(d.uri) === file);
  if (open) return { text: open.getText(), uri: open.uri, version: open.version };
  try {
    return { text: fs.readFileSync(file, 'utf8'), uri: pathToFileURL(file).href, version: null };
  } catch {
    return undefined;
  }
}
