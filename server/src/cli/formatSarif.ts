/**
 * `--format sarif`: SARIF 2.1.0 with UTF-16 columns (SARIF's default `columnKind`). Files under
 * the working directory are relative, percent-encoded URIs with `uriBaseId: "%SRCROOT%"`
 * (declared in `originalUriBaseIds` as the working directory), which GitHub code scanning
 * resolves against the checkout; files elsewhere are absolute `file:` URIs.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { archiveRules, rules, type Finding } from '../../core/src/index';
import type { CheckFileResult } from './checkFile';
import { reportPath } from './fingerprint';

/** The `uriBaseId` of relative artifact locations. */
export const SRCROOT = '%SRCROOT%';

/** SARIF artifact location of a reported path. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  const relative = reportPath(file);
  if (relative.startsWith('../') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(file)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

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

/**
 * @param version the tool's version
 * @param docsUrl URL of a rule's page (`helpUri`)
 */
export function formatSarif(results: CheckFileResult[], version: string, docsUrl: (ruleId: string) => string): string {
  const unreadable = results.filter((r) => r.error);
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
            helpUri: docsUrl(rule.id),
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(process.cwd()).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) =>
        r.findings.map((finding) => ({
          ruleId: finding.ruleId,
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.path), region: region(finding.range) } }],
          ...(finding.related?.length ? { relatedLocations: finding.related.map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: { artifactLocation: artifactLocation(rel.uri ?? r.path), region: region(rel.range) } })) } : {}),
          ...(finding.fixes?.length ? {
            fixes: finding.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [{ artifactLocation: artifactLocation(r.path), replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
            })),
          } : {}),
        })),
      ),
      // A file that could not be checked (binary, unreadable, too big) makes the run unsuccessful
      // and is reported as a tool execution notification located in that file.
      invocations: [{
        executionSuccessful: unreadable.length === 0,
        toolExecutionNotifications: unreadable.map((r) => ({
          level: 'error',
          message: { text: `${r.path}: ${r.error}` },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.path) } }],
        })),
      }],
    }],
  };
  return JSON.stringify(log, null, 2);
}
