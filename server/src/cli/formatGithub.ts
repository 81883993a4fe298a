/**
 * `--format github`: GitHub Actions workflow commands, one line per finding, which the Actions
 * runner turns into annotations on the pull request:
 * `::error file=<path>,line=<n>,col=<n>,endLine=<n>,endColumn=<n>,title=<rule id>::<message>`.
 * Lines and columns are 1-based; columns count UTF-16 code units (as in LSP and the human output).
 * Source of the syntax and escaping: GitHub Docs, "Workflow commands for GitHub Actions"
 * (`%`, CR and LF escaped everywhere; `:` and `,` also in properties).
 */
import type { Finding } from '../../core/src/index';
import type { CheckFileResult } from './checkFile';
import { reportPath } from './fingerprint';

const COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(file: string, finding: Finding): string {
  const { start, end } = finding.range;
  const properties = [
    `file=${escapeProperty(reportPath(file))}`,
    `line=${start.line + 1}`,
    `col=${start.character + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${end.character + 1}`,
    `title=${escapeProperty(finding.ruleId)}`,
  ];
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
}

/** One workflow command per finding; a file that could not be checked gives a file-level `::error`. */
export function formatGithub(results: CheckFileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.error) lines.push(`::error file=${escapeProperty(reportPath(result.path))},title=policy-brief::${escapeData(result.error)}`);
    for (const finding of result.findings) lines.push(annotation(result.path, finding));
  }
  return lines.join('\n');
}
