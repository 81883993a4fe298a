/** Human-readable CLI output: `path`, then `line:column severity message rule-id` and a code frame. */
import stringWidth from 'string-width';
import type { CheckFileResult } from './checkFile';
import type { Finding } from '../../core/src/index';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m', reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m' };

/**
 * Formats results. Lines and columns are 1-based; columns count UTF-16 code units, as in LSP
 * and SARIF.
 */
export function formatHuman(results: CheckFileResult[], options: { color: boolean; codeFrames: boolean }): string {
  const c = (key: keyof typeof COLORS, text: string) => (options.color ? `${COLORS[key]}${text}${COLORS.reset}` : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    if (!result.findings.length && !result.error) continue;
    out.push(c('bold', result.path));
    // A file that could not be checked counts as an error (as it does for the exit code).
    if (result.error) {
      counts.error++;
      out.push(`  ${c('error', 'error')}  ${result.error}`);
    }
    for (const finding of result.findings) {
      counts[finding.severity]++;
      const { line, character } = finding.range.start;
      out.push(`  ${`${line + 1}:${character + 1}`.padEnd(8)}${c(finding.severity, finding.severity.padEnd(12))}${finding.message}  ${c('dim', finding.ruleId)}`);
      if (options.codeFrames && result.text !== undefined) out.push(indent(frame(result.text, finding, options.color)));
      for (const related of finding.related ?? []) out.push(`          ${c('dim', `related: ${related.range.start.line + 1}:${related.range.start.character + 1} ${related.message}`)}`);
    }
    out.push('');
  }
  const files = results.filter((r) => r.findings.length || r.error).length;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  out.push(total || files
    ? `${total} finding(s) in ${files} of ${results.length} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information, ${counts.hint} hint(s).`
    : `No findings in ${results.length} file(s).`);
  return out.join('\n');
}

/**
 * A one-line code frame: the finding's line and a caret line under its range. Carets are placed
 * by terminal display width (string-width): Han and full-width characters take two columns, so
 * the carets stay under the target on lines with Chinese text and emoji.
 */
function frame(text: string, finding: Finding, color: boolean): string {
  const { start, end } = finding.range;
  const lineStart = start.offset - start.character;
  const lineBreak = /\r|\n/g;
  lineBreak.lastIndex = lineStart;
  const lineEnd = lineBreak.exec(text)?.index ?? text.length;
  const lineText = text.slice(lineStart, lineEnd).replace(/^\uFEFF/, '');
  const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const targetStart = Math.min(lineText.length, Math.max(0, start.character - bom));
  const targetEnd = Math.max(targetStart, Math.min(lineText.length, end.line === start.line ? end.character - bom : lineText.length));
  // A long line is shown as a window around the target (… at a cut): readable, and the cost of
  // a frame does not grow with the line (800 bodies on one line took 20 s of string widths).
  const from = surrogateSafe(lineText, Math.max(0, targetStart - FRAME_CONTEXT));
  const to = surrogateSafe(lineText, Math.min(lineText.length, targetEnd + FRAME_CONTEXT));
  const head = from > 0 ? '…' : '';
  const before = head + lineText.slice(from, targetStart);
  const target = lineText.slice(targetStart, targetEnd);
  const shown = before + lineText.slice(targetStart, to) + (to < lineText.length ? '…' : '');
  const number = String(start.line + 1);
  const carets = '^'.repeat(Math.max(1, stringWidth(target.length > MAX_CARET_TEXT ? target.slice(0, MAX_CARET_TEXT) : target)));
  const marker = `${' '.repeat(number.length + 2)} | ${' '.repeat(stringWidth(before))}${color ? `\x1b[31m${carets}\x1b[0m` : carets}`;
  return `> ${number} | ${shown}\n${marker}`;
}

/** UTF-16 code units of the line shown on each side of a finding's target in a code frame. */
const FRAME_CONTEXT = 100;
/** At most this much of a long target is measured for its carets (UTF-16 code units). */
const MAX_CARET_TEXT = 400;

/** `at`, moved one code unit on when it would cut a surrogate pair of `text`. */
function surrogateSafe(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
