/**
 * The properties every brief text must satisfy, as plain functions that throw an
 * `AssertionError` describing the first violation. Shared by the mocha property tests
 * (`test/fuzz/core.property.test.ts`) and the long run (`scripts/fuzz-long.ts`).
 *
 * Offsets are UTF-16 code units of the checked text.
 */
import * as assert from 'node:assert/strict';
import {
  applyEdits, checkBrief, LineIndex, ParseCache, parseBrief, preferredFixEdits,
  type CheckConfig, type CheckResult, type Finding, type Range, type TextEdit,
} from '../../../server/core/src/index';

/**
 * A parse cache that keeps entries for many generations: the fuzz loop re-checks the same
 * unchanged topics over and over, so this saves most remark parses. Property (e) checks that
 * cached and uncached parses agree, which is what makes this shortcut sound.
 */
export class FuzzParseCache extends ParseCache {
  private parses = 0;
  override sweep(): void {
    if (++this.parses % 64 === 0) super.sweep();
  }
}

/** Runs the check; asserts it neither throws nor reports a crashed rule. */
export function checkCleanly(text: string, config: CheckConfig, cache?: ParseCache): CheckResult {
  let result: CheckResult;
  try {
    result = checkBrief(text, config, { cache });
  } catch (error) {
    assert.fail(message('a', 'checkBrief', 'threw', (error as Error)?.stack ?? String(error)));
  }
  const crashed = result.findings.filter((f) => f.ruleId === 'internal.rule-failed');
  assert.deepEqual(crashed.map((f) => f.message), [], message('a', String(crashed[0]?.data?.failedRule), 'rule crashed', crashed[0]?.message ?? ''));
  return result;
}

/**
 * A failure message: `(property) subject: problem — details`. The part before ` — ` names the
 * kind of failure (the long run groups failures by it).
 */
export function message(property: string, subject: string, problem: string, details: string): string {
  return `(${property}) ${subject}: ${problem} — ${details}`;
}

/** Describes a finding for failure messages. */
export function describeFinding(f: Finding): string {
  return `${f.ruleId} @${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} [${f.range.start.offset},${f.range.end.offset}) ${JSON.stringify(f.message)}`;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Asserts one range: inside the text, start ≤ end, consistent line/character, valid UTF-16 boundaries. */
export function assertValidRange(text: string, lineIndex: LineIndex, range: Range, ruleId: string, what: string): void {
  const m = (problem: string) => message('b', ruleId, problem, what);
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    assert.ok(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length, m(`${name} offset outside the text`) + ` (${p.offset} in [0, ${text.length}])`);
    assert.deepEqual(lineIndex.positionAt(p.offset), p, m(`${name} line/character disagree with the offset`));
    assert.ok(!(text.charCodeAt(p.offset - 1) === 13 && text.charCodeAt(p.offset) === 10), m(`${name} splits a CRLF`) + ` at ${p.offset}`);
    assert.ok(!(isHigh(text.charCodeAt(p.offset - 1)) && isLow(text.charCodeAt(p.offset))), m(`${name} splits a surrogate pair`) + ` at ${p.offset}`);
  }
  assert.ok(range.start.offset <= range.end.offset, m('start after end'));
}

/** (b) Every range of every finding, related location and fix edit is valid. */
export function assertValidRanges(text: string, result: CheckResult): void {
  const lineIndex = new LineIndex(text);
  for (const f of result.findings) {
    const what = describeFinding(f);
    assertValidRange(text, lineIndex, f.range, f.ruleId, what);
    for (const r of f.related ?? []) assertValidRange(text, lineIndex, r.range, `${f.ruleId} related`, `${what} related '${r.message}'`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertValidRange(text, lineIndex, e.range, `${f.ruleId} fix edit`, `${what} fix '${fix.title}'`);
    assert.ok((f.fixes ?? []).filter((x) => x.isPreferred).length <= 1, message('b', f.ruleId, 'more than one preferred fix', what));
  }
}

function loneSurrogates(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) count++;
  }
  return count;
}

/**
 * (c, second half) Each fix of each finding, applied alone: all its edits apply (none overlap),
 * text outside the edit ranges is unchanged, a CRLF document gets no bare `\n`, no line breaks
 * are added or removed, and no lone surrogate is created.
 */
