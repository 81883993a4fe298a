/** Human-readable CLI output: `path`, then `line:column severity message rule-id` and a code frame. */
import { codeFrameColumns } from '@babel/code-frame';
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
    if (result.error) out.push(`  ${c('error', 'error')}  ${result.error}`);
    for (const finding of result.findings) {
      counts[finding.severity]++;
      const { line, character } = finding.range.start;
      out.push(`  ${`${line + 1}:${character + 1}`.padEnd(8)}${c(finding.severity, finding.severity.padEnd(12))}${finding.message}  ${c('dim', finding.ruleId)}`);
      if (options.codeFrames && result.text !== undefined) out.push(indent(frame(result.text, finding, options.color)));
    }
    out.push('');
  }
  const files = results.filter((r) => r.findings.length || r.error).length;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  out.push(total || files
    ? `${total} finding(s) in ${files} of ${results.length} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s).`
    : `No findings in ${results.length} file(s).`);
  return out.join('\n');
}

function frame(text: string, finding: Finding, color: boolean): string {
  const { start, end } = finding.range;
  const location = {
    start: { line: start.line + 1, column: start.character + 1 },
    end: end.line === start.line ? { line: end.line + 1, column: Math.max(end.character, start.character + 1) + 1 } : { line: start.line + 1, column: start.character + 2 },
  };
  // Code frames are line-based; drop the BOM and normalise CR so lines match LSP lines.
  const source = text.replace(/^\uFEFF/, start.line === 0 ? '\u200B' : '').replace(/\r\n?/g, '\n');
  return codeFrameColumns(source, location, { highlightCode: color, linesAbove: 0, linesBelow: 0 });
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
