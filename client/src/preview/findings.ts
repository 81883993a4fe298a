/** Editor diagnostics → the preview's in-place markers. */
import * as vscode from 'vscode';
import type { PreviewFinding } from '../../../server/core/src/features/preview';
import type { Severity } from '../../../server/core/src/findings';
import { briefDiagnostics } from '../statusBar';

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The Policy Brief diagnostics of `document` as preview findings (UTF-16 offsets into its text). */
export function previewFindings(document: vscode.TextDocument): PreviewFinding[] {
  return briefDiagnostics(document.uri).map((d) => ({
    start: document.offsetAt(d.range.start),
    end: document.offsetAt(d.range.end),
    severity: SEVERITIES[d.severity],
    message: d.message,
    ruleId: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
  }));
}
