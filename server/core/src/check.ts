/**
 * The check engine: parse a brief, run every enabled rule, return findings with exact ranges.
 */
import { parseBrief, type ParseCache } from './model/parse';
import type { BriefModel, Citation, Topic } from './model/types';
import { LineIndex } from './text/lineIndex';
import type { Finding, Severity } from './findings';
import { compareFindings } from './findings';
import { rules as allRules, type Rule } from './rules/index';
import type { RuleContext, Report } from './rules/rule';
import type { IssueSchema } from './schema/types';
import type { Catalogue } from './catalogue/catalogue';
import { readCitationDate } from './catalogue/citationDate';
import type { Day } from './catalogue/dates';

/** What a check needs besides the text. */
export interface CheckConfig {
  schema: IssueSchema;
  catalogue: Catalogue;
}

/** Options of one check run. */
export interface CheckOptions {
  /** Parse cache of this document (editor: one per open document). */
  cache?: ParseCache;
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
  /** Returns true when the caller no longer needs the result; checked between rules. */
  isCancelled?: () => boolean;
}

/** Result of checking one brief. */
export interface CheckResult {
  model: BriefModel;
  lineIndex: LineIndex;
  /** Findings sorted by position. Empty when cancelled. */
  findings: Finding[];
  cancelled: boolean;
}

/** The severity a rule runs at under `schema`, or 'off'. */
export function effectiveSeverity(rule: Rule, schema: IssueSchema): Severity | 'off' {
  return schema.rules?.[rule.id] ?? rule.defaultSeverity;
}

/**
 * Checks a brief. Never throws for any text: a rule that throws is contained and reported as
 * an `internal.rule-failed` finding, and the other rules still run.
 * @param text the document as in the editor (BOM and CRLF kept)
 */
export function checkBrief(text: string, config: CheckConfig, options: CheckOptions = {}): CheckResult {
  const lineIndex = new LineIndex(text);
  const model = parseBrief(text, config.schema, options.cache);
  const findings: Finding[] = [];
  const dayCache = new Map<Citation, Day | undefined>();
  const citationDay = (citation: Citation): Day | undefined => {
    if (!dayCache.has(citation)) {
      const value = citation.date?.value.text;
      const read = value ? readCitationDate(value, config.schema.topic.citation.dateFormat) : undefined;
      dayCache.set(citation, read && (read.kind === 'valid' || read.kind === 'other-format') ? read.day : undefined);
    }
    return dayCache.get(citation);
  };
  const topicDay = (topic: Topic) => topic.citations.map(citationDay).find((d) => d !== undefined);
  for (const rule of options.rules ?? allRules) {
    if (options.isCancelled?.()) return { model, lineIndex, findings: [], cancelled: true };
    const severity = effectiveSeverity(rule, config.schema);
    if (severity === 'off') continue;
    const context: RuleContext = {
      model,
      schema: config.schema,
      catalogue: config.catalogue,
      lineIndex,
      citationDay,
      topicDay,
      report: (report) => findings.push(toFinding(rule.id, severity, report, lineIndex)),
    };
    try {
      rule.check(context);
    } catch (error) {
      findings.push({
        ruleId: 'internal.rule-failed',
        severity: 'warning',
        message: `The rule ${rule.id} failed on this document and was skipped: ${(error as Error)?.message ?? String(error)}`,
        range: lineIndex.range(0, 0),
        data: { failedRule: rule.id },
      });
    }
  }
  findings.sort(compareFindings);
  return { model, lineIndex, findings, cancelled: false };
}

function toFinding(ruleId: string, severity: Severity, report: Report, lineIndex: LineIndex): Finding {
  const finding: Finding = { ruleId, severity, message: report.message, range: lineIndex.range(report.start, report.end) };
  if (report.related?.length) finding.related = report.related.map((r) => ({ message: r.message, range: lineIndex.range(r.start, r.end) }));
  if (report.fixes?.length) {
    finding.fixes = report.fixes.map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      edits: fix.edits.map((edit) => ({ range: lineIndex.range(edit.start, edit.end), newText: edit.newText })),
    }));
  }
  if (report.data) finding.data = report.data;
  return finding;
}
