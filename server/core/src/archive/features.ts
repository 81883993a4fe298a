/**
 * Editor features across the archive, as plain data: what is under the cursor (a cited
 * document or an issuing body), every citation of it (references), how many other briefs cite
 * a document (code lens), and workspace symbols (topics by headline words, documents with the
 * completion matcher: English, 中文 or pinyin).
 */
import type { Range } from '../text/lineIndex';
import { SearchIndex } from '../features/search';
import type { ArchiveIndex } from './archiveIndex';
import type { ArchiveCitation, ArchiveSpan } from './types';

/** What the cursor is on: a cited document (by key) or an issuing body (by key). */
export type ArchiveTarget = { kind: 'document'; key: string; citation: ArchiveCitation } | { kind: 'body'; key: string; span: ArchiveSpan };

/** A place in a brief of the archive. */
export interface ArchiveLocation {
  briefId: string;
  range: Range;
}

const inside = (span: { range: Range } | undefined, offset: number) => !!span && offset >= span.range.start.offset && offset <= span.range.end.offset;

/** The cited document or issuing body at `offset` (UTF-16 offset in the brief's text), if any. */
export function archiveTargetAt(index: ArchiveIndex, briefId: string, offset: number): ArchiveTarget | undefined {
  const brief = index.brief(briefId);
  if (!brief) return undefined;
  for (const citation of brief.citations) {
    if (offset < citation.range.start.offset || offset > citation.range.end.offset) continue;
    const body = citation.bodies.find((b) => inside(b, offset));
    if (body) return { kind: 'body', key: body.key, span: body };
    if (citation.documentKey && (inside(citation.articleValue, offset) || inside(citation.documentNumber, offset))) return { kind: 'document', key: citation.documentKey, citation };
  }
  return undefined;
}

/** The span to show for a citation of a document: Chinese title, else English title, else the Article value. */
export function citationAnchor(citation: ArchiveCitation): ArchiveSpan | undefined {
  return citation.chinese ?? citation.english ?? citation.documentNumber ?? citation.articleValue;
}

/**
 * Every citation of the document or body at `offset`, across the archive (this brief's
 * included when `includeOwn`), in index order; empty when the cursor is on neither.
 */
export function archiveReferences(index: ArchiveIndex, briefId: string, offset: number, includeOwn = true): ArchiveLocation[] {
  const target = archiveTargetAt(index, briefId, offset);
  if (!target) return [];
  const locations: ArchiveLocation[] = [];
  if (target.kind === 'document') {
    for (const citation of index.citationsOf(target.key)) {
      const anchor = citationAnchor(citation);
      if (anchor && (includeOwn || citation.briefId !== briefId)) locations.push({ briefId: citation.briefId, range: anchor.range });
    }
  } else {
    for (const citation of index.citationsByBody(target.key)) {
      for (const body of citation.bodies) if (body.key === target.key && (includeOwn || citation.briefId !== briefId)) locations.push({ briefId: citation.briefId, range: body.range });
    }
  }
  return locations;
}

/** A code lens on a citation: how many other briefs cite the same document. */
export interface ArchiveLens {
  /** The Article value's range. */
  range: Range;
  /** Distinct briefs other than this one citing the document. */
  otherBriefs: number;
  /** Where to look up the references from (an offset inside the citation's titles). */
  offset: number;
  title: string;
}

/** One lens per citation that names a document. */
export function archiveLenses(index: ArchiveIndex, briefId: string): ArchiveLens[] {
  const brief = index.brief(briefId);
  if (!brief) return [];
  return brief.citations.filter((c) => c.documentKey && c.articleValue).map((c) => {
    const n = index.otherBriefCount(c.documentKey!, briefId);
    return { range: c.articleValue!.range, otherBriefs: n, offset: citationAnchor(c)!.range.start.offset, title: n === 0 ? 'cited in no other brief' : `cited in ${n} other brief${n === 1 ? '' : 's'}` };
  });
}

/** A workspace symbol of the archive. */
export interface ArchiveSymbol {
  name: string;
  kind: 'topic' | 'document';
  /** The brief's title (topics) or the number of citing briefs (documents). */
  detail?: string;
  briefId: string;
  range: Range;
}

interface DocumentEntry {
  english?: string;
  chinese?: string;
  citation: ArchiveCitation;
}

const documentSearch = new WeakMap<ArchiveIndex, { generation: number; search: SearchIndex<DocumentEntry> }>();

/** The document search index of an archive, rebuilt when the archive changed since the last query. */
function documentsSearch(index: ArchiveIndex): SearchIndex<DocumentEntry> {
  const cached = documentSearch.get(index);
  if (cached && cached.generation === index.generation) return cached.search;
  const entries = index.documents().map(({ citations }) => {
    const first = citations.find((c) => c.chinese && c.english) ?? citations[0];
    return { english: first.english?.text.trim(), chinese: first.chinese?.text.trim(), citation: first };
  });
  const search = new SearchIndex(entries, (e) => ({ latin: [e.english ?? '', e.citation.documentNumber?.text ?? ''], chinese: [e.chinese ?? ''] }));
  documentSearch.set(index, { generation: index.generation, search });
  return search;
}

/**
 * Workspace symbols matching `query`: topics whose headline holds every word of the query
 * (case-insensitive), and documents found by the completion matcher (English, 中文, pinyin).
 * @param limit at most this many of each kind
 */
export function archiveSymbols(index: ArchiveIndex, query: string, limit = 100): ArchiveSymbol[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const symbols: ArchiveSymbol[] = [];
  for (const topic of index.topics()) {
    if (symbols.length >= limit) break;
    const headline = topic.headline.text.toLowerCase();
    if (words.every((w) => headline.includes(w))) symbols.push({ name: topic.headline.text.trim(), kind: 'topic', detail: index.brief(topic.briefId)?.title, briefId: topic.briefId, range: topic.headline.range });
  }
  const search = documentsSearch(index);
  for (const { value } of search.search(query.trim(), limit)) {
    const anchor = citationAnchor(value.citation);
    if (!anchor) continue;
    const name = value.english && value.chinese ? `${value.english} (${value.chinese})` : value.english ?? value.chinese ?? anchor.text;
    const n = new Set(index.citationsOf(value.citation.documentKey!).map((c) => c.briefId)).size;
    symbols.push({ name, kind: 'document', detail: `cited in ${n} brief${n === 1 ? '' : 's'}`, briefId: value.citation.briefId, range: anchor.range });
  }
  return symbols;
}
