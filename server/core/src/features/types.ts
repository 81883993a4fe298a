/**
 * Editor-agnostic result types of the editor features (completion, hover, code actions,
 * outline). Ranges are the core's `Range` (UTF-16 line/character + document offsets); the
 * language server converts them to LSP types in one place (`server/src/lsp/convert.ts`).
 */
import type { Range } from '../text/lineIndex';
import type { Finding, TextEdit } from '../findings';

/** What a completion item stands for (the server maps it to an LSP CompletionItemKind). */
export type CompletionKind = 'issuing-body' | 'policy-title' | 'label' | 'skeleton';

/** One completion proposal. */
export interface CompletionProposal {
  /** Text shown in the list, e.g. `MIIT` or an English title. */
  label: string;
  /** Short text next to the label, e.g. the Chinese name. */
  description?: string;
  /** One-line detail, e.g. "Ministry of Industry and Information Technology · 工业和信息化部". */
  detail?: string;
  /** Longer Markdown documentation. */
  documentation?: string;
  kind: CompletionKind;
  /** Replaces exactly `edit.range` (single line, contains the cursor) with `edit.newText`. */
  edit: TextEdit;
  /** True when `edit.newText` is an LSP snippet (`$1`, `${1:x}`, `$0`). */
  snippet?: boolean;
  /** Edits elsewhere in the document (e.g. filling an empty `Issuing bodies:` line). */
  additionalEdits?: TextEdit[];
  /** Text the client filters on (the typed prefix when matched by pinyin or fuzzily). */
  filterText: string;
  /** Sort key: clients order by it (lexicographically). */
  sortText: string;
  /** Shown struck through (a body that did not exist on the cited date). */
  deprecated?: boolean;
  preselect?: boolean;
  /**
   * Computes the documentation left out because `CompletionInput.lazy` named it, for the LSP
   * `completionItem/resolve` request. Absent when nothing was left out.
   */
  resolve?: () => Pick<CompletionProposal, 'documentation'>;
}

/** Result of a completion request. */
export interface CompletionResult {
  items: CompletionProposal[];
  /** True when typing further must ask again (the server ranks; clients must not filter alone). */
  isIncomplete: boolean;
}

/** A hover: Markdown text and the range it describes. */
export interface HoverResult {
  markdown: string;
  range: Range;
}

/** A code action proposal. */
export interface CodeActionProposal {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  isPreferred?: boolean;
  edits: TextEdit[];
  /** The findings this action resolves. */
  findings: Finding[];
}

/** Kind of an outline entry (mapped to LSP SymbolKind by the server). */
export type OutlineKind = 'title' | 'topic' | 'part' | 'citation' | 'front-matter';

/** One entry of the document outline. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry. */
  range: Range;
  /** The part to reveal/select (heading line, label), contained in `range`. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** A foldable line range (0-based lines, inclusive). */
export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

/** A link in the document (citation links). */
export interface DocumentLinkResult {
  range: Range;
  target: string;
  tooltip?: string;
}

/** A title cited in another brief of the workspace (for completion). */
export interface CitedTitle {
  english?: string;
  chinese?: string;
  /** Issuing bodies as written in that brief. */
  bodies?: string;
  /** Date as written in that brief. */
  date?: string;
  /** Where it was cited (URI or path), shown in the detail. */
  source: string;
}
