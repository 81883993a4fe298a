/** `--format sarif`: SARIF 2.1.0 with UTF-16 columns (SARIF's default `columnKind`). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { archiveRules, rules, ruleDocsUrl, type Finding } from '../../core/src/index';
import type { CheckFileResult } from './checkFile';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function region(range: Finding['range']) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    charOffset: range.start.offset,
    charLength: range.end.offset - range.start.offset,
  };
}

export function formatSarif(results: CheckFileResult[], version: string): string {
  const uri = (file: string) => (file === '<stdin>' ? file : path.isAbsolute(file) ? pathToFileURL(file).href : file.split(path.sep).join('/'));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'policy-brief',
          version,
          informationUri: 'https://github.com/policy-brief/policy-brief',
          rules: [...rules, ...archiveRules].map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            helpUri: ruleDocsUrl(rule.id),
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) =>
        r.findings.map((finding) => ({
          ruleId: finding.ruleId,
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path) }, region: region(finding.range) } }],
          ...(finding.related?.length ? { relatedLocations: finding.related.map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: { artifactLocation: { uri: uri(rel.uri ?? r.path) }, region: region(rel.range) } })) } : {}),
          ...(finding.fixes?.length ? {
            fixes: finding.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [{ artifactLocation: { uri: uri(r.path) }, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
            })),
          } : {}),
        })),
      ),
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: results.filter((r) => r.error).map((r) => ({ level: 'error', message: { text: `${r.path}: ${r.error}` } })),
      }],
    }],
  };
  return JSON.stringify(log, null, 2);
}
