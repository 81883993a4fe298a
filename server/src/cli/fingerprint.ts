/**
 * Content-based fingerprints of findings, for baselines (`--baseline`) and GitLab Code Quality
 * reports: a finding keeps its fingerprint when lines are added or removed above it, because
 * it is computed from the rule id, the file path and the text around the finding — never from
 * line numbers.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Finding } from '../../core/src/index';

/**
 * Path as written in reports and baselines: `file` (absolute, or relative to the working
 * directory) relative to `base` (default the working directory), with `/` separators (stable
 * across machines and operating systems). `<stdin>` stays as it is.
 */
export function reportPath(file: string, base = process.cwd()): string {
  if (file === '<stdin>') return file;
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

/** The text of the lines a finding's range touches (line breaks excluded), from `text`. */
function linesAround(text: string, finding: Finding): string {
  const start = finding.range.start.offset - finding.range.start.character;
  const after = text.slice(finding.range.end.offset).search(/\r|\n/);
  const end = after < 0 ? text.length : finding.range.end.offset + after;
  return text.slice(start, end);
}

/**
 * Fingerprints of a file's findings, in the order given: SHA-256 (hex, 64 characters) of the
 * rule id, the path (relative to `base`, default the working directory), the trimmed text of the finding's lines and the text it covers, plus
 * an occurrence number that tells apart identical findings in one file (same rule, same line
 * text). Without `text` (a file that could not be read) only rule, path and message count.
 */
export function fingerprints(file: string, findings: Finding[], text: string | undefined, base = process.cwd()): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const context = text === undefined
      ? finding.message
      : `${linesAround(text, finding).trim()}\0${text.slice(finding.range.start.offset, finding.range.end.offset)}`;
    const key = `${finding.ruleId}\0${reportPath(file, base)}\0${context}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex');
  });
}
