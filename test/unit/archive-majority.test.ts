/**
 * `disagreement` (the archive rules' majority vote) counts each document's citations once and
 * answers every brief from those counts. It must give what counting afresh for every brief gives
 * (the reference below: the vote as first written), including ties and a brief that cites a
 * document more than once, and must see a list the index has appended to since.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { disagreement, type Disagreement, type KeyOf } from '../../server/core/src/archive/rules/majority';
import type { ArchiveCitation } from '../../server/core/src/archive/types';

/** The vote counted afresh: the value most other briefs give, the first in index order on a tie. */
function reference(citations: readonly ArchiveCitation[], briefId: string, mine: string, keyOf: KeyOf): Disagreement | undefined {
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

const dayOf: KeyOf = (c) => c.day;

function citation(briefId: string, day: string | undefined): ArchiveCitation {
  return { briefId, day, bodies: [], bodyKeys: [], bodiesKnown: true } as unknown as ArchiveCitation;
}

describe('archive majority vote (disagreement)', () => {
  it('gives what counting afresh for every brief gives (fast-check)', () => {
    const list = fc.array(fc.record({ brief: fc.constantFrom('a', 'b', 'c', 'd', 'e'), day: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: undefined }) }), { maxLength: 14 });
    fc.assert(fc.property(list, (entries) => {
      const citations = entries.map((e) => citation(e.brief, e.day));
      for (const c of citations) {
        if (c.day === undefined) continue;
        assert.deepStrictEqual(disagreement(citations, c.briefId, c.day, dayOf), reference(citations, c.briefId, c.day, dayOf));
      }
    }), { seed: 20261206, numRuns: 2000 });
  });

  it('sees citations appended to a list it has counted (as ArchiveIndex.set appends)', () => {
    const citations = [citation('a', 'x'), citation('b', 'y')];
    assert.equal(disagreement(citations, 'a', 'x', dayOf)?.key, 'y');
    citations.push(citation('c', 'x'));
    assert.equal(disagreement(citations, 'a', 'x', dayOf), undefined);
    assert.deepEqual(disagreement(citations, 'b', 'y', dayOf)?.citations.map((c) => c.briefId), ['a', 'c']);
  });
});
