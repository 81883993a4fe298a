/**
 * The typed model of one brief issue, built from mdast (see `parseBrief`).
 *
 * All `start`/`end` fields are UTF-16 offsets into the whole document text (BOM included),
 * half-open `[start, end)`. Convert them with the document's `LineIndex`.
 */
import type { Root } from 'mdast';
import type { MarkdownLimit } from './markdown';

/** A piece of source text with its location. */
export interface Span {
  start: number;
  end: number;
  /** The source text `text.slice(start, end)`, verbatim. */
  text: string;
}

/** A part label such as `**At a glance:**`, found in the raw text (bold or not, either colon). */
export interface LabelMatch {
  /** The label's words as written, e.g. "At a glance". */
  name: Span;
  /** The whole label including emphasis markers and colon, e.g. `**At a glance:**`. */
  whole: Span;
  /** The colon as written: `:` or the full-width `：`; undefined when the colon is missing. */
  colon?: Span;
}

/** A block that carries text: a paragraph, list item, etc., with its plain text. */
export interface TextBlock extends Span {
  /** Plain text of the block as rendered (markup removed), for word counts. */
  plain: string;
}

/** A key point: one item of a bullet list in a summary part. */
export type KeyPoint = TextBlock;

/**
 * A prose part of a topic (At a glance, comment, or a team-defined part): labelled, or the
 * schema's unlabelled part (a part without `label`: the prose between the topic heading and the
 * first labelled part).
 */
export interface TopicPart {
  /** The id of the part in the issue schema, e.g. `at-a-glance`, `comment`. */
  partId: string;
  /** The label as written; undefined for the unlabelled part. */
  label?: LabelMatch;
  /** Where findings about the whole part go: the label, or the first line of an unlabelled part. */
  anchor: Span;
  /** Text after the label in the label's paragraph; an unlabelled part's first paragraph (empty when it opens with a list). */
  lead: TextBlock;
  /** Paragraphs of the part before its first bullet list, after the label paragraph. */
  paragraphs: TextBlock[];
  /** Bullet lists of the part, in order; each is a list of key points. */
  lists: KeyPoint[][];
  /** Paragraphs after the first list (follow-up text, further documents). */
  trailingParagraphs: TextBlock[];
  /** Whole part, from the label to the last block. */
  start: number;
  end: number;
}

/** A `Label: value` line of a citation, e.g. `Issuing bodies: MIIT, NDRC`. */
export interface CitationField {
  /** Citation field id from the schema: `article`, `issuing-bodies`, `date`. */
  fieldId: string;
  label: LabelMatch;
  /** The value after the label on that line, trimmed (may be empty). */
  value: Span;
  /** The whole line, without the line break. */
  line: Span;
  /**
   * Read from a named capture of a schema pattern (`topic.citation.lines`, `topic.heading.pattern`),
   * not from a `Label: value` line: `label` is then an empty span at the value, and `fieldId` may
   * also be `chinese-title` or `link` (parts of the citation's title, see `Citation.article`).
   */
  captured?: true;
}

/** One issuing body named in an `Issuing bodies:` line. */
export type IssuingBodyReference = Span;

/** The parts of an `Article:` value: `English title (中文标题) ([Link](url))`. */
export interface ArticleValue {
  englishTitle?: Span;
  /**
   * The Chinese title inside the parentheses (without them), with the brackets written inside it
   * (`物联网标准体系建设指南（2024版）`, `关于印发《中国制造2025》的通知`); without parentheses, the whole Chinese run.
   */
  chineseTitle?: Span;
  /**
   * The opening and closing parentheses around the Chinese title, as written: `(`/`)` or `（`/`）`,
   * or `《`/`》` written in their place (`English title 《中文标题》`).
   */
  openParen?: Span;
  closeParen?: Span;
  /** A link with a URL. */
  link?: { url: string; span: Span };
  /** A link placeholder without URL, e.g. `(Link)`. */
  linkPlaceholder?: Span;
  /** The Chinese title was captured on its own (`chinese-title` of a citation line), not in parentheses after the English title. */
  separateChineseTitle?: true;
  /** A document number in parentheses after the Chinese title, e.g. `(工信部联科〔2024〕12号)` (without the parentheses). */
  documentNumber?: Span;
}

/**
 * The document number (发文字号) of a citation: the `Document number:` line's value, else a
 * number in parentheses after the Chinese title of the `Article:` line.
 */
export interface CitationDocumentNumber {
  /** The number as written (trimmed), with its document offsets. */
  span: Span;
  /** Where it was written. */
  from: 'field' | 'article';
  /** The `Document number:` line, when `from` is 'field'. */
  field?: CitationField;
}

