import type { Rule } from '../rule';
import { forEachBody } from './forEachBody';
import { isoDay, type Day } from '../../catalogue/dates';
import type { Catalogue } from '../../catalogue/catalogue';
import type { IssuingBody } from '../../catalogue/types';
import { englishKey } from '../../catalogue/normalize';

/**
 * The bodies that existed on `day` along the predecessor (`before`) or successor (`after`) chain
 * of `body`: NRTA in 2010 → SAPPRFT (2013–2018, not yet) → SARFT, GAPP. Breadth-first; each
 * body once; bodies without dates count as existing.
 */
export function chainOn(catalogue: Catalogue, body: IssuingBody, day: Day, direction: 'before' | 'after'): IssuingBody[] {
  const found: IssuingBody[] = [];
  const seen = new Set([body.id]);
  let frontier = [body];
  while (frontier.length) {
    const next: IssuingBody[] = [];
    for (const current of frontier) {
      for (const id of (direction === 'before' ? current.predecessors : current.successors) ?? []) {
        const other = catalogue.bodyById(id);
        if (!other || seen.has(id)) continue;
        seen.add(id);
        const state = catalogue.validityOn(other, day);
        if (state === 'valid') found.push(other);
        else if (state === direction) next.push(other);
      }
    }
    frontier = next;
  }
  return found;
}

/** issuing-body.not-in-existence: the body did not exist on the cited date (CBIRC after May 2023, MEP after 2018). */
export const bodyNotInExistence: Rule = {
  id: 'issuing-body.not-in-existence',
  description: 'Each issuing body existed on the cited date (e.g. no CBIRC after its 2023 replacement, no MEP after 2018).',
  defaultSeverity: 'error',
  tags: ['issuing-body', 'catalogue'],
  check(context) {
    const { catalogue, report } = context;
    forEachBody(context, (name, citation) => {
      const day = context.citationDay(citation);
      // An ambiguous abbreviation (MOC) names no single body, so its dates say nothing.
      if (catalogue.ambiguous.has(name.text.toUpperCase()) && !catalogue.bodyById(name.text)) return;
      const found = catalogue.lookupBody(name.text);
      if (day === undefined || !found) return;
      const state = catalogue.validityOn(found.body, day);
      if (state === 'valid') return;
      const body = found.body;
      const then = chainOn(catalogue, body, day, state).map((b) => catalogue.canonicalName(b));
      // A full name is written once: "China Banking Regulatory Commission no longer existed …".
      const writtenInFull = englishKey(name.text) === englishKey(body.name_en) || found.matchedBy === 'chinese-name';
      const who = writtenInFull ? name.text : `${body.name_en} (${name.text})`;
      const when = state === 'after'
        ? `no longer existed on ${isoDay(day)}, the date of the document (it existed until ${body.valid_until})`
        : `did not exist yet on ${isoDay(day)}, the date of the document (it was set up in ${body.valid_from})`;
      const instead = then.length ? ` ${state === 'after' ? 'Its successor on that date' : 'The body that existed on that date'}: ${then.join(', ')}.` : '';
      report({
        start: name.start,
        end: name.end,
        message: `${who} ${when}.${instead}`,
        fixes: then.map((n) => ({ title: `Replace with '${n}'`, edits: [{ start: name.start, end: name.end, newText: n }] })),
        data: { bodyId: body.id },
      });
    });
  },
};
