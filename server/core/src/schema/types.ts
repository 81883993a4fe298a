/**
 * The issue schema: how one publication structures an issue. Loaded from YAML
 * (`data/issue-schemas/default.yaml` or another bundled schema, or a team's `.policy-brief/issue-schema.yaml`) and
 * validated against `schemas/issue-schema.schema.json`. Field docs live in that JSON Schema.
 */
import type { Severity } from '../findings';

/** A labelled prose part of a topic, e.g. At a glance or the analyst comment. */
export interface PartSchema {
  id: string;
  /**
   * Canonical label without colon, e.g. "At a glance". Absent: the part has no label (the prose
   * between the topic heading and the first labelled part); such a part is never written with a
   * label, so it is reported by id.
   */
  label?: string;
  /** For a part without label: `citation` = the prose after the citation block (absent: the prose after the heading). */
  after?: 'citation';
  /** Other labels accepted for the part (reported as non-canonical with a fix). */
  aliases?: string[];
  required: boolean;
  /** Max words of the part's text before its first bullet list (lead + lead-in). */
  leadMaxWords?: number;
  /** Max words of the whole part. */
  maxWords?: number;
  /** Minimum number of paragraphs (label paragraph included). */
  minParagraphs?: number;
  /** Bullet list expectations; absent = no list expected. */
  keyPoints?: { required: boolean; min?: number; max?: number; maxWords?: number };
}

/** A `Label: value` line of the citation block. */
export interface CitationFieldSchema {
  id: 'article' | 'issuing-bodies' | 'date' | 'document-number';
  /** Label without colon; the loader fills in the default's label for the id when a file leaves it out. */
  label: string;
  aliases?: string[];
  required: boolean;
}

/**
 * A citation line in a layout of its own (`CAC | 12.2020`, `Source CAC`, `Policy | Cybersecurity`):
 * a regular expression (JavaScript, Unicode) matched on a whole source line of a topic. A line it
 * matches is a citation line; its named captures give the citation's fields (see `CITATION_LINE_CAPTURES`).
 */
export interface CitationLineSchema {
  /** Optional name of the line, for the team's own reference (merged by id under `extends`). */
  id?: string;
  pattern: string;
  /** What the line is, for readers of the schema. */
  description?: string;
}

/** The whole issue schema, defaults applied. */
export interface IssueSchema {
  schemaVersion: 1;
  /** Human name, shown in the status bar, e.g. "China Industries (default)". */
  name: string;
  /** Base URL of the rule pages (`<docsBaseUrl><rule id>.md`); absent = the pages shipped with the package. */
  docsBaseUrl?: string;
  issue: {
    title: { required: boolean };
    topicsList: { required: boolean; matchHeadlines: boolean };
    topics: { min: number; max?: number; headingLevel: number; numbered: boolean };
    /** Headings at `headingLevel` (above the topics' level) group the topics: `## In brief` over `### …` topics. */
    groups?: { headingLevel?: number };
    /** Headings (at the topics' level or above) that open the closing section: it and all after it is no topic. */
    closing?: { headings?: string[] };
    /**
     * The byline, a one-line paragraph in the intro (`By Jane Doe`): whether every issue needs
     * one, and its form (a regular expression, JavaScript, Unicode, matched on the line as
     * rendered; absent: `By <name>`). Absent: bylines are not checked.
     */
    byline?: { required?: boolean; pattern?: string };
  };
  topic: {
    /**
     * Metadata in the topic heading: `pattern` is a regular expression (JavaScript, Unicode) matched
     * on the headline (the heading without `#`s and number), with named captures `date`,
     * `issuing-bodies`, `document` and `headline`; the captures feed the date and issuing-body
     * rules as a citation block's lines do.
     */
    /**
     * Metadata in the topic heading: `pattern` reads it (named captures); with `required`, a heading
     * the pattern does not match is reported (`structure.heading-metadata`), in the words of `form`
     * (what authors write, e.g. `<issuing bodies> issued … (<day> <month>)`).
     */
    heading?: { pattern?: string; required?: boolean; form?: string };
    /** Chinese titles outside the citation block that the Chinese-title rules check too. */
    chineseTitles?: { inProse?: boolean };
    parts: PartSchema[];
    citation: {
      required: boolean;
      min: number;
      fields: CitationFieldSchema[];
      /** Citation lines read by pattern (named captures) besides the `Label: value` lines of `fields`. */
      lines?: CitationLineSchema[];
      /** Parentheses around the Chinese title in the `Article:` line: ASCII `( )` or full-width `（ ）`. */
      chineseTitleParentheses: 'ascii' | 'fullwidth';
      /** Date pattern in Unicode TR35 / date-fns tokens, e.g. "MMMM d, yyyy". */
      dateFormat: string;
      /** Whether every citation needs a link with a URL. */
      link: 'required' | 'optional';
      /** Separator written between issuing bodies, e.g. ", ". */
      issuingBodySeparator: string;
      /** Where the citation block stands: after the parts (`end`, the default), before them (`start`), or anywhere (`any`). */
      position?: 'end' | 'start' | 'any';
    };
  };
  /** Severity overrides by rule id; `off` disables a rule. */
  rules: Record<string, Severity | 'off'>;
}
