/**
 * The archive's data: what the index keeps of each brief. Plain data with exact ranges (LSP
 * UTF-16 line/character plus UTF-16 document offsets of that brief's text), so the index can be
 * kept for thousands of briefs without their texts or mdast trees.
 */
import type { Range } from '../text/lineIndex';
import type { DisableComment } from '../disableComments';

/** A piece of a brief's text and where it is. */
export interface ArchiveSpan {
  /** The source text, verbatim. */
  text: string;
  range: Range;
}

/** One citation (one `Article:` block) of a brief, as the archive sees it. */
export interface ArchiveCitation {
  /** The brief it is in (the id given to `indexBrief`: a URI in the server, a path in the CLI). */
  briefId: string;
  /**
   * Key of the cited document: `zh:` + `chineseTitleKey` of the Chinese title — written, or the
   * catalogue's for a citation without one that the catalogue identifies (see `catalogueId`);
   * else `no:` + `documentNumberKey` of the document number (发文字号); else `en:` + `englishKey`
   * of the English title. Undefined when the citation names no document.
   */
  documentKey?: string;
  /**
   * The catalogue's policy title the citation names: found by its Chinese title, else by its
   * document number or its English title when exactly one catalogue title has it.
   */
  catalogueId?: string;
  /** The Chinese title as written (without the parentheses). */
  chinese?: ArchiveSpan;
  /** The English rendering as written. */
  english?: ArchiveSpan;
  /** `englishKey` of the English rendering (for comparisons). */
  englishKey?: string;
  /** Document number (发文字号): the `Document number:` field, or the number after the Chinese title of the Article line. */
  documentNumber?: ArchiveSpan;
  /** The issuing bodies as written, one span per body, each with its key (as in `bodyKeys`). */
  bodies: (ArchiveSpan & { key: string })[];
  /** Sorted body keys for comparison (canonical catalogue ids where the catalogue knows the body, else the upper-cased name). */
  bodyKeys: string[];
  /** True when the catalogue knows every body named (unknown ones are `issuing-body.unknown` findings, not archive conflicts). */
  bodiesKnown: boolean;
  /** The value of the `Issuing bodies:` line. */
  bodiesValue?: ArchiveSpan;
  /** The value of the `Date:` line. */
  date?: ArchiveSpan;
  /** The date as an ISO day `YYYY-MM-DD`, when it reads as a date in the brief's date format (or a known alternative). */
  day?: string;
  /** The URL of the citation's link, when it has one. */
  link?: string;
  /** The `Article:` value. */
  articleValue?: ArchiveSpan;
  /** The whole citation block. */
  range: Range;
  /** 0-based index of the topic it belongs to, and that topic's headline. */
  topicIndex: number;
  topicHeadline: string;
}

/** One topic of a brief. */
export interface ArchiveTopic {
  briefId: string;
  index: number;
  /** The headline as written (number removed). */
  headline: ArchiveSpan;
  /** Normalised headline (lower case, single spaces, no trailing punctuation) for duplicate detection. */
  headlineKey: string;
  /** The whole topic. */
  range: Range;
}

/** What the archive keeps of one brief. */
export interface ArchiveBrief {
  id: string;
  /** Issue title (the `#` heading), when present. */
  title?: string;
  citations: ArchiveCitation[];
  topics: ArchiveTopic[];
  /** The brief's configuration comments (`<!-- policy-brief-disable … -->`): they apply to its archive findings too. */
  disabled: DisableComment[];
}
