/**
 * Shared by the archive rules: which value the other briefs give for a document, and whether it
 * outnumbers this brief's value.
 */
import type { ArchiveCitation } from '../types';

/** The value most briefs other than `briefId` give, when it differs from `mine` and is used by at least as many briefs as `mine`. */
export interface Disagreement {
  /** The other value's key. */
  key: string;
  /** Citations in other briefs giving it, in index order. */
  citations: ArchiveCitation[];
  /** Number of distinct other briefs giving it. */
  briefs: number;
}

/**
 * @param citations every citation of the document in the archive
 * @param keyOf the compared value of a citation (undefined: the citation does not give one)
 * @returns the other value to report, or undefined when this brief agrees or outnumbers the others
 */
export function disagreement(citations: readonly ArchiveCitation[], briefId: string, mine: string, keyOf: (c: ArchiveCitation) => string | undefined): Disagreement | undefined {
  const briefsByKey = new Map<string, Set<string>>();
  const citationsByKey = new Map<string, ArchiveCitation[]>();
  for (const citation of citations) {
    const key = keyOf(citation);
    if (key === undefined) continue;
    if (!briefsByKey.has(key)) briefsByKey.set(key, new Set());
    briefsByKey.get(key)!.add(citation.briefId);
    if (citation.briefId !== briefId) {
      if (!citationsByKey.has(key)) citationsByKey.set(key, []);
      citationsByKey.get(key)!.push(citation);
    }
  }
  const own = briefsByKey.get(mine)?.size ?? 1;
  let best: Disagreement | undefined;
  for (const [key, list] of citationsByKey) {
    if (key === mine) continue;
    const briefs = new Set(list.map((c) => c.briefId)).size;
    if (!best || briefs > best.briefs) best = { key, citations: list, briefs };
  }
  return best && best.briefs >= own ? best : undefined;
}

/** "1 other brief" / "3 other briefs". */
export function otherBriefs(count: number): string {
  return `${count} other brief${count === 1 ? '' : 's'}`;
}

/** At most this many related locations per finding. */
export const MAX_RELATED = 20;
