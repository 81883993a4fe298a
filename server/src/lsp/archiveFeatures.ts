/**
 * LSP handlers of the archive features: references (every citation of a document or issuing
 * body across the archive, opened or not), definition (an issuing body's or a catalogued
 * title's entry in the catalogue file, bundled or the team's, at its line), workspace symbols
 * (topics by headline words, documents with the completion matcher) and a code lens on each
 * citation ("cited in N other briefs", opening the references).
 */
import {
  LSPErrorCodes, ResponseError, SymbolKind,
  CodeActionKind,
  type CancellationToken, type CodeAction, type CodeLens, type CodeLensParams, type Connection, type DefinitionParams, type Location, type ReferenceParams, type SymbolInformation, type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { archiveLenses, archiveReferences, archiveSymbols, archiveTargetAt, policyTitleStubInsertion, LineIndex } from '../../core/src/index';
import { packagePath } from '../config/packageData';
import { SHOW_REFERENCES_COMMAND } from '../protocol';
import type { Analysed, Analysis } from './analysis';
import { uriToPath } from './analysis';
import { ArchiveService } from './archive';
import type { ConfigEntry } from '../config/configStore';
import { toRange } from './convert';
import { addToCatalogueEdit, revealCommand, type ClientAbilities } from './features';
import { onRequestChecked } from './params';
import { openOrDiskText, teamCatalogueFile, type TeamCatalogue } from './teamFiles';


function cancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
}

/** The line (0-based) of `- id: <id>` in a catalogue file's text, if present. */
export function entryLine(text: string, id: string): number | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*-?\\s*id:\\s*["']?${escaped}["']?\\s*(#.*)?$`);
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => re.test(line));
  return index >= 0 ? index : undefined;
}

/** The catalogue files to search for an entry, the team's first: absolute paths. */
function catalogueFiles(entry: ConfigEntry, kind: TeamCatalogue): string[] {
  const team = teamCatalogueFile(entry, kind);
  return [...(team ? [team] : []), packagePath('data', kind === 'issuingBodies' ? 'issuing-bodies.yaml' : 'policy-titles.yaml')];
}

/** Location of catalogue entry `id`: the first file (team, then bundled) that holds it; the open text of a file wins. */
function entryLocation(analysis: Analysis, files: string[], id: string): Location | undefined {
  for (const file of files) {
    const read = openOrDiskText(analysis.documents, file);
    const line = read && entryLine(read.text, id);
    if (!read || line === undefined) continue;
    const lineIndex = new LineIndex(read.text);
    return { uri: read.uri, range: toRange(lineIndex.range(lineIndex.lineStarts[line], lineIndex.lineEnd(line))) };
  }
  return undefined;
}

