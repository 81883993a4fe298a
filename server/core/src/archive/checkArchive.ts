/**
 * Runs the archive rules on one brief of an index. Never throws: a failing rule becomes an
 * `internal.rule-failed` finding, as in `checkBrief`.
 */
import type { Catalogue } from '../catalogue/catalogue';
import { compareFindings, type Finding } from '../findings';
import type { IssueSchema } from '../schema/types';
import type { ArchiveIndex } from './archiveIndex';
import { archiveRules } from './rules/index';
import { effectiveSeverity } from '../check';
import { withoutDisabled } from '../disableComments';

/** What the archive check of one brief needs besides the index. */
export interface ArchiveCheckConfig {
  /** The brief's issue schema (its `rules:` severities apply) and catalogue. */
  schema: IssueSchema;
  catalogue: Catalogue;
  /** Short name of a brief for messages; default: the id. */
  nameOf?: (briefId: string) => string;
}

/**
 * The archive findings of one brief (sorted by position); empty when the brief is not indexed.
 * Related locations in other briefs carry `uri`: that brief's id in the index.
 */
export function checkArchive(index: ArchiveIndex, briefId: string, config: ArchiveCheckConfig): Finding[] {
  const brief = index.brief(briefId);
  if (!brief) return [];
  const findings: Finding[] = [];
  for (const rule of archiveRules) {
    const severity = effectiveSeverity(rule, config.schema);
    if (severity === 'off') continue;
    try {
      rule.check({
        brief,
        index,
        schema: config.schema,
        catalogue: config.catalogue,
        nameOf: config.nameOf ?? ((id) => id),
        report: (finding) => findings.push({ ruleId: rule.id, severity, ...finding }),
      });
    } catch (error) {
      const at = brief.topics[0]?.range ?? { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };
      findings.push({ ruleId: 'internal.rule-failed', severity: 'warning', message: `The rule ${rule.id} failed on this document and was skipped: ${(error as Error)?.message ?? String(error)}`, range: { start: at.start, end: at.start }, data: { failedRule: rule.id } });
    }
  }
  // The brief's own configuration comments apply to its archive findings as to its other findings.
  return withoutDisabled(brief.disabled, findings).sort(compareFindings);
}