export function assertSingleFixesLocal(text: string, result: CheckResult): void {
  const crlf = text.includes('\r\n');
  for (const f of result.findings) {
    for (const fix of f.fixes ?? []) {
      const what = `${describeFinding(f)} fix '${fix.title}'`;
      const m = (problem: string, details = '') => message('c', f.ruleId, problem, `${what}${details}`);
      const { text: fixed, applied } = applyEdits(text, fix.edits);
      assert.equal(applied.length, fix.edits.length, m('fix edits overlap'));
      const sorted = [...fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
      let source = 0;
      let target = 0;
      for (const e of sorted) {
        const kept = text.slice(source, e.range.start.offset);
        assert.equal(fixed.slice(target, target + kept.length), kept, m('fix changes text outside its edits', ` before ${e.range.start.offset}`));
        target += kept.length + e.newText.length;
        source = e.range.end.offset;
      }
      assert.equal(fixed.slice(target), text.slice(source), m('fix changes text outside its edits', ' after the last edit'));
      for (const e of fix.edits) {
        const removed = text.slice(e.range.start.offset, e.range.end.offset);
        const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
        // Replacing a wrapped value (a title continued on the next line) by its one-line form may
        // join lines; a fix never adds line breaks.
        assert.ok(breaks(e.newText) <= breaks(removed), m('fix adds line breaks', ` ${JSON.stringify(removed)} → ${JSON.stringify(e.newText)}`));
        if (crlf) assert.ok(!/(^|[^\r])\n/.test(e.newText), m('fix inserts a bare \\n into a CRLF document'));
      }
      // Copying text that has lone surrogates (a headline into the topics list) copies them too.
      const copied = fix.edits.reduce((n, e) => n + loneSurrogates(e.newText), 0);
      assert.ok(loneSurrogates(fixed) <= loneSurrogates(text) + copied, m('fix creates a lone surrogate'));
    }
  }
}

/** Maps an offset of the text before `applied` (sorted, non-overlapping) to the text after. */
function mapOffset(offset: number, applied: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of applied) {
    if (offset < e.range.start.offset) break;
    if (offset < e.range.end.offset) return e.range.start.offset + delta;
    delta += e.newText.length - (e.range.end.offset - e.range.start.offset);
  }
  return offset + delta;
}

/**
 * (c) Applying every preferred fix gives a text that checks cleanly, and no finding of the same
 * rule remains at the (mapped) place of any finding whose fix was applied.
 * @returns the fixed text (for chaining)
 */
export function assertPreferredFixesResolve(text: string, result: CheckResult, config: CheckConfig, cache?: ParseCache): string {
  const edits = preferredFixEdits(result.findings);
  if (!edits.length) return text;
  const { text: fixed, applied } = applyEdits(text, edits);
  const appliedSet = new Set(applied);
  const fixedFindings = result.findings.filter((f) => {
    const fix = f.fixes?.find((x) => x.isPreferred);
    return fix && fix.edits.every((e) => appliedSet.has(e));
  });
  const after = checkCleanly(fixed, config, cache);
  assertValidRanges(fixed, after);
  for (const f of fixedFindings) {
    const start = mapOffset(f.range.start.offset, applied);
    const end = Math.max(start, mapOffset(f.range.end.offset, applied));
    const remaining = after.findings.filter((g) => g.ruleId === f.ruleId && (g.range.start.offset < end && start < g.range.end.offset || g.range.start.offset === start));
    assert.deepEqual(remaining.map(describeFinding), [], message('c', f.ruleId, 'preferred fix does not resolve the finding', `${describeFinding(f)}; fixed text around: ${JSON.stringify(fixed.slice(Math.max(0, start - 40), end + 40))}`));
  }
  return fixed;
}

/** Findings reduced to what must not depend on line endings. */
function lineEndingKey(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
}

/**
 * (d) The LF and CRLF forms of the text give the same findings (rule ids, lines, characters).
 * @param known the check result of `text` itself, reused when `text` already is one of the forms
 */
export function assertLineEndingInvariant(text: string, config: CheckConfig, cache?: ParseCache, known?: CheckResult): void {
  const lf = text.replace(/\r\n?/g, '\n');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = known && lf === text ? known : checkCleanly(lf, config, cache);
  const b = known && crlf === text ? known : checkCleanly(crlf, config, cache);
  assert.deepEqual(lineEndingKey(b.findings), lineEndingKey(a.findings), message('d', 'checkBrief', 'CRLF findings differ from LF findings', ''));
}

/**
 * (e) Checking a sequence of versions with one `ParseCache` (which caches mdast, topic models
 * and topic-scoped findings per section text) gives, for every version, the same model and the
 * same findings as checking it from scratch. Odd versions are also parsed alone first, as
 * editor features do between checks.
 */
export function assertIncrementalEqualsFull(versions: readonly string[], config: CheckConfig): void {
  const cache = new ParseCache();
  versions.forEach((text, i) => {
    if (i % 2 === 1) {
      const parsed = parseBrief(text, config.schema, cache);
      assert.deepStrictEqual(parsed, parseBrief(text, config.schema), message('e', 'parseBrief', 'cached model differs from fresh model', `version ${i}`));
    }
    const incremental = checkBrief(text, config, { cache });
    const full = checkBrief(text, config);
    assert.deepStrictEqual(incremental.model, full.model, message('e', 'checkBrief', 'cached model differs from fresh model', `version ${i}`));
    assert.deepStrictEqual(incremental.findings, full.findings, message('e', 'checkBrief', 'cached findings differ from fresh findings', `version ${i}`));
  });
}

/** All per-text properties (a)–(d) on one text. */
export function assertAllProperties(text: string, config: CheckConfig, cache?: ParseCache): void {
  const result = checkCleanly(text, config, cache); // (a)
  assertValidRanges(text, result); // (b)
  assertSingleFixesLocal(text, result); // (c) single fixes
  assertPreferredFixesResolve(text, result, config, cache); // (c) preferred fixes
  assertLineEndingInvariant(text, config, cache, result); // (d)
}
