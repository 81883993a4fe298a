/**
 * Baselines: `--write-baseline FILE` records today's findings; `--baseline FILE` then reports
 * only findings that are not in it, so a team can adopt the checker on years of existing briefs
 * and hold new writing to the rules. Findings are matched by content-based fingerprint
 * (fingerprint.ts), so an edit above a finding does not make it new.
 *
 * Paths in a baseline are relative to the folder it belongs to (`baselineBase`), not to the working
 * directory, so one baseline works from any directory of the repository.
 *
 * File format (JSON, sorted, meant to be committed):
 * `{ "policyBriefBaseline": 1, "findings": [{ "fingerprint", "ruleId", "path", "line", "message" }] }`
 * — `line` (1-based) and `message` are for the reader; only `fingerprint` is matched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckFileResult } from './checkFile';
import { fingerprints, reportPath } from './fingerprint';

/** One recorded finding. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** Path of the brief, relative to the baseline's base folder (`baselineBase`), `/` separators. */
  path: string;
  /** 1-based line when it was recorded (informative only). */
  line: number;
  message: string;
}

/** What applying a baseline did. */
export interface BaselineOutcome {
  /** Findings hidden because the baseline has them. */
  known: number;
  /** Entries of files checked in this run that no longer occur (fixed or changed). */
  stale: BaselineEntry[];
  /** True when the baseline has entries but none of their paths is a file checked in this run (a baseline moved, or written relative to another folder). */
  noPathChecked: boolean;
}

/** Thrown for a baseline file that cannot be read or is not a baseline (exit 2). */
export class BaselineError extends Error {}

/**
 * The folder a baseline's paths are relative to: the folder that holds the team folder when the
 * baseline is inside one (`.policy-brief/baseline.json` → the repository's top, usually), else
 * the baseline file's own folder. Absolute.
 */
export function baselineBase(file: string): string {
  const folder = path.dirname(path.resolve(file));
  return path.basename(folder) === '.policy-brief' ? path.dirname(folder) : folder;
}

/** Baseline entries of results (their `text` should be set, for content fingerprints), with paths relative to `base`. */
export function baselineEntries(results: CheckFileResult[], base: string): BaselineEntry[] {
  const entries = results.flatMap((result) => {
    const prints = fingerprints(result.path, result.findings, result.text, base);
    return result.findings.map((finding, i) => ({ fingerprint: prints[i], ruleId: finding.ruleId, path: reportPath(result.path, base), line: finding.range.start.line + 1, message: finding.message }));
  });
  return entries.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.fingerprint.localeCompare(b.fingerprint));
}

/** Writes the baseline of `results` to `file`; returns the number of entries. */
export function writeBaseline(file: string, results: CheckFileResult[]): number {
  const findings = baselineEntries(results, baselineBase(file));
  fs.writeFileSync(file, `${JSON.stringify({ policyBriefBaseline: 1, findings }, null, 2)}\n`, 'utf8');
  return findings.length;
}

/** Reads a baseline file. Throws `BaselineError` with a one-line reason. */
export function readBaseline(file: string): BaselineEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`Cannot read the baseline ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const findings = (value as { findings?: unknown })?.findings;
  if ((value as { policyBriefBaseline?: unknown })?.policyBriefBaseline !== 1 || !Array.isArray(findings) || !findings.every((f) => typeof f?.fingerprint === 'string')) {
    throw new BaselineError(`${file} is not a Policy Brief baseline (write one with --write-baseline).`);
  }
  return findings as BaselineEntry[];
}

/**
 * Removes from `results` (in place) the findings the baseline has; each entry hides at most one
 * finding. Entries whose file was checked but that matched nothing are returned as stale.
 * @param base the baseline's base folder (`baselineBase` of its file)
 */
export function applyBaseline(results: CheckFileResult[], baseline: BaselineEntry[], base: string): BaselineOutcome {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  let known = 0;
  const checked = new Set<string>();
  for (const result of results) {
    checked.add(reportPath(result.path, base));
    const prints = fingerprints(result.path, result.findings, result.text, base);
    const kept = result.findings.filter((_, i) => {
      const entries = remaining.get(prints[i]);
      if (!entries?.length) return true;
      entries.pop();
      known++;
      return false;
    });
    result.findings = kept;
  }
  const stale = [...remaining.values()].flat().filter((entry) => checked.has(entry.path));
  return { known, stale, noPathChecked: baseline.length > 0 && !baseline.some((entry) => checked.has(entry.path)) };
}
