import { distance } from 'fastest-levenshtein';
import type { Rule } from '../rule';
import type { Catalogue } from '../../catalogue/catalogue';
import { forEachBody } from './forEachBody';

/**
 * The catalogue names nearest to `name` (edit distance on ids and abbreviations, case-insensitive),
 * at most `limit`, closest first; only names within a third of the length.
 */
export function nearestBodies(catalogue: Catalogue, name: string, limit = 3): { name: string; distance: number }[] {
  const wanted = name.toUpperCase();
  const scored = new Map<string, { distance: number; current: boolean }>();
  for (const body of catalogue.bodies) {
    for (const candidate of [body.id, ...(body.abbreviations ?? [])]) {
      const d = distance(wanted, candidate.toUpperCase());
      const canonical = catalogue.canonicalName(body);
      if (d <= Math.max(1, Math.floor(wanted.length / 3)) && (scored.get(canonical)?.distance ?? Infinity) > d) scored.set(canonical, { distance: d, current: body.status !== 'retired' });
    }
  }
  // Closest first; among equally close names, bodies that still exist before retired ones.
  return [...scored]
    .sort(([an, a], [bn, b]) => a.distance - b.distance || Number(b.current) - Number(a.current) || an.localeCompare(bn))
    .slice(0, limit)
    .map(([name, { distance: d }]) => ({ name, distance: d }));
}

/** issuing-body.unknown: a name in `Issuing bodies:` is not in the catalogue. */
export const unknownIssuingBody: Rule = {
  id: 'issuing-body.unknown',
  description: 'Each issuing body is known to the catalogue (unknown names get the nearest suggestions).',
  defaultSeverity: 'warning',
  tags: ['issuing-body', 'catalogue'],
  check(context) {
    const { catalogue, report } = context;
    forEachBody(context, (body) => {
      if (catalogue.lookupBody(body.text) || catalogue.ambiguous.has(body.text.toUpperCase())) return;
      // Provincial and municipal governments and their departments are local issuers, not unknown.
      if (catalogue.localIssuer(body.text)) return;
      const suggestions = nearestBodies(catalogue, body.text);
      const single = suggestions.length === 1 || (suggestions.length > 1 && suggestions[0].distance < suggestions[1].distance);
      report({
        start: body.start,
        end: body.end,
        message: `Unknown issuing body '${body.text}'.${suggestions.length ? ` Did you mean ${suggestions.map((s) => s.name).join(', ')}?` : ''} Add it to the team catalogue if it is right.`,
        fixes: suggestions.map((s, i) => ({ title: `Replace with '${s.name}'`, edits: [{ start: body.start, end: body.end, newText: s.name }], isPreferred: i === 0 && single && s.distance === 1 ? true : undefined })),
        data: { unknownBody: body.text },
      });
    });
  },
};