/** Registers references, definition, workspace symbols and code lenses. */
export function registerArchiveFeatures(connection: Connection, analysis: Analysis, archive: ArchiveService): void {
  /** The document's archive id and index, after indexing its current text. */
  const indexed = async (uri: string, token: CancellationToken) => {
    const analysed = await analysis.analyse(uri, () => token.isCancellationRequested);
    cancelled(token);
    const file = uriToPath(uri);
    if (!analysed || !file) return undefined;
    const id = ArchiveService.idOf(file);
    const index = archive.indexOf(id);
    return index ? { id, index, analysed } : undefined;
  };
  const toUri = (id: string) => analysis.documents.all().find((d) => uriToPath(d.uri) === uriToPath(id))?.uri ?? id;

  onRequestChecked(connection, 'textDocument/references', async (params: ReferenceParams, token: CancellationToken): Promise<Location[]> => {
    const found = await indexed(params.textDocument.uri, token);
    if (!found) return [];
    const offset = found.analysed.check.lineIndex.offsetAt(params.position.line, params.position.character);
    return archiveReferences(found.index, found.id, offset, params.context.includeDeclaration).map((l) => ({ uri: toUri(l.briefId), range: toRange(l.range) }));
  });

  onRequestChecked(connection, 'textDocument/definition', async (params: DefinitionParams, token: CancellationToken): Promise<Location[]> => {
    const found = await indexed(params.textDocument.uri, token);
    if (!found) return [];
    const offset = found.analysed.check.lineIndex.offsetAt(params.position.line, params.position.character);
    const target = archiveTargetAt(found.index, found.id, offset);
    const { entry } = found.analysed;
    if (target?.kind === 'body') {
      const body = entry.config.catalogue.bodyById(target.key);
      const location = body && entryLocation(analysis, catalogueFiles(entry, 'issuingBodies'), body.id);
      return location ? [location] : [];
    }
    if (target?.kind === 'document' && target.citation.chinese) {
      const title = entry.config.catalogue.titlesByChinese(target.citation.chinese.text)[0];
      const location = title && entryLocation(analysis, catalogueFiles(entry, 'policyTitles'), title.id);
      return location ? [location] : [];
    }
    return [];
  });

  onRequestChecked(connection, 'workspace/symbol', (params: WorkspaceSymbolParams, token: CancellationToken): SymbolInformation[] => {
    const symbols: SymbolInformation[] = [];
    for (const index of archive.all()) {
      cancelled(token);
      for (const s of archiveSymbols(index, params.query)) {
        symbols.push({ name: s.name, kind: s.kind === 'topic' ? SymbolKind.String : SymbolKind.File, containerName: s.detail, location: { uri: toUri(s.briefId), range: toRange(s.range) } });
      }
    }
    return symbols.slice(0, 500);
  });

  onRequestChecked(connection, 'textDocument/codeLens', async (params: CodeLensParams, token: CancellationToken): Promise<CodeLens[]> => {
    const found = await indexed(params.textDocument.uri, token);
    if (!found) return [];
    return archiveLenses(found.index, found.id).map((lens) => {
      const position = found.analysed.check.lineIndex.positionAt(lens.offset);
      const locations = lens.otherBriefs ? archiveReferences(found.index, found.id, lens.offset, false).map((l) => ({ uri: toUri(l.briefId), range: toRange(l.range) })) : [];
      return {
        range: toRange(lens.range),
        command: { title: lens.title, command: lens.otherBriefs ? SHOW_REFERENCES_COMMAND : '', arguments: lens.otherBriefs ? [params.textDocument.uri, { line: position.line, character: position.character }, locations] : undefined },
      };
    });
  });
}

/**
 * "Add to the team's policy titles": for each citation in `[start, end]` (UTF-16 offsets) whose
 * document the catalogue lacks, an edit adding it to the team's `policy-titles.yaml`, made from
 * what the archive knows (renderings, bodies, date, link). Not offered when the archive lacks a
 * fact the catalogue requires (a link as source, known issuing bodies, a date).
 */
export function addToPolicyTitlesActions(analysis: Analysis, archive: ArchiveService, abilities: ClientAbilities, analysed: Analysed, start: number, end: number): CodeAction[] {
  const file = uriToPath(analysed.uri);
  if (!file) return [];
  const id = ArchiveService.idOf(file);
  const index = archive.indexOf(id);
  const brief = index?.brief(id);
  if (!index || !brief) return [];
  const { entry } = analysed;
  const folders = analysis.folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  const actions: CodeAction[] = [];
  for (const citation of brief.citations) {
    if (!citation.chinese || !citation.documentKey || citation.range.end.offset < start || citation.range.start.offset > end) continue;
    if (entry.config.catalogue.titlesByChinese(citation.chinese.text).length) continue;
    const key = citation.documentKey;
    const added = addToCatalogueEdit(analysis, analysed.uri, entry.teamFolder, entry.overrides.policyTitlesPath, 'policyTitles', (existing) => policyTitleStubInsertion(key, index, entry.config.catalogue, existing, (other) => archive.nameOf(other, folders)), abilities);
    // Never preferred (it changes the team's facts); opens the file at the new entry.
    if (added) actions.push({ title: `Add '${citation.chinese.text.trim()}' to the team's policy titles`, kind: CodeActionKind.QuickFix, edit: added.edit, command: revealCommand(added) });
  }
  return actions;
}
