/**
 * The check engine: parse a brief, run every enabled rule, return findings with exact ranges.
 */
import { parseBrief } from './model/parse';
import type { ParseCache } from './model/parseCache';
import { shiftOffsets } from './model/shift';
import type { BriefModel, Citation, Topic } from './model/types';
import { LineIndex } from './text/lineIndex';
import type { Finding, Severity } from './findings';
import { compareFindings } from './findings';
import { rules as allRules, type Rule } from './rules/index';
import type { RuleContext, Report } from './rules/rule';
import type { IssueSchema } from './schema/types';
import type { Catalogue } from './catalogue/catalogue';
import { patternHasYear, rememberedCitationDay } from './catalogue/citationDate';
import { applyDisableComments } from './disableComments';
import { dayOf, type Day } from './catalogue/dates';
import { yearSourceDay } from './rules/date/issueDay';

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
  /** The day the check runs (UTC day, see catalogue/dates.ts); default the current day. Tests pass a fixed day. */
  today?: Day;
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
export function effectiveSeverity(rule: Pick<Rule, 'id' | 'defaultSeverity'>, schema: IssueSchema): Severity | 'off' {
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
  const today = options.today ?? dayOf(new Date());
  // A date pattern without a year (`d MMMM`) takes the issue's year (front matter), else this year's.
  const yearFrom = yearSourceDay(model, today);
  const citationDay = (citation: Citation): Day | undefined => {
    if (!dayCache.has(citation)) dayCache.set(citation, rememberedCitationDay(citation.date?.value.text, config.schema.topic.citation.dateFormat, yearFrom));
    return dayCache.get(citation);
  };
  const topicDay = (topic: Topic) => topic.citations.map(citationDay).find((d) => d !== undefined);
  const ruleList = options.rules ?? allRules;
  const active = ruleList
    .map((rule) => ({ rule, severity: effectiveSeverity(rule, config.schema) }))
    .filter((entry): entry is { rule: Rule; severity: Severity } => entry.severity !== 'off');
  const reports: RuleReport[] = [];
  /** Runs one rule on a view of the model; a throwing rule becomes an internal.rule-failed report at `failureAt`. */
  const run = ({ rule, severity }: { rule: Rule; severity: Severity }, view: BriefModel, sink: RuleReport[], failureAt: number) => {
    const context: RuleContext = {
      model: view,
      schema: config.schema,
      catalogue: config.catalogue,
      lineIndex,
      citationDay,
      topicDay,
      today,
      report: (report) => sink.push({ ruleId: rule.id, severity, report }),
    };
    try {
      rule.check(context);
    } catch (error) {
      sink.push({
        ruleId: 'internal.rule-failed',
        severity: 'warning',
        report: { start: failureAt, end: failureAt, message: `The rule ${rule.id} failed on this document and was skipped: ${(error as Error)?.message ?? String(error)}`, data: { failedRule: rule.id } },
      });
    }
  };
  for (const entry of active.filter((e) => e.rule.scope === 'document')) {
    if (options.isCancelled?.()) return { model, lineIndex, findings: [], cancelled: true };
    run(entry, model, reports, 0);
  }
  // Topic-scoped rules see one topic at a time; with a cache, an unchanged topic reuses its findings.
  const topicRules = active.filter((e) => e.rule.scope !== 'document');
  const ruleKey = ruleList === allRules ? '*' : ruleList.map((r) => r.id).join(',');
  // Dates without a year take it from outside the topic (the issue's date, else today): the topic's findings depend on it.
  const yearKey = patternHasYear(config.schema.topic.citation.dateFormat) ? '' : `:${yearFrom}`;
  for (const topic of model.topics) {
    if (options.isCancelled?.()) return { model, lineIndex, findings: [], cancelled: true };
    // A topic that could not be parsed has no parts to check (structure.markdown-limit says so).
    if (topic.unparsed) continue;
    const view: BriefModel = { ...model, topics: [topic] };
    if (!options.cache) {
      for (const entry of topicRules) run(entry, view, reports, topic.start);
      continue;
    }
    const sectionText = model.sections[topic.index + 1].text;
    const relative = options.cache.topicFindings(sectionText, `${ruleKey}:${topic.index}${yearKey}`, config, () => {
      const local: RuleReport[] = [];
      for (const entry of topicRules) run(entry, view, local, topic.start);
      return shiftOffsets(local, -topic.start);
    });
    for (const { ruleId, severity, report } of relative) findings.push(toFinding(ruleId, severity, report, lineIndex, topic.start));
  }
  options.cache?.sweepFindings();
  for (const { ruleId, severity, report } of reports) findings.push(toFinding(ruleId, severity, report, lineIndex, 0));
  findings.sort(compareFindings);
  // `<!-- policy-brief-disable … -->` comments turn rules off for lines or the whole brief.
  return { model, lineIndex, findings: applyDisableComments(text, lineIndex, findings), cancelled: false };
}

/** A report of one rule, with the rule's id and effective severity. */
interface RuleReport {
  ruleId: string;
  severity: Severity;
  report: Report;
}

/** Converts a report to a finding; `delta` is added to its offsets (section-relative reports). */
function toFinding(ruleId: string, severity: Severity, report: Report, lineIndex: LineIndex, delta: number): Finding {
  const finding: Finding = { ruleId, severity, message: report.message, range: lineIndex.range(report.start + delta, report.end + delta) };
  if (report.related?.length) finding.related = report.related.map((r) => ({ message: r.message, range: lineIndex.range(r.start + delta, r.end + delta) }));
  if (report.fixes?.length) {
    finding.fixes = report.fixes.map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      edits: fix.edits.map((edit) => ({ range: lineIndex.range(edit.start + delta, edit.end + delta), newText: edit.newText })),
    }));
  }
  if (report.data) finding.data = report.data;
  return finding;
}
