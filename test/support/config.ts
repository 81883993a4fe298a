/** Test helpers: the real bundled configuration and fixture reading. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, type ResolvedConfig } from '../../server/src/config/projectConfig';
import type { Finding } from '../../server/core/src/index';

let defaults: ResolvedConfig | undefined;

/** The bundled default schema and catalogues, loaded once. */
export function defaultConfig(): ResolvedConfig {
  defaults ??= loadConfig(undefined);
  return defaults;
}

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Reads a file as UTF-8 text. */
export function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** An expected finding: 0-based line and rule id. */
export interface Expected {
  line: number;
  ruleId: string;
}

/**
 * Expected findings from inline markers: `<!-- expect: rule.id, other.id -->` at the end of the
 * line (or alone on the line) where each finding starts. Lines are 0-based LSP lines.
 */
export function expectedFindings(text: string): Expected[] {
  const expected: Expected[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*([^>]*?)\s*-->/g)) {
      for (const id of m[1].split(/[\s,]+/).filter(Boolean)) expected.push({ line: index, ruleId: id });
    }
  });
  return expected.sort(compareExpected);
}

export function compareExpected(a: Expected, b: Expected): number {
  return a.line - b.line || a.ruleId.localeCompare(b.ruleId);
}

/** Findings reduced to (line, rule id), sorted, for comparison with markers. */
export function actualFindings(findings: Finding[]): Expected[] {
  return findings.map((f) => ({ line: f.range.start.line, ruleId: f.ruleId })).sort(compareExpected);
}

/** LF, CRLF and BOM variants of a text (the CRLF and BOM variants derived from the LF one). */
export function lineEndingVariants(text: string): { name: string; text: string }[] {
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return [
    { name: 'LF', text: lf },
    { name: 'CRLF', text: lf.replace(/\n/g, '\r\n') },
    { name: 'BOM+LF', text: `\uFEFF${lf}` },
    { name: 'BOM+CRLF', text: `\uFEFF${lf.replace(/\n/g, '\r\n')}` },
  ];
}
