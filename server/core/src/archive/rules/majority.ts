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

/** The compared value of a citation (undefined: the citation does not give one). */
export type KeyOf = (c: ArchiveCitation) => string | undefined;

/** One value of a document's citations: the briefs giving it and its citations, in index order. */
interface Tally {
  briefs: Set<string>;
  citations: ArchiveCitation[];
  /** The position of each of `citations` in the document's list. */
  positions: number[];
}

/** A value computed from one of the archive index's lists, with the length it was computed at. */
export type ListMemo<T, V> = WeakMap<readonly T[], { length: number; value: V }>;

/**
 * `compute()` for `list`, remembered while the list keeps its length. The index only ever appends
 * to a list it keeps (a removal makes a new list: `archiveIndex.ts`), so list and length identify
 * its content: every brief of an archive asks about the same lists, and each is counted once, not
 * once per brief (500 briefs citing one document: 500 counts instead of 250,000).
 */
export function perList<T, V>(memo: ListMemo<T, V>, list: readonly T[], compute: () => V): V {
  let cached = memo.get(list);
  if (!cached || cached.length !== list.length) memo.set(list, (cached = { length: list.length, value: compute() }));
  return cached.value;
}

/** The tallies of one citation list, per `keyOf` (`perList`). */
const tallyCache: ListMemo<ArchiveCitation, Map<KeyOf, Map<string, Tally>>> = new WeakMap();

function tallies(citations: readonly ArchiveCitation[], keyOf: KeyOf): Map<string, Tally> {
  const byKeyOf = perList(tallyCache, citations, () => new Map<KeyOf, Map<string, Tally>>());
  let byKey = byKeyOf.get(keyOf);
  if (!byKey) {
    byKey = new Map();
    citations.forEach((citation, position) => {
      const key = keyOf(citation);
      if (key === undefined) return;
      let tally = byKey!.get(key);
      if (!tally) byKey!.set(key, (tally = { briefs: new Set(), citations: [], positions: [] }));
      tally.briefs.add(citation.briefId);
      tally.citations.push(citation);
      tally.positions.push(position);
    });
    byKeyOf.set(keyOf, byKey);
  }
  return byKey;
}

/**
 * @param citations every citation of the document in the archive
 * @param keyOf the compared value of a citation (undefined: the citation does not give one);
 *   pass the same function for every brief (a module-level one) so that the counts are shared
 * @returns the other value to report — the one most other briefs give, the earliest in index order
 *   on a tie — or undefined when this brief agrees or outnumbers the others
 */
export function disagreement(citations: readonly ArchiveCitation[], briefId: string, mine: string, keyOf: KeyOf): Disagreement | undefined {
  const byKey = tallies(citations, keyOf);
  const own = byKey.get(mine)?.briefs.size ?? 1;
  let best: { key: string; tally: Tally; briefs: number; first: number } | undefined;
  for (const [key, tally] of byKey) {
    if (key === mine) continue;
    const briefs = tally.briefs.size - (tally.briefs.has(briefId) ? 1 : 0);
    if (!briefs) continue;
    // Ties go to the value whose first citation in another brief comes first.
    const first = tally.positions[tally.citations.findIndex((c) => c.briefId !== briefId)];
    if (!best || briefs > best.briefs || (briefs === best.briefs && first < best.first)) best = { key, tally, briefs, first };
  }
  if (!best || best.briefs < own) return undefined;
  return { key: best.key, citations: best.tally.citations.filter((c) => c.briefId !== briefId), briefs: best.briefs };
}

/** "1 other brief" / "3 other briefs". */
export function otherBriefs(count: number): string {
  return `${count} other brief${count === 1 ? '' : 's'}`;
}

/**
 * The verb that agrees with `otherBriefs(count)`: "1 other brief gives" / "3 other briefs give",
 * "…, which uses" / "…, which use".
 * @param singular the third-person singular form ("gives"); @param plural the plural form ("give")
 */
export function verbFor(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

/** At most this many related locations per finding. */
export const MAX_RELATED = 20;
