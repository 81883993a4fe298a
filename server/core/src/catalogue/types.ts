/**
 * Catalogue entry types. The data (with the source of every fact) lives in
 * `data/issuing-bodies.yaml`, `data/policy-titles.yaml` and `data/document-types.yaml`; field
 * meanings are documented in those files' headers and in `schemas/*.schema.json`.
 */

/** A Chinese party or state body that issues policy documents. */
export interface IssuingBody {
  id: string;
  name_en: string;
  name_zh: string;
  name_zh_full?: string;
  name_zh_short?: string[];
  abbreviations?: string[];
  aliases?: string[];
  level: string;
  parent?: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; absent = unknown/always. */
  valid_from?: string;
  /** As `valid_from`; null or absent = still exists. */
  valid_until?: string | null;
  /**
   * When the canonical name (first abbreviation, `name_en`) came into use, where the body had
   * other English names before (CNIPA: "2018-08-28", SIPO before); same format as `valid_from`.
   */
  canonical_from?: string;
  /** Where each date was seen: source keys (or URLs) per date field. */
  dates_source?: { valid_from?: string[]; valid_until?: string[]; canonical_from?: string[] };
  predecessors?: string[];
  successors?: string[];
  brands?: string[];
  status: string;
  source: string[];
  confidence: string;
  notes?: string;
}

/** One English rendering of a title, with who published it. */
export interface Translation {
  title: string;
  by?: string;
  source?: string;
}

/** A Chinese policy document. */
export interface PolicyTitle {
  id: string;
  title_zh: string;
  title_zh_as_issued?: string;
  title_en: string;
  translations?: Translation[];
  issuing_bodies: string[];
  /** The document-type suffix and its English term; both null for titles without one (中国制造2025). */
  doc_type: { zh: string | null; en: string | null };
  draft?: boolean;
  draft_marker?: string;
  /** On a draft: the id of its final version (a separate entry), once issued. */
  final?: string;
  /** The document number (发文字号) or order number as issued, e.g. 工信部联科〔2024〕12号, 国务院令第790号. */
  doc_number?: string;
  /** "YYYY-MM-DD" (or coarser): the issue date a brief cites. */
  date: string;
  date_published?: string;
  date_effective?: string;
  comment_deadline?: string;
  source: string[];
  confidence: string;
  notes?: string;
}

/** A document-type suffix and its English renderings (title-conventions.md §2). */
export interface DocumentType {
  id: string;
  zh: string[];
  en: string[];
  tolerated?: string[];
  /** English renderings that are wrong for this type, with why. */
  flagged?: { term: string; reason: string }[];
  level?: string[];
  /** Markers only: true when the marker makes the document a draft (征求意见稿, 草案). */
  draft?: boolean;
  source?: string[];
  examples?: string[];
  /**
   * Types only: words that end in one of `zh` but are not this type (方法 'method' ends in 法 and
   * is no law), each with its meaning and where that was seen: a title ending in one is not of this type.
   */
  excluded_endings?: { zh: string; en: string; source: string }[];
}

/** The three catalogues as files. */
export interface IssuingBodyFile { schemaVersion: 1; bodies: IssuingBody[]; ambiguous_abbreviations?: Record<string, string[]>; sources?: Record<string, string>; levels?: Record<string, string> }
export interface PolicyTitleFile { schemaVersion: 1; titles: PolicyTitle[] }
export interface DocumentTypeFile { schemaVersion: 1; types: DocumentType[]; markers: DocumentType[] }

/** A document-number prefix (机关代字) and the bodies that carry it (data/document-number-prefixes.yaml). */
export interface DocumentNumberPrefix {
  prefix: string;
  /** Issuing-body ids. */
  bodies: string[];
  seen_in?: string[];
  source: string[];
  confidence: string;
  notes?: string;
}

/** A provincial-level division (data/provincial-divisions.yaml). */
export interface ProvincialDivision {
  id: string;
  name_en: string;
  name_zh: string;
  short_zh: string;
  kind: 'province' | 'municipality' | 'autonomous-region' | 'sar';
  source: string[];
}

export interface DocumentNumberPrefixFile { schemaVersion: 1; prefixes: DocumentNumberPrefix[]; sources?: Record<string, string> }
export interface ProvincialDivisionFile { schemaVersion: 1; divisions: ProvincialDivision[]; sources?: Record<string, string> }
