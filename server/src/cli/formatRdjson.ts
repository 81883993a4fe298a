/**
 * `--format rdjson`: reviewdog's Diagnostic Format (rdjson, `DiagnosticResult`), for
 * `reviewdog -f=rdjson` to post review comments with suggested changes. Lines are 1-based;
 * columns are 1-based **UTF-8 byte** columns, as the format defines them (not UTF-16), and end
 * positions are exclusive. The preferred fix (else the first) becomes `suggestions`.
 * Source of the shape: reviewdog, proto/rdf/reviewdog.proto and proto/rdf/jsonschema/.
 */
import type { Finding, Range } from '../../core/src/index';
import type { CheckFileResult } from './checkFile';
import { reportPath } from './fingerprint';

const SEVERITY = { error: 'ERROR', warning: 'WARNING', information: 'INFO', hint: 'INFO' } as const;

/** rdjson position of a core position: UTF-8 bytes from the line start, counted in `text`. */
function position(text: string | undefined, at: Range['start']) {
  const column = text === undefined ? at.character : Buffer.byteLength(text.slice(at.offset - at.character, at.offset), 'utf8');
  return { line: at.line + 1, column: column + 1 };
}

function range(text: string | undefined, r: Range) {
  return { start: position(text, r.start), end: position(text, r.end) };
}

function diagnostic(result: CheckFileResult, finding: Finding, docsUrl: (ruleId: string) => string | undefined) {
  const fix = finding.fixes?.find((f) => f.isPreferred) ?? finding.fixes?.[0];
  const url = docsUrl(finding.ruleId);
  return {
    message: finding.message,
    location: { path: reportPath(result.path), range: range(result.text, finding.range) },
    severity: SEVERITY[finding.severity],
    source: { name: 'policy-brief' },
    code: { value: finding.ruleId, ...(url ? { url } : {}) },
    ...(fix ? { suggestions: fix.edits.map((edit) => ({ range: range(result.text, edit.range), text: edit.newText })) } : {}),
  };
}

/**
 * The whole run as one rdjson `DiagnosticResult`. `results[].text` must hold the checked text
 * (for byte columns); a file that could not be checked gives a diagnostic without a range.
 * @param docsUrl URL of a rule's page, or undefined for ids without a page
 */
export function formatRdjson(results: CheckFileResult[], docsUrl: (ruleId: string) => string | undefined): string {
  const diagnostics = results.flatMap((result) => [
    ...(result.error ? [{ message: result.error, location: { path: reportPath(result.path) }, severity: 'ERROR', source: { name: 'policy-brief' } }] : []),
    ...result.findings.map((finding) => diagnostic(result, finding, docsUrl)),
  ]);
  return JSON.stringify({ source: { name: 'policy-brief' }, diagnostics }, null, 2);
}
