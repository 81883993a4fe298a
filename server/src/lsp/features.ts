/**
 * LSP handlers of the editor features: completion, hover, code actions (quick fixes, fix all,
 * add to team catalogue), document symbols, folding ranges, document links. Each maps LSP
 * params to core offsets, calls the pure core feature and converts the result.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, CompletionTriggerKind, type CompletionItem, LSPErrorCodes, ResponseError, MarkupKind,
  type CancellationToken, type CodeAction, type CodeActionParams, type Command, type ExecuteCommandParams, type CompletionList, type CompletionParams, type Connection,
  type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type TextDocumentPositionParams, type WorkspaceEdit, type Diagnostic,
} from 'vscode-languageserver/node';
import {
  complete, hover, quickFixes, fixAll, menuActions, catalogueStubInsertion, ruleDocsUrl, documentSymbols, foldingRanges, documentLinks, LineIndex,
  type CitedTitle, type Finding, type TextEdit,
} from '../../core/src/index';
import { TEAM_FOLDER } from '../config/projectConfig';
import { ruleDocsBase } from '../config/packageData';
import { FIX_ALL_KIND } from '../protocol';
import type { Analysed, Analysis } from './analysis';
import { uriToPath } from './analysis';
import { completionView } from './completionView';
import { CompletionResolver, markdownDocumentation, type LazyCompletionParts } from './completionResolve';
import { toCompletionItem, toDocumentSymbol, toFoldingRange, toRange, toTextEdit } from './convert';
import { diagnosticsOf } from './diagnostics';
import { onRequestChecked } from './params';
import { openOrDiskText, teamCatalogueFile, type TeamCatalogue } from './teamFiles';

/** What the client can do, as far as features care. */
export interface ClientAbilities {
  snippets: boolean;
  resourceOperations: boolean;
  /** Completion item parts the client resolves lazily (`completionItem/resolve`). */
  lazyCompletion: LazyCompletionParts;
}

function cancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
}

/**
 * Registers the feature handlers on `connection`.
 * @param workspaceTitles the titles cited in the workspace's briefs, for title completion in the
 *   document `uri` with the cursor on 0-based `line` (the citation being typed there is left out)
 * @param moreQuickFixes further quick fixes of a range (UTF-16 offsets `start`…`end`) of an analysed brief
 */
