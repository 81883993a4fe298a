/**
 * The rule contract: one module per rule (markdownlint style). A rule reads the brief model and
 * reports findings through its context; it never throws on odd input (the engine contains it
 * if it does and reports `internal.rule-failed`).
 */
import type { BriefModel, Citation, Topic } from '../model/types';
import type { IssueSchema } from '../schema/types';
import type { Catalogue } from '../catalogue/catalogue';
import type { RelatedLocation, Severity } from '../findings';
import type { LineIndex } from '../text/lineIndex';
import type { Day } from '../catalogue/dates';

/** An edit in document offsets (UTF-16), converted to ranges by the engine. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix in document offsets. */
export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  isPreferred?: boolean;
}

/** What a rule reports: offsets into the document; the engine adds id, severity and ranges. */
export interface Report {
  start: number;
  end: number;
  message: string;
  fixes?: OffsetFix[];
  related?: { message: string; start: number; end: number }[];
  data?: Record<string, unknown>;
}

/** Everything a rule may read. */
export interface RuleContext {
  model: BriefModel;
  schema: IssueSchema;
  catalogue: Catalogue;
  lineIndex: LineIndex;
  /** The date of a citation parsed with the schema's format, when valid. */
  citationDay(citation: Citation): Day | undefined;
  /** The date of the topic's first citation with a valid date. */
  topicDay(topic: Topic): Day | undefined;
  /** The day the check runs (`CheckOptions.today`, default the current UTC day). */
  today: Day;
  report(report: Report): void;
}

/** A rule module. `id` is stable: diagnostic code, config key, docs page `docs/rules/<id>.md`. */
export interface Rule {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** Groups for configuration and docs: structure, citation, issuing-body, date, front-matter. */
  tags: string[];
  /**
   * `document` for rules that compare topics with each other or with the intro; they see the
   * whole model. Otherwise the rule sees one topic at a time (`model.topics` has one entry), so
   * its findings can be cached per topic.
   */
  scope?: 'document';
  check(context: RuleContext): void;
}

export type { RelatedLocation };