/** One cited policy document (one `Article:` block, or a block of consecutive citation lines). */
export interface Citation {
  /**
   * The title: the `Article:` line (or `article` capture), its value parsed; a `chinese-title` or
   * `link` capture of the block fills in what it lacks (without an `article` field, the first such
   * capture is the field).
   */
  article?: CitationField & { parsed: ArticleValue };
  issuingBodies?: CitationField & { bodies: IssuingBodyReference[] };
  date?: CitationField;
  /** The document number (发文字号), from its own line or the `Article:` line. */
  documentNumber?: CitationDocumentNumber;
  /** Fields in source order (including unknown-order duplicates), for order checks. */
  fields: CitationField[];
  /**
   * A Chinese title in running text (`Topic.proseTitles`): how it stands there. `parentheses`
   * (`English Title (中文标题)`) and `alone` (a paragraph of Han text) count as titles for the
   * Chinese-title rules only when the catalogue finds a document type in them (`titledCitations`).
   */
  inProse?: 'book-title-marks' | 'parentheses' | 'alone';
  start: number;
  end: number;
}

/** One numbered topic: `## N. Headline` and what follows until the next topic heading. */
export interface Topic {
  /** 0-based position of the topic in the document. */
  index: number;
  /** The number written in the heading (`## 3. …` → 3); undefined when none. */
  number?: number;
  numberSpan?: Span;
  /** Headline without the number, e.g. "Beijing sets targets for foundries: …". */
  headline: Span;
  /** The heading line. */
  heading: Span;
  /** Labelled parts in source order (a part can occur twice: reported as a duplicate). */
  parts: TopicPart[];
  citations: Citation[];
  /**
   * The citation read from the topic heading with the schema's `topic.heading.pattern` (date,
   * issuing bodies, document); its fields' labels are empty spans at their values. Not in `citations`.
   */
  headingCitation?: Citation;
  /** Whether the headline matched the schema's `topic.heading.pattern` and it captured issuing bodies, a date or a document; absent when the schema has no (valid) pattern. */
  headingMatched?: boolean;
  /**
   * Chinese titles written in the topic's prose (schema `topic.chineseTitles.inProse`): `《…》`
   * inside a paragraph or list item, or a paragraph that is a Chinese title alone; each an
   * article-only citation whose `parsed.chineseTitle` is the title (without `《》`). Not in `citations`.
   */
  proseTitles?: Citation[];
  /** Blocks that belong to no part (text before the first label, stray paragraphs). */
  unassigned: TextBlock[];
  start: number;
  end: number;
  /** True when the topic's section could not be parsed: only its heading was read, and topic-scoped rules skip it. */
  unparsed?: boolean;
}

/** A section that is not a topic: a group heading (`## In brief`) with the text before the next topic, or the closing section. */
export interface OutsideSection {
  heading: Span;
  /** The heading's text without `#`s. */
  text: Span;
  start: number;
  end: number;
}

/** An entry of the intro's topics list. */
export interface TopicsListEntry extends Span {
  /** The entry's text, number removed, trimmed. */
  headline: Span;
}

/** The YAML front matter block, when present. */
export interface FrontMatter {
  /** The YAML source between the fences. */
  yaml: Span;
  /** Parsed value, or undefined when the YAML is malformed. */
  data?: unknown;
  /** Parse error, with the offending location in the document. */
  error?: { message: string; start: number; end: number };
  start: number;
  end: number;
}

/** A whole brief issue. */
export interface BriefModel {
  text: string;
  frontMatter?: FrontMatter;
  /** The `#` title heading. */
  title?: { heading: Span; text: Span };
  /** The byline: the one-line intro paragraph `findByline` picks (`model/byline.ts`), trimmed, without a trailing comment. */
  byline?: Span;
  /** The intro's numbered list of topics, when present. */
  topicsList?: { entries: TopicsListEntry[]; start: number; end: number };
  topics: Topic[];
  /** Headings that group the topics after them (schema `issue.groups`), in order; absent when none. */
  groups?: OutsideSection[];
  /** The closing section (schema `issue.closing`): its heading and everything after; not a topic. */
  closing?: OutsideSection;
  /** mdast of each section: the intro and one per topic (positions are document offsets). */
  sections: { start: number; end: number; text: string; root: Root }[];
  /** Where the text was not parsed as written (too deep nesting, a failed parse), in document offsets; absent when none. */
  limits?: MarkdownLimit[];
}
