/**
 * Applying fixes to text: the one implementation used by the CLI (`--fix`), the server's
 * "fix all" and the tests.
 */
import type { Finding, TextEdit } from './findings';

/**
 * Applies edits to `text`. Edits are given in offsets of `text`; overlapping edits are dropped
 * (the later one by start offset), so applying all fixes at once never corrupts text.
 * @returns the new text and the edits actually applied (sorted, non-overlapping)
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  const applied: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    const start = edit.range.start.offset;
    if (start < lastEnd || (start === lastEnd && edit.range.end.offset === start && applied.length && applied[applied.length - 1].range.end.offset === start && applied[applied.length - 1].range.start.offset === start)) continue;
    applied.push(edit);
    lastEnd = edit.range.end.offset;
  }
  let result = '';
  let cursor = 0;
  for (const edit of applied) {
    result += text.slice(cursor, edit.range.start.offset) + edit.newText;
    cursor = edit.range.end.offset;
  }
  return { text: result + text.slice(cursor), applied };
}

/**
 * The edits of the preferred fix of every finding, skipping fixes that overlap an earlier one.
 * Only preferred fixes are applied: they change form (punctuation, spelling, format), never facts.
 */
export function preferredFixEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const taken: [number, number][] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.isPreferred);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [e.range.start.offset, e.range.end.offset] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits;
}
