/**
 * `--format gitlab`: a GitLab Code Quality report (JSON array of issues) for the
 * `artifacts:reports:codequality` of a CI job; GitLab shows the findings in the merge request.
 * Each issue has `description`, `check_name` (the rule id), `fingerprint` (content-based, see
 * fingerprint.ts: stable when lines move, so GitLab does not report a moved finding as new),
 * `severity` (`info` | `minor` | `major` | `critical` | `blocker`) and `location.path` +
 * `location.lines.begin` (1-based). Paths are relative to the working directory: run the job
 * from the repository root. Source of the shape: GitLab Docs, "Code Quality", implementing a
 * custom tool / report format.
 */
import type { CheckFileResult } from './checkFile';
import { fingerprints, reportPath } from './fingerprint';

const SEVERITY = { error: 'major', warning: 'minor', information: 'info', hint: 'info' } as const;

/** `results[].text` should hold the checked text (for the fingerprints). */
export function formatGitlab(results: CheckFileResult[]): string {
  const issues = results.flatMap((result) => {
    const prints = fingerprints(result.path, result.findings, result.text);
    return [
      ...(result.error ? [{
        type: 'issue', check_name: 'policy-brief.unreadable', description: `${reportPath(result.path)}: ${result.error}`,
        categories: ['Bug Risk'], severity: 'major', fingerprint: fingerprints(result.path, [{ ruleId: 'policy-brief.unreadable', severity: 'error', message: result.error, range: { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } } }], undefined)[0],
        location: { path: reportPath(result.path), lines: { begin: 1 } },
      }] : []),
      ...result.findings.map((finding, i) => ({
        type: 'issue',
        check_name: finding.ruleId,
        description: finding.message,
        categories: ['Style'],
        severity: SEVERITY[finding.severity],
        fingerprint: prints[i],
        location: { path: reportPath(result.path), lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 } },
      })),
    ];
  });
  return JSON.stringify(issues, null, 2);
}
