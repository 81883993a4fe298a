/**
 * Finds part labels (`**At a glance:**`, `MERICS comment：`, `Article:` …) in raw source text.
 *
 * Labels are matched on the source, not on mdast `strong` nodes: CommonMark's flanking rules
 * make `**label:**` followed by CJK text or punctuation arrive as plain text, and authors
 * vary bold/plain, half-width/full-width colon, and spacing.
 */
import type { LabelMatch } from './types';

/** Escapes a string for literal use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compiled matcher for a set of labels (case-insensitive, any emphasis, `:` or `：`). */
export class LabelMatcher {
  private readonly pattern: RegExp;

  /** @param labels label texts without colon, e.g. `["At a glance"]`; longer labels win. */
  constructor(labels: readonly string[]) {
    const alternatives = [...labels].sort((a, b) => b.length - a.length).map((label) => escapeRegExp(label).replace(/\s+/g, '\\s+'));
    this.pattern = new RegExp(
      `^[ \\t]{0,3}(\\*\\*|__|\\*|_)?[ \\t]*(${alternatives.join('|')})[ \\t]*(\\*\\*|__|\\*|_)?[ \\t]*([:：])?[ \\t]*(\\*\\*|__|\\*|_)?`,
      'iu',
    );
  }

  /**
   * Matches a label at the start of `line`.
   * @param line source text of one line
   * @param lineStart UTF-16 offset of `line` in the document
   * @returns the label, or undefined when the line does not start with one. A label needs a
   *   colon, or emphasis around it, to count (so "Date of …" in prose is not a label).
   */
  match(line: string, lineStart: number): LabelMatch | undefined {
    const m = this.pattern.exec(line);
    if (!m) return undefined;
    const [whole, open, name, closeBefore, colon, closeAfter] = m;
    const close = closeBefore ?? closeAfter;
    const next = line.charAt(whole.length);
    if (/[\p{L}\p{N}]/u.test(next) && !colon && !close) return undefined;
    if (!colon && !(open && close)) return undefined;
    if (open && close && open !== close) return undefined;
    const nameStart = lineStart + m.index + whole.indexOf(name, open ? open.length : 0);
    const leading = whole.length - whole.trimStart().length;
    const trailingSpace = whole.length - whole.trimEnd().length;
    const result: LabelMatch = {
      name: { start: nameStart, end: nameStart + name.length, text: name },
      whole: { start: lineStart + leading, end: lineStart + whole.length - trailingSpace, text: whole.trim() },
    };
    if (colon) {
      const colonIndex = whole.indexOf(colon, whole.indexOf(name) + name.length);
      result.colon = { start: lineStart + colonIndex, end: lineStart + colonIndex + 1, text: colon };
    }
    return result;
  }
}

/** Label key for lookups: lower case, single spaces. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
