/**
 * LSP handlers of the editor features: completion, hover, code actions (quick fixes, fix all,
 * add to team catalogue), document symbols, folding ranges, document links. Each maps LSP
 * params to core offsets, calls the pure core feature and converts the result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, LSPErrorCodes, ResponseError, MarkupKind,
  type CancellationToken, type CodeAction, type CodeActionParams, type CompletionList, type CompletionParams, type Connection,
  type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type TextDocumentPositionParams, type WorkspaceEdit, type Diagnostic,
} from 'vscode-languageserver/node';
import {
  complete, hover, quickFixes, fixAll, catalogueStubInsertion, documentSymbols, foldingRanges, documentLinks, LineIndex,
  type CitedTitle, type Finding, type TextEdit,
} from '../../core/src/index';
import { TEAM_FILES, TEAM_FOLDER } from '../config/projectConfig';
import { FIX_ALL_KIND } from '../protocol';
import type { Analysis } from './analysis';
import { uriToPath } from './analysis';
import { toCompletionItem, toDocumentSymbol, toFoldingRange, toRange, toTextEdit, type DiagnosticData } from './convert';
import { diagnosticsOf } from './diagnostics';
import { onRequestChecked } from './params';

/** What the client can do, as far as features care. */
export interface ClientAbilities {
  snippets: boolean;
  resourceOperations: boolean;
}

function cancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
}

/** Registers the feature handlers on `connection`. */
export function registerFeatures(connection: Connection, analysis: Analysis, abilities: ClientAbilities, workspaceTitles: () => readonly CitedTitle[]): void {
  onRequestChecked(connection, 'textDocument/completion', async (params: CompletionParams, token): Promise<CompletionList | null> => {
    const document = analysis.documents.get(params.textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const found = await analysis.completionView(params.textDocument.uri, offset);
    cancelled(token);
    if (found === 'code') return { isIncomplete: false, items: [] };
    if (!found) return null;
    const { context, text, model, lineIndex, topicsBefore } = found;
    const result = complete({ text, model, lineIndex, schema: context.entry.config.schema, catalogue: context.entry.config.catalogue, workspaceTitles: workspaceTitles(), topicsBefore }, found.offset);
    // View offsets → document positions.
    const at = (relative: number) => {
      const offset = found.toDocument(relative);
      return { ...found.document.positionAt(offset), offset };
    };
    const shift = (edit: TextEdit): TextEdit => ({ newText: edit.newText, range: { start: at(edit.range.start.offset), end: at(edit.range.end.offset) } });
    return {
      isIncomplete: result.isIncomplete,
      items: result.items
        .map((p) => toCompletionItem({ ...p, edit: shift(p.edit), additionalEdits: p.additionalEdits?.map(shift) }, abilities.snippets))
        .filter((i) => i !== undefined),
    };
  });

  onRequestChecked(connection, 'textDocument/hover', async (params: TextDocumentPositionParams, token): Promise<Hover | null> => {
    const found = await analysis.model(params.textDocument.uri);
    cancelled(token);
    if (!found) return null;
    const { context, model, lineIndex } = found;
    const result = hover({ model, lineIndex, schema: context.entry.config.schema, catalogue: context.entry.config.catalogue }, lineIndex.offsetAt(params.position.line, params.position.character));
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(result.range) } : null;
  });

  onRequestChecked(connection, 'textDocument/codeAction', async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const analysed = await analysis.analyse(uri, () => token.isCancellationRequested);
    cancelled(token);
    if (!analysed) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const diagnostics = diagnosticsOf(analysed);
    const lineIndex = analysed.check.lineIndex;
    const start = lineIndex.offsetAt(params.range.start.line, params.range.start.character);
    const end = lineIndex.offsetAt(params.range.end.line, params.range.end.character);
    const diagnosticOf = (finding: Finding): Diagnostic => diagnostics[analysed.findings.indexOf(finding)];
    const edit = (edits: { range: Finding['range']; newText: string }[], version = analysed.version): WorkspaceEdit => ({
      documentChanges: [{ textDocument: { uri, version }, edits: edits.map(toTextEdit) }],
    });
    if (wants(CodeActionKind.QuickFix)) {
      for (const action of quickFixes(analysed.findings, start, end)) {
        actions.push({ title: action.title, kind: CodeActionKind.QuickFix, isPreferred: action.isPreferred, diagnostics: action.findings.map(diagnosticOf), edit: edit(action.edits) });
      }
      for (const finding of analysed.findings) {
        const name = finding.data?.unknownBody;
        if (typeof name !== 'string' || finding.range.end.offset < start || finding.range.start.offset > end) continue;
        const catalogueEdit = addToCatalogueEdit(analysis, uri, analysed.entry.teamFolder, analysed.entry.overrides.issuingBodiesPath, name, abilities);
        if (catalogueEdit) actions.push({ title: `Add '${name}' to the team catalogue`, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(finding)], edit: catalogueEdit });
      }
    }
    if (wants(FIX_ALL_KIND) || (only && only.includes(CodeActionKind.SourceFixAll))) {
      const all = fixAll(analysed.findings);
      if (all) actions.push({ title: all.title, kind: FIX_ALL_KIND, diagnostics: all.findings.map(diagnosticOf), edit: edit(all.edits) });
    }
    return actions;
  });

  onRequestChecked(connection, 'textDocument/documentSymbol', async (params: { textDocument: { uri: string } }, token: CancellationToken): Promise<DocumentSymbol[]> => {
    const found = await analysis.model(params.textDocument.uri);
    cancelled(token);
    return found ? documentSymbols(found.model, found.lineIndex).map(toDocumentSymbol) : [];
  });

  onRequestChecked(connection, 'textDocument/foldingRange', async (params: { textDocument: { uri: string } }, token: CancellationToken): Promise<FoldingRange[]> => {
    const found = await analysis.model(params.textDocument.uri);
    cancelled(token);
    return found ? foldingRanges(found.model, found.lineIndex).map(toFoldingRange) : [];
  });

  onRequestChecked(connection, 'textDocument/documentLink', async (params: { textDocument: { uri: string } }, token: CancellationToken): Promise<DocumentLink[]> => {
    const found = await analysis.model(params.textDocument.uri);
    cancelled(token);
    return found ? documentLinks(found.model, found.lineIndex).map((l) => ({ range: toRange(l.range), target: l.target, tooltip: l.tooltip })) : [];
  });
}

