/**
 * The archive index: every brief of a team's archive, with its citations and topics, looked up
 * by cited document (normalised Chinese title, else document number, else English title), by
 * issuing body and by topic headline. Updating one brief replaces only that brief's entries.
 * Pure: briefs come in as `ArchiveBrief`s (see `indexBrief`).
 */
import type { ArchiveBrief, ArchiveCitation, ArchiveTopic } from './types';

/** A cited document and every citation of it across the archive. */
export interface ArchiveDocument {
  key: string;
  citations: readonly ArchiveCitation[];
}

/**
 * Appends to the list of `key`. The lists are only ever appended to in place; anything else makes
 * a new list (`removeFrom`): the archive rules count each list once while it keeps its identity
 * and length (`archive/rules/majority.ts`, `duplicateHeadline.ts`), so keep it that way.
 */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Removes values from the list of `key` by replacing the list with a new one (never in place: see `addTo`). */
function removeFrom<K, V>(map: Map<K, V[]>, key: K, predicate: (value: V) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((v) => !predicate(v));
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

/** An index of briefs; ids are URIs (server) or paths (CLI). */
export class ArchiveIndex {
  private readonly briefs = new Map<string, ArchiveBrief>();
  private readonly byDocument = new Map<string, ArchiveCitation[]>();
  private readonly byBody = new Map<string, ArchiveCitation[]>();
  private readonly byHeadline = new Map<string, ArchiveTopic[]>();
  private generationValue = 0;

  /** Increases with every change: callers key their caches on it. */
  get generation(): number {
    return this.generationValue;
  }

  /** Number of briefs indexed. */
  get size(): number {
    return this.briefs.size;
  }

  /** Adds or replaces one brief (only its entries change). */
  set(brief: ArchiveBrief): void {
    this.remove(brief.id);
    this.briefs.set(brief.id, brief);
    for (const citation of brief.citations) {
      if (citation.documentKey) addTo(this.byDocument, citation.documentKey, citation);
      for (const key of citation.bodyKeys) addTo(this.byBody, key, citation);
    }
    for (const topic of brief.topics) if (topic.headlineKey) addTo(this.byHeadline, topic.headlineKey, topic);
    this.generationValue++;
  }

  /** Removes one brief; returns whether it was indexed. */
  remove(id: string): boolean {
    const old = this.briefs.get(id);
    if (!old) return false;
    this.briefs.delete(id);
    const mine = (value: { briefId: string }) => value.briefId === id;
    for (const citation of old.citations) {
      if (citation.documentKey) removeFrom(this.byDocument, citation.documentKey, mine);
      for (const key of citation.bodyKeys) removeFrom(this.byBody, key, mine);
    }
    for (const topic of old.topics) removeFrom(this.byHeadline, topic.headlineKey, mine);
    this.generationValue++;
    return true;
  }

  /** One brief, if indexed. */
  brief(id: string): ArchiveBrief | undefined {
    return this.briefs.get(id);
  }

  /** Ids of all briefs, in insertion order. */
  ids(): string[] {
    return [...this.briefs.keys()];
  }

  /** Every citation of a document (all briefs), in index order. */
  citationsOf(documentKey: string): readonly ArchiveCitation[] {
    return this.byDocument.get(documentKey) ?? [];
  }

  /** Every citation naming an issuing body (by body key: catalogue id or upper-cased name). */
  citationsByBody(bodyKey: string): readonly ArchiveCitation[] {
    return this.byBody.get(bodyKey) ?? [];
  }

  /** Topics with this normalised headline (see `headlineKey`). */
  topicsByHeadline(key: string): readonly ArchiveTopic[] {
    return this.byHeadline.get(key) ?? [];
  }

  /** Every cited document, sorted by key. */
  documents(): ArchiveDocument[] {
    return [...this.byDocument.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, citations]) => ({ key, citations }));
  }

  /** Every topic of every brief. */
  topics(): ArchiveTopic[] {
    return [...this.briefs.values()].flatMap((b) => b.topics);
  }

  /** Number of distinct briefs, other than `exceptBrief`, that cite the document. */
  otherBriefCount(documentKey: string, exceptBrief: string): number {
    return new Set(this.citationsOf(documentKey).filter((c) => c.briefId !== exceptBrief).map((c) => c.briefId)).size;
  }
}
