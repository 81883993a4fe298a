/**
 * The contract of the cross-brief rules (group `archive.`): like a `Rule`, but a check sees one
 * brief of the archive index and may compare it with every other brief in it.
 */
import type { Catalogue } from '../../catalogue/catalogue';
import type { Finding, Severity } from '../../findings';
import type { IssueSchema } from '../../schema/types';
import type { ArchiveIndex } from '../archiveIndex';
import type { ArchiveBrief } from '../types';

/** Everything an archive rule may read. */
export interface ArchiveRuleContext {
  /** The brief being checked (its ranges are in its own text). */
  brief: ArchiveBrief;
  index: ArchiveIndex;
  /** The brief's team schema and catalogue. */
  schema: IssueSchema;
  catalogue: Catalogue;
  /** A short name of a brief for messages (a relative path, a file name). */
  nameOf(briefId: string): string;
  /** Reports a finding in `brief`; related locations in other briefs carry their `uri` (the brief id). */
  report(finding: Omit<Finding, 'ruleId' | 'severity'>): void;
}

/** A cross-brief rule module; `id` is its diagnostic code, configuration key and docs page name. */
export interface ArchiveRule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  tags: string[];
  check(context: ArchiveRuleContext): void;
}
