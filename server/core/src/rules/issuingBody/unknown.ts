import type { Rule } from '../rule';
import type { Catalogue } from '../../catalogue/catalogue';
import type { IssuingBody } from '../../catalogue/types';
import { englishKey } from '../../catalogue/normalize';
import { forEachBody } from './forEachBody';
import { editDistance } from '../../text/nearest';

/** A catalogue body near a name, by edit distance. */
export interface NearBody {
  /** The canonical name to write (abbreviation, else id). */
  name: string;
  /** Damerau–Levenshtein distance (a swap of two adjacent letters counts 1) to the closest form. */
  distance: number;
}

/** True for a team catalogue entry added from a brief and not completed yet (`source: [TODO]`). */
export function isStubEntry(body: IssuingBody): boolean {
  return body.source.some((s) => /^TODO\b/i.test(s));
}

/**
 * The catalogue bodies nearest to `name`, closest first, at most `limit`: Damerau–Levenshtein
 * distance (transpositions count 1: NDCR → NDRC) against ids and abbreviations (case-insensitive,
 * within a third of the length) and against English names, aliases and Chinese names (within a
 * fifth of the length). Among equally close bodies, those that still exist come first.
 * Unfinished team entries (`isStubEntry`) are never suggested.
 */
export function nearestBodies(catalogue: Catalogue, name: string, limit = 3): NearBody[] {
  const scored = new Map<string, { distance: number; current: boolean }>();
  const consider = (body: IssuingBody, wanted: string, form: string, allowed: number) => {
    if (!form || Math.abs(form.length - wanted.length) > allowed) return;
    const d = editDistance(wanted, form);
    const canonical = catalogue.canonicalName(body);
    if (d > allowed || (scored.get(canonical)?.distance ?? Infinity) <= d) return;
    scored.set(canonical, { distance: d, current: body.status !== 'retired' });
  };
  const upper = name.trim().toUpperCase();
  const english = englishKey(name);
  const short = Math.max(1, Math.floor(upper.length / 3));
  const long = Math.max(1, Math.floor(upper.length / 5));
  for (const body of catalogue.bodies) {
    if (isStubEntry(body)) continue;
    for (const form of [body.id, ...(body.abbreviations ?? [])]) consider(body, upper, form.toUpperCase(), short);
    if (upper.length > 6) {
      for (const form of [body.name_en, ...(body.aliases ?? [])]) consider(body, english, englishKey(form), long);
      for (const form of [body.name_zh, body.name_zh_full ?? '', ...(body.name_zh_short ?? [])]) consider(body, name.trim(), form, long);
    } else if (/\p{Script=Han}/u.test(name)) {
      for (const form of [body.name_zh, ...(body.name_zh_short ?? [])]) consider(body, name.trim(), form, 1);
    }
  }
  return [...scored]
    .sort(([an, a], [bn, b]) => a.distance - b.distance || Number(b.current) - Number(a.current) || an.localeCompare(bn))
    .slice(0, limit)
    .map(([canonical, { distance }]) => ({ name: canonical, distance }));
}

/**
 * issuing-body.unknown: a name in `Issuing bodies:` is not in the catalogue, or is only in it as
 * an unfinished team entry while it looks like a typo of a known body (so adding a typo to the
 * team catalogue does not hide it).
 */
export const unknownIssuingBody: Rule = {
  id: 'issuing-body.unknown',
  description: 'Each issuing body is known to the catalogue (unknown names get the nearest suggestions).',
  defaultSeverity: 'warning',
  tags: ['issuing-body', 'catalogue'],
  check(context) {
    const { catalogue, report } = context;
    forEachBody(context, (body) => {
      if (catalogue.ambiguous.has(body.text.toUpperCase())) return;
      const found = catalogue.lookupBody(body.text);
      if (found && !isStubEntry(found.body)) return;
      // Provincial and municipal governments and their departments are local issuers, not unknown.
      if (!found && catalogue.localIssuer(body.text)) return;
      const suggestions = nearestBodies(catalogue, body.text).filter((s) => s.name !== body.text);
      // A stub entry hides nothing only while the name looks like a typo (one edit from a body).
      if (found && !suggestions.some((s) => s.distance === 1)) return;
      const single = suggestions.length === 1 || (suggestions.length > 1 && suggestions[0].distance < suggestions[1].distance);
      const guess = suggestions.length ? ` Did you mean ${suggestions.map((s) => s.name).join(', ')}?` : '';
      report({
        start: body.start,
        end: body.end,
        message: found
          ? `'${body.text}' is only an unfinished entry of the team catalogue and looks like a typo.${guess}`
          : `Unknown issuing body '${body.text}'.${guess} Add it to the team catalogue if it is right.`,
        fixes: suggestions.map((s, i) => ({ title: `Replace with '${s.name}'`, edits: [{ start: body.start, end: body.end, newText: s.name }], isPreferred: i === 0 && single && s.distance === 1 ? true : undefined })),
        data: found ? undefined : { unknownBody: body.text },
      });
    });
  },
};
