/**
 * Code actions from findings: one quick fix per fix of each finding in the requested range,
 * "fix all" (the preferred fix of every finding, non-overlapping: `preferredFixEdits`), and the
 * edit that adds an unknown issuing body to the team catalogue.
 */
import { parseDocument, isMap, isSeq } from 'yaml';
import type { Finding } from '../findings';
import { preferredFixEdits } from '../fixes';
import { LineIndex } from '../text/lineIndex';
import type { CodeActionProposal } from './types';

/** Quick fixes of the findings overlapping `[start, end]` (UTF-16 offsets, inclusive ends). */
export function quickFixes(findings: readonly Finding[], start: number, end: number): CodeActionProposal[] {
  const actions: CodeActionProposal[] = [];
  for (const finding of findings) {
    if (finding.range.end.offset < start || finding.range.start.offset > end) continue;
    for (const fix of finding.fixes ?? []) {
      actions.push({ title: fix.title, kind: 'quickfix', isPreferred: fix.isPreferred, edits: fix.edits, findings: [finding] });
    }
  }
  return actions;
}

/** The "fix all" action, or undefined when no finding has a preferred fix. */
export function fixAll(findings: readonly Finding[]): CodeActionProposal | undefined {
  const edits = preferredFixEdits(findings);
  if (!edits.length) return undefined;
  return { title: 'Fix all auto-fixable policy-brief problems', kind: 'source.fixAll', edits, findings: findings.filter((f) => f.fixes?.some((x) => x.isPreferred)) };
}

/** A stub catalogue entry id for a name: upper-case letters, digits and hyphens. */
export function stubBodyId(name: string): string {
  const id = name.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[A-Z0-9]/.test(id) ? id : 'TODO-ID';
}

/**
 * The text to write into a team issuing-bodies catalogue so that it lists `name`.
 * @param existing the file's current text, or undefined when the file does not exist
 * @returns `{ start, end, newText }`: replace UTF-16 offsets `[start, end)` of `existing` (0 for
 *   a new file) by `newText`. The stub has `source: [TODO]` and `confidence: low`, which the JSON Schema accepts;
 *   a `# TODO` comment marks what the author must fill in. Line endings follow the file.
 */
export function catalogueStubInsertion(name: string, existing: string | undefined): { start: number; end: number; newText: string } {
  const han = /[\p{Script=Han}]/u.test(name);
  const id = stubBodyId(name);
  const eol = existing && existing.includes('\r\n') ? '\r\n' : '\n';
  const entry = (indent: string) => [
    `${indent}- id: ${id}`,
    `${indent}  # TODO: complete this entry added from a brief (names, level, source).`,
    `${indent}  name_en: ${JSON.stringify(han ? 'TODO' : name)}`,
    `${indent}  name_zh: ${JSON.stringify(han ? name : 'TODO')}`,
    ...(han || id === name ? [] : [`${indent}  abbreviations: [${JSON.stringify(name)}]`]),
    ...(!han && id === name ? [`${indent}  abbreviations: [${id}]`] : []),
    `${indent}  level: constituent-department`,
    `${indent}  status: current`,
    `${indent}  source: [TODO]`,
    `${indent}  confidence: low`,
  ];
  return catalogueListInsertion('bodies', entry, existing, eol);
}

/**
 * The text to write into a catalogue file so that its list `key` (`bodies`, `titles`) ends with
 * the entry `entry(indent)` gives (its lines, the first one starting with `- `).
 * @param existing the file's current text, or undefined when the file does not exist
 * @returns `{ start, end, newText }`: replace UTF-16 offsets `[start, end)` of `existing` by `newText`
 */
export function catalogueListInsertion(key: 'bodies' | 'titles', entry: (indent: string) => string[], existing: string | undefined, eol = existing && existing.includes('\r\n') ? '\r\n' : '\n'): { start: number; end: number; newText: string } {
  if (existing === undefined || !existing.trim()) {
    return { start: existing?.length ?? 0, end: existing?.length ?? 0, newText: ['schemaVersion: 1', `${key}:`, ...entry('  '), ''].join(eol) };
  }
  const document = parseDocument(existing);
  const root = document.contents;
  const list = isMap(root) ? root.get(key, true) : undefined;
  if (isSeq(list) && list.range && !list.flow && list.items.length) {
    const lineIndex = new LineIndex(existing);
    const first = list.items[0] as { range?: [number, number, number] };
    const itemStart = first.range?.[0] ?? list.range[0];
    const dashLine = lineIndex.positionAt(itemStart).line;
    const lineText = lineIndex.lineText(dashLine);
    const indent = /^[ \t]*/.exec(lineText)![0];
    // Insert after the last item, at the end of its last content line.
    const last = list.items[list.items.length - 1] as { range?: [number, number, number] };
    let end = last.range?.[1] ?? list.range[1];
    const endPos = lineIndex.positionAt(end);
    end = endPos.character === 0 && endPos.line > 0 ? lineIndex.lineEnd(endPos.line - 1) : lineIndex.lineEnd(endPos.line);
    return { start: end, end, newText: eol + entry(indent).join(eol) };
  }
  // No usable list: append one (an empty `[]` is replaced by a block list).
  if (isMap(root)) {
    const pair = root.items.find((p) => (p.key as { value?: unknown })?.value === key);
    const value = pair?.value as { range?: [number, number]; items?: unknown[] } | null | undefined;
    if (pair && value?.range && isSeq(value) && !value.items.length) {
      // `key: []`: replace the empty flow list by a block list.
      return { start: value.range[0], end: value.range[1], newText: eol + entry('  ').join(eol) };
    }
  }
  const needsBreak = !/\r?\n$/.test(existing);
  return { start: existing.length, end: existing.length, newText: (needsBreak ? eol : '') + [`${key}:`, ...entry('  '), ''].join(eol) };
}
