/**
 * The one place where core results become LSP types (and LSP positions become core offsets).
 * Core ranges are already UTF-16 line/character, LSP's default position encoding.
 */
import {
  CompletionItemKind, CompletionItemTag, DiagnosticSeverity, FoldingRangeKind, InsertTextFormat, MarkupKind, SymbolKind,
  type CompletionItem, type Diagnostic, type DocumentSymbol, type FoldingRange, type Range as LspRange, type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { CompletionProposal, Finding, FoldingRegion, OutlineKind, OutlineSymbol, Range, Severity, TextEdit } from '../../core/src/index';
import { ruleDocsUrl } from '../../core/src/index';
import { DIAGNOSTIC_SOURCE } from '../protocol';

/** LSP range of a core range. */
export function toRange(range: Range): LspRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data attached to a diagnostic (`Diagnostic.data`) for clients: the body name an `issuing-body.unknown` finding is about. */
export interface DiagnosticData {
  unknownBody?: string;
}

/**
 * LSP diagnostic of a finding: rule id as `code`, docs link, `source: "policy-brief"`,
 * related locations in the same document (or in another brief, for archive findings).
 * @param uri the document's URI (for `relatedInformation`)
 * @param docsBase base URL of the rule pages (`ruleDocsBase`); no `codeDescription` when absent
 */
export function toDiagnostic(finding: Finding, uri: string, data?: DiagnosticData, docsBase?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (docsBase && !finding.ruleId.startsWith('internal.') && !finding.ruleId.startsWith('server.')) diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId, docsBase) };
  if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((r) => ({ message: r.message, location: { uri: r.uri ?? uri, range: toRange(r.range) } }));
  if (data) diagnostic.data = data;
  return diagnostic;
}

/** LSP text edit of a core edit. */
export function toTextEdit(edit: TextEdit): LspTextEdit {
  return { range: toRange(edit.range), newText: edit.newText };
}

const COMPLETION_KIND: Record<CompletionProposal['kind'], CompletionItemKind> = {
  'issuing-body': CompletionItemKind.Constant,
  'policy-title': CompletionItemKind.Reference,
  label: CompletionItemKind.Keyword,
  skeleton: CompletionItemKind.Snippet,
};

/** LSP completion item of a proposal (`textEdit` with the exact replace range). */
export function toCompletionItem(proposal: CompletionProposal, snippetSupport: boolean): CompletionItem | undefined {
  if (proposal.snippet && !snippetSupport) return undefined;
  const item: CompletionItem = {
    label: proposal.label,
    kind: COMPLETION_KIND[proposal.kind],
    detail: proposal.detail,
    textEdit: toTextEdit(proposal.edit),
    filterText: proposal.filterText,
    sortText: proposal.sortText,
    insertTextFormat: proposal.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (proposal.description) item.labelDetails = { description: proposal.description };
  if (proposal.documentation) item.documentation = { kind: MarkupKind.Markdown, value: proposal.documentation };
  if (proposal.additionalEdits?.length) item.additionalTextEdits = proposal.additionalEdits.map(toTextEdit);
  if (proposal.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (proposal.preselect) item.preselect = true;
  return item;
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  'front-matter': SymbolKind.Property,
  title: SymbolKind.File,
  topic: SymbolKind.Namespace,
  part: SymbolKind.Field,
  citation: SymbolKind.Object,
};

/** LSP document symbol of an outline entry (recursively). */
export function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(symbol.range),
    selectionRange: toRange(symbol.selectionRange),
    children: symbol.children.map(toDocumentSymbol),
  };
}

/** LSP folding range of a region. */
export function toFoldingRange(region: FoldingRegion): FoldingRange {
  return { startLine: region.startLine, endLine: region.endLine, kind: region.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region };
}
