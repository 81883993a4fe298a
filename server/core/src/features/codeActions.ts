/**
 * Code actions from findings: one quick fix per fix of each finding in the requested range,
 * "fix all" (the preferred fix of every finding, non-overlapping: `preferredFixEdits`), and the
 * edit that adds an unknown issuing body to the team catalogue.
 */
import { parse, parseDocument, isMap, isScalar, isSeq, stringify } from 'yaml';
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
  // The fixes of findings under the cursor before those that only touch it, preferred first
  // (stable): the likely fix heads the Ctrl+. menu.
  const touchesOnly = (f: Finding) => f.range.end.offset === start || (f.range.start.offset === end && end > start);
  const rank = (a: CodeActionProposal) => (touchesOnly(a.findings[0]) ? 2 : 0) + (a.isPreferred ? 0 : 1);
  return actions.sort((a, b) => rank(a) - rank(b));
}

/**
 * The actions of the Ctrl+. menu beside each finding's own fixes, as ESLint and markdownlint
 * offer them: fix every problem of this rule, fix every auto-fixable problem (both only when
 * there is more than one to fix), and turn the rule off for this line or for the whole brief
 * with a configuration comment (see disableComments.ts); not "for this line" in the front matter,
 * which is YAML.
 * @param text the document; `frontMatterEnd` the UTF-16 offset just after the front matter's closing line break, if any
 */