export function registerFeatures(connection: Connection, analysis: Analysis, abilities: ClientAbilities, workspaceTitles: (uri: string, line: number) => readonly CitedTitle[], moreQuickFixes?: (analysed: Analysed, start: number, end: number) => CodeAction[]): void {
  const resolver = new CompletionResolver();
  onRequestChecked(connection, 'textDocument/completion', async (params: CompletionParams, token): Promise<CompletionList | null> => {
    const document = analysis.documents.get(params.textDocument.uri);
    if (!document) return null;
    // A letter or space typed where no label precedes it (prose): nothing to complete, and no
    // parse on the typing path.
    if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && /^[A-Za-z ]$/.test(params.context.triggerCharacter ?? '')) {
      const before = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
      if (!/[:：]/.test(before)) return { isIncomplete: false, items: [] };
    }
    const offset = document.offsetAt(params.position);
    const found = await completionView(analysis, params.textDocument.uri, offset);
    cancelled(token);
    if (found === 'code') return { isIncomplete: false, items: [] };
    if (!found) return null;
    const { context, text, model, lineIndex, topicsBefore } = found;
    const triggerKind = params.context?.triggerKind;
    const trigger = triggerKind === CompletionTriggerKind.TriggerCharacter ? 'character' : triggerKind === CompletionTriggerKind.TriggerForIncompleteCompletions ? 'incomplete' : 'invoked';
    const lazy = abilities.lazyCompletion;
    const result = complete({ text, model, lineIndex, schema: context.entry.config.schema, catalogue: context.entry.config.catalogue, workspaceTitles: workspaceTitles(params.textDocument.uri, params.position.line), topicsBefore, trigger, lazy }, found.offset);
    // View offsets → document positions.
    const at = (relative: number) => {
      const offset = found.toDocument(relative);
      return { ...found.document.positionAt(offset), offset };
    };
    const shift = (edit: TextEdit): TextEdit => ({ newText: edit.newText, range: { start: at(edit.range.start.offset), end: at(edit.range.end.offset) } });
    const proposals = result.items.filter((p) => !p.snippet || abilities.snippets);
    const items = proposals.map((p) => toCompletionItem({ ...p, edit: shift(p.edit), additionalEdits: p.additionalEdits?.map(shift) }, abilities.snippets)!);
    resolver.remember(items, proposals, (parts) => ({ documentation: markdownDocumentation(parts.documentation) }));
    return { isIncomplete: result.isIncomplete, items };
  });

  // The documentation left out of the list (see completionResolve.ts).
  onRequestChecked(connection, 'completionItem/resolve', (item: CompletionItem): CompletionItem => resolver.resolve(item));

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
        const added = addToCatalogueEdit(analysis, uri, analysed.entry.teamFolder, analysed.entry.overrides.issuingBodiesPath, 'issuingBodies', (existing) => catalogueStubInsertion(name, existing), abilities);
        // Never preferred (it changes the team's facts); opens the file at the new entry.
        if (added) actions.push({ title: `Add '${name}' to the team catalogue`, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(finding)], edit: added.edit, command: revealCommand(added) });
      }
      const frontMatter = analysed.check.model.frontMatter;
      const frontMatterEnd = frontMatter ? lineIndex.lineStarts[lineIndex.positionAt(frontMatter.end).line + 1] ?? analysed.check.model.text.length : undefined;
      for (const action of menuActions(analysed.findings, start, end, analysed.check.model.text, lineIndex, frontMatterEnd)) {
        actions.push({ title: action.title, kind: CodeActionKind.QuickFix, diagnostics: action.findings.map(diagnosticOf), edit: edit(action.edits) });
      }
      const documented = new Set(analysed.findings.filter((f) => f.range.end.offset >= start && f.range.start.offset <= end && !/^(internal|server)\./.test(f.ruleId)).map((f) => f.ruleId));
      for (const ruleId of documented) actions.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${ruleId}`, command: SHOW_RULE_DOCS_COMMAND, arguments: [ruleId] } });
    }
    if (wants(CodeActionKind.QuickFix) && moreQuickFixes) actions.push(...moreQuickFixes(analysed, start, end));
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

/** A team catalogue edit, with the file and the 0-based line of the new entry once applied. */
export interface CatalogueAddition {
  edit: WorkspaceEdit;
  uri: string;
  line: number;
}

/** The command that opens a team catalogue at the entry an addition writes. */
export function revealCommand(added: CatalogueAddition): Command {
  return { title: 'Show the new entry', command: REVEAL_COMMAND, arguments: [added.uri, added.line] };
}

/**
 * The workspace edit adding an entry to a team catalogue (`kind`): the configured path
 * (`override`), else `<team folder>/<file>`, else `<workspace folder>/.policy-brief/<file>`
 * (created when missing); `insertion` gives the edit for the file's current text.
 */
export function addToCatalogueEdit(analysis: Analysis, uri: string, teamFolder: string | undefined, override: string | undefined, kind: TeamCatalogue, insertion: (existing: string | undefined) => { start: number; end: number; newText: string } | undefined, abilities: ClientAbilities): CatalogueAddition | undefined {
  const documentPath = uriToPath(uri);
  const base = teamFolder ? path.dirname(teamFolder) : analysis.folderOf(documentPath) ?? analysis.folders.map((f) => uriToPath(f.uri)).find(Boolean) ?? (documentPath ? path.dirname(documentPath) : undefined);
  if (!base && !override) return undefined;
  const file = teamCatalogueFile({ overrides: { [kind === 'issuingBodies' ? 'issuingBodiesPath' : 'policyTitlesPath']: override }, teamFolder: teamFolder ?? path.join(base!, TEAM_FOLDER) }, kind)!;
  const fileUri = pathToFileURL(file).href;
  const read = openOrDiskText(analysis.documents, file);
  const existing = read?.text;
  const inserted = insertion(existing);
  if (!inserted) return undefined;
  const lineIndex = new LineIndex(existing ?? '');
  const range = toRange(lineIndex.range(inserted.start, inserted.end));
  const targetUri = read?.uri ?? fileUri;
  // The line of the new entry's `- id:` once the edit is applied.
  const before = inserted.newText.slice(0, Math.max(0, inserted.newText.indexOf('- id:')));
  const line = range.start.line + (before.match(/\n/g)?.length ?? 0);
  if (existing === undefined) {
    if (!abilities.resourceOperations) return undefined;
    return { uri: fileUri, line, edit: { documentChanges: [{ kind: 'create', uri: fileUri, options: { ignoreIfExists: true } }, { textDocument: { uri: fileUri, version: null }, edits: [{ range, newText: inserted.newText }] }] } };
  }
  return { uri: targetUri, line, edit: { documentChanges: [{ textDocument: { uri: targetUri, version: read?.version ?? null }, edits: [{ range, newText: inserted.newText }] }] } };
}

/** Server commands the code actions use (listed in the server's `executeCommandProvider`). */
export const REVEAL_COMMAND = 'policyBrief.server.revealCatalogueEntry';
export const SHOW_RULE_DOCS_COMMAND = 'policyBrief.server.showRuleDocs';
export const SERVER_COMMANDS = [REVEAL_COMMAND, SHOW_RULE_DOCS_COMMAND];

/**
 * Handles the server commands: open a team catalogue at a line (`[uri, line]`), open the docs
 * page of a rule (`[ruleId]`: the `docs/rules/<id>.md` shipped in this package or extension, offline).
 */
export function registerCommands(connection: Connection): void {
  onRequestChecked(connection, 'workspace/executeCommand', async (params: ExecuteCommandParams) => {
    const [first, second] = params.arguments ?? [];
    if (params.command === REVEAL_COMMAND && typeof first === 'string' && typeof second === 'number') {
      const position = { line: second, character: 0 };
      await connection.window.showDocument({ uri: first, takeFocus: true, selection: { start: position, end: position } });
    } else if (params.command === SHOW_RULE_DOCS_COMMAND && typeof first === 'string' && /^[a-z-]+\.[a-z-]+$/.test(first)) {
      // The page shipped in this package or extension (a file: URL that exists), as the diagnostics link it.
      await connection.window.showDocument({ uri: ruleDocsUrl(first, ruleDocsBase()), takeFocus: true });
    }
    return null;
  });
}

