/**
 * Findings: what a rule reports. Plain data, converted to LSP diagnostics by the server and
 * printed by the CLI. Broken input is reported as findings, never thrown.
 */
import type { Range } from './text/lineIndex';

/** Severity of a finding; `off` only appears in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A replacement of the text in `[range.start.offset, range.end.offset)` by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A named set of edits that resolves one finding. Edits of one fix never overlap. */
export interface Fix {
  /** Imperative description for a quick-fix menu, e.g. "Replace 'MITT' with 'MIIT'". */
  title: string;
  edits: TextEdit[];
  /** The fix that "fix all" applies; at most one fix per finding is preferred. */
  isPreferred?: boolean;
}

/** Extra location related to a finding (e.g. the topics-list entry that disagrees with a headline). */
export interface RelatedLocation {
  message: string;
  range: Range;
  /** The document the range is in, when it is another one (archive rules: the other brief's id, a URI or path). */
  uri?: string;
}

/** One problem found in a brief, a schema or a catalogue. */
export interface Finding {
  /** Stable rule id such as `citation.unknown-issuing-body`; also the docs page name. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Exact range in the checked text, in UTF-16 line/character and offsets. */
  range: Range;
  related?: RelatedLocation[];
  /** Possible fixes, the preferred one first. Empty or absent when no fix is obvious. */
  fixes?: Fix[];
  /** Machine-readable details for editor features (e.g. `{ unknownBody: "XYZB" }`). */
  data?: Record<string, unknown>;
}

/** Sorts findings by position, then rule id (stable output for CLI and tests). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId);
}