export function menuActions(findings: readonly Finding[], start: number, end: number, text: string, lineIndex: LineIndex, frontMatterEnd?: number): CodeActionProposal[] {
  const actions: CodeActionProposal[] = [];
  // Not the notices of the checker itself (`internal.*`, the server's `server.*`): no comment turns them off.
  const here = findings.filter((f) => f.range.end.offset >= start && f.range.start.offset <= end && !/^(internal|server)\./.test(f.ruleId));
  const fixable = findings.filter((f) => f.fixes?.some((x) => x.isPreferred));
  const seen = new Set<string>();
  for (const finding of here) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    const ofRule = fixable.filter((f) => f.ruleId === finding.ruleId);
    if (ofRule.length > 1) actions.push({ title: `Fix all ${finding.ruleId} problems in this document`, kind: 'quickfix', edits: preferredFixEdits(ofRule), findings: ofRule });
  }
  // Every auto-fixable problem: when there are several, of more than one rule (else it is the rule's own).
  if (here.some((f) => f.fixes?.some((x) => x.isPreferred)) && fixable.length > 1 && new Set(fixable.map((f) => f.ruleId)).size > 1) {
    actions.push({ title: 'Fix all auto-fixable problems in this document', kind: 'quickfix', edits: preferredFixEdits(fixable), findings: fixable });
  }
  for (const ruleId of seen) {
    const finding = here.find((f) => f.ruleId === ruleId)!;
    const line = finding.range.start.line;
    const lineEnd = lineIndex.lineEnd(line);
    // A line of the front matter is YAML: an HTML comment there would change the value. Only "for this brief" there.
    const inFrontMatter = frontMatterEnd !== undefined && finding.range.start.offset < frontMatterEnd;
    if (!inFrontMatter) actions.push({ title: `Disable ${ruleId} for this line`, kind: 'quickfix', edits: [{ range: lineIndex.range(lineEnd, lineEnd), newText: ` <!-- policy-brief-disable-line ${ruleId} -->` }], findings: here.filter((f) => f.ruleId === ruleId && f.range.start.line === line) });
    const at = frontMatterEnd ?? (text.startsWith('\uFEFF') ? 1 : 0);
    // After the front matter (on a line of its own, also when the file ends right after it), else first.
    const comment = `<!-- policy-brief-disable-file ${ruleId} -->`;
    const newText = at === text.length && at > 0 && !/[\r\n]$/.test(text) ? lineIndex.eol + comment : comment + lineIndex.eol;
    actions.push({ title: `Disable ${ruleId} for this brief`, kind: 'quickfix', edits: [{ range: lineIndex.range(at, at), newText }], findings: findings.filter((f) => f.ruleId === ruleId) });
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
export function catalogueStubInsertion(name: string, existing: string | undefined): { start: number; end: number; newText: string } | undefined {
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
 * the entry `entry(indent)` gives (its lines, the first one starting with `- `). Whatever the list
 * looks like, the file stays valid YAML with one `key`: a block list gets the entry after its last
 * item, a flow list (`[{…}]`) the entry as a flow item after its last one, an empty value (`bodies:`,
 * `bodies: []`, `bodies: null`) becomes a block list, a missing key is appended.
 * @param existing the file's current text, or undefined when the file does not exist
 * @returns `{ start, end, newText }`: replace UTF-16 offsets `[start, end)` of `existing` by
 *   `newText`; undefined when the file cannot take the entry without rewriting what is there (it
 *   is not valid YAML, not a mapping, or `key` holds something other than a list)
 */
export function catalogueListInsertion(key: 'bodies' | 'titles', entry: (indent: string) => string[], existing: string | undefined, eol = existing && existing.includes('\r\n') ? '\r\n' : '\n'): { start: number; end: number; newText: string } | undefined {
  if (existing === undefined || !existing.trim()) {
    return { start: existing?.length ?? 0, end: existing?.length ?? 0, newText: ['schemaVersion: 1', `${key}:`, ...entry('  '), ''].join(eol) };
  }
  const document = parseDocument(existing);
  if (document.errors.length) return undefined;
  const root = document.contents;
  if (root !== null && !isMap(root)) return undefined;
  const lineIndex = new LineIndex(existing);
  const pair = root?.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  const value = pair?.value as { range?: [number, number, number] } | null | undefined;
  if (pair && isSeq(value) && value.range && value.items.length && !value.flow) {
    const first = value.items[0] as { range?: [number, number, number] };
    const itemStart = first.range?.[0] ?? value.range[0];
    const indent = /^[ \t]*/.exec(lineIndex.lineText(lineIndex.positionAt(itemStart).line))![0];
    // Insert after the last item, at the end of its last content line.
    const last = value.items[value.items.length - 1] as { range?: [number, number, number] };
    let end = last.range?.[1] ?? value.range[1];
    const endPos = lineIndex.positionAt(end);
    end = endPos.character === 0 && endPos.line > 0 ? lineIndex.lineEnd(endPos.line - 1) : lineIndex.lineEnd(endPos.line);
    return { start: end, end, newText: eol + entry(indent).join(eol) };
  }
  if (pair && isSeq(value) && value.range && value.items.length) {
    // `key: [{…}, …]`: one more flow item right after the last one (the entry's comments cannot go there).
    const last = value.items[value.items.length - 1] as { range?: [number, number, number] };
    if (!last.range) return undefined;
    const item = (parse(entry('').join('\n')) as unknown[])[0];
    const flow = stringify(item, { collectionStyle: 'flow', lineWidth: 0 }).trim();
    return { start: last.range[1], end: last.range[1], newText: `, ${flow}` };
  }
  if (pair && (isSeq(value) || value === null || (isScalar(value) && value.value === null))) {
    // `key: []`, `key: null` or `key:` with nothing: a block list in its place.
    const range = value?.range;
    if (range && range[1] > range[0]) return { start: range[0], end: range[1], newText: eol + entry('  ').join(eol) };
    const keyEnd = (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
    const lineEnd = lineIndex.lineEnd(lineIndex.positionAt(keyEnd).line);
    return { start: lineEnd, end: lineEnd, newText: eol + entry('  ').join(eol) };
  }
  if (pair) return undefined;
  const needsBreak = !/\r?\n$/.test(existing);
  return { start: existing.length, end: existing.length, newText: (needsBreak ? eol : '') + [`${key}:`, ...entry('  '), ''].join(eol) };
}
