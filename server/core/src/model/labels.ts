/**
 * Finds part labels (`**At a glance:**`, `MERICS comment：`, `Article:` …) in raw source text.
 *
 * Labels are matched on the source, not on mdast `strong` nodes: CommonMark's flanking rules
 * make `**label:**` followed by CJK text or punctuation arrive as plain text, and authors
 * vary bold/plain, half-width/full-width colon, and spacing.
 */
import type { LabelMatch } from './types';
import type { IssueSchema } from '../schema/types';

/** Escapes a string for literal use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compiled matcher for a set of labels (case-insensitive, any emphasis, `:` or `：`). */
export class LabelMatcher {
  private readonly pattern: RegExp;

  /** @param labels label texts without colon, e.g. `["At a glance"]`; longer labels win. */
  constructor(labels: readonly string[]) {
    const alternatives = labels.map((label) => label.trim()).filter(Boolean).sort((a, b) => b.length - a.length).map((label) => escapeRegExp(label).replace(/\s+/g, '\\s+'));
    // No labels: a pattern that never matches (an empty alternative would match every `:` line).
    this.pattern = !alternatives.length ? /(?!)/ : new RegExp(
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

/** Label key for lookups: trimmed, single spaces, lower case (`At  a Glance` → `at a glance`). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The label matchers of an issue schema (parts and citation fields) and label → id lookups. */
export interface SchemaLabels {
  /** Matches any part label or alias. */
  parts: LabelMatcher;
  /** Matches any citation field label or alias. */
  fields: LabelMatcher;
  /** Part id by normalised label or alias (`normalizeLabel`). */
  partIdByLabel: Map<string, string>;
  /** Citation field id by normalised label or alias (`normalizeLabel`). */
  fieldIdByLabel: Map<string, string>;
  /** The part id of a label as written (any case or spacing), or undefined. */
  partId(label: string): string | undefined;
  /** The citation field id of a label as written (any case or spacing), or undefined. */
  fieldId(label: string): string | undefined;
}

const labelsBySchema = new WeakMap<object, SchemaLabels>();

/** The labels of `schema`, built once per schema object (the parser, completion and hover share them). */
export function schemaLabels(schema: Pick<IssueSchema, 'topic'>): SchemaLabels {
  let labels = labelsBySchema.get(schema);
  if (!labels) {
    const byLabel = (items: ReadonlyArray<{ id: string; label?: string; aliases?: string[] }>) => {
      const map = new Map<string, string>();
      for (const item of items) for (const label of labelsOf(item)) map.set(normalizeLabel(label), item.id);
      return map;
    };
    const partIdByLabel = byLabel(schema.topic.parts);
    const fieldIdByLabel = byLabel(schema.topic.citation.fields);
    labels = {
      parts: new LabelMatcher(schema.topic.parts.flatMap(labelsOf)),
      fields: new LabelMatcher(schema.topic.citation.fields.flatMap(labelsOf)),
      partIdByLabel,
      fieldIdByLabel,
      partId: (label) => partIdByLabel.get(normalizeLabel(label)),
      fieldId: (label) => fieldIdByLabel.get(normalizeLabel(label)),
    };
    labelsBySchema.set(schema, labels);
  }
  return labels;
}

/** The label and aliases of a part or field (a part without `label` is never labelled: none). */
function labelsOf(item: { label?: string; aliases?: string[] }): string[] {
  return item.label === undefined ? [] : [item.label, ...(item.aliases ?? [])];
}
