/**
 * Inline configuration comments, as markdownlint's `<!-- markdownlint-disable MD001 -->`:
 *
 * - `<!-- policy-brief-disable-file rule.id -->` anywhere: the rule is off for the whole brief
 * - `<!-- policy-brief-disable rule.id -->` … `<!-- policy-brief-enable rule.id -->`: off between them
 * - `<!-- policy-brief-disable-line rule.id -->`: off on this line
 * - `<!-- policy-brief-disable-next-line rule.id -->`: off on the next line
 *
 * Without ids a comment applies to every rule; an id may also name a group (`issuing-body`
 * covers `issuing-body.unknown`). The team-wide way is `rules: { rule.id: off }` in the issue schema.
 */
import type { Finding } from './findings';
import type { LineIndex } from './text/lineIndex';
import { FenceTracker, forEachLine } from './model/lines';

/** The comment prefix, e.g. `policy-brief-disable-line`. */
export const DISABLE_COMMENT = 'policy-brief';

type Directive = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** One configuration comment of a brief (plain data: the archive keeps them per brief). */
export interface DisableComment {
  directive: Directive;
  /** 0-based line of the comment. */
  line: number;
  /** Rule ids or groups; empty = all rules. */
  ids: string[];
}

const PATTERN = /<!--\s*policy-brief-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->/g;

function covers(comment: DisableComment, ruleId: string): boolean {
  return !comment.ids.length || comment.ids.some((id) => ruleId === id || ruleId.startsWith(`${id}.`));
}

/** The configuration comments of `text`, in order; a comment shown in fenced code (an example) is not one. */
export function disableComments(text: string, lineIndex: LineIndex): DisableComment[] {
  if (!text.includes('policy-brief-')) return [];
  const comments: DisableComment[] = [];
  let fenced: Set<number> | undefined;
  for (const m of text.matchAll(PATTERN)) {
    fenced ??= fencedLines(text);
    const line = lineIndex.positionAt(m.index!).line;
    if (!fenced.has(line)) comments.push({ directive: m[1] as Directive, line, ids: m[2].split(/[\s,]+/).filter(Boolean) });
  }
  return comments;
}

/** 0-based lines of `text` that belong to fenced code blocks (fence lines included). */
function fencedLines(text: string): Set<number> {
  const lines = new Set<number>();
  const fences = new FenceTracker();
  forEachLine(text, 0, (start, end, index) => {
    if (fences.next(text.slice(start, end)) !== undefined) lines.add(index);
  });
  return lines;
}

/**
 * `findings` without those that configuration comments in `text` turn off (by the line where
 * each finding starts). Returns the same array when the text has no such comment.
 */
export function applyDisableComments(text: string, lineIndex: LineIndex, findings: Finding[]): Finding[] {
  return withoutDisabled(disableComments(text, lineIndex), findings);
}

/** `findings` less those that `comments` (the brief's configuration comments, in order) turn off. */
export function withoutDisabled(comments: readonly DisableComment[], findings: Finding[]): Finding[] {
  if (!comments.length) return findings;
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    let off = false;
    for (const c of comments) {
      if (!covers(c, finding.ruleId)) continue;
      if (c.directive === 'disable-file') return false;
      if (c.directive === 'disable-line' && c.line === line) return false;
      if (c.directive === 'disable-next-line' && c.line === line - 1) return false;
      if (c.line <= line && c.directive === 'disable') off = true;
      if (c.line <= line && c.directive === 'enable') off = false;
    }
    return !off;
  });
}