/**
 * The workspace edit adding `name` to the team's issuing-bodies catalogue: the configured
 * `issuingBodiesPath`, else `<team folder>/issuing-bodies.yaml`, else
 * `<workspace folder>/.policy-brief/issuing-bodies.yaml` (created when missing).
 */
function addToCatalogueEdit(analysis: Analysis, uri: string, teamFolder: string | undefined, override: string | undefined, name: string, abilities: ClientAbilities): WorkspaceEdit | undefined {
  const documentPath = uriToPath(uri);
  const base = teamFolder ? path.dirname(teamFolder) : analysis.folderOf(documentPath) ?? analysis.folders.map((f) => uriToPath(f.uri)).find(Boolean) ?? (documentPath ? path.dirname(documentPath) : undefined);
  if (!base && !override) return undefined;
  const file = override ?? path.join(teamFolder ?? path.join(base!, TEAM_FOLDER), TEAM_FILES.issuingBodies);
  const fileUri = pathToFileURL(file).href;
  const open = analysis.documents.all().find((d) => uriToPath(d.uri) === file);
  let existing: string | undefined = open?.getText();
  if (existing === undefined) {
    try {
      existing = fs.readFileSync(file, 'utf8');
    } catch {
      existing = undefined;
    }
  }
  const insertion = catalogueStubInsertion(name, existing);
  const lineIndex = new LineIndex(existing ?? '');
  const range = toRange(lineIndex.range(insertion.start, insertion.end));
  const targetUri = open?.uri ?? fileUri;
  if (existing === undefined) {
    if (!abilities.resourceOperations) return undefined;
    return { documentChanges: [{ kind: 'create', uri: fileUri, options: { ignoreIfExists: true } }, { textDocument: { uri: fileUri, version: null }, edits: [{ range, newText: insertion.newText }] }] };
  }
  return { documentChanges: [{ textDocument: { uri: targetUri, version: open?.version ?? null }, edits: [{ range, newText: insertion.newText }] }] };
}

export type { DiagnosticData };
