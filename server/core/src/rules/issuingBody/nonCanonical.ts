import type { Rule } from '../rule';
import { forEachBody } from './forEachBody';
import { parsePartialDate } from '../../catalogue/dates';

/** issuing-body.non-canonical: a body is named by an alias, full name or old abbreviation instead of its abbreviation. */
export const nonCanonicalIssuingBody: Rule = {
  id: 'issuing-body.non-canonical',
  description: "Issuing bodies are written with the catalogue's canonical abbreviation (MIIT, not 'Ministry of Industry and Information Technology' or 'miit').",
  defaultSeverity: 'warning',
  tags: ['issuing-body', 'catalogue'],
  check(context) {
    const { catalogue, report } = context;
    forEachBody(context, (body, citation) => {
      // An abbreviation several bodies share is issuing-body.ambiguous's case (no guess here),
      // unless only one of them existed on the cited date (MOC in 2020: MOFCOM).
      const day = context.citationDay(citation);
      const found = catalogue.lookupBodyOn(body.text, day);
      if (!found) return;
      // A body that did not exist on the cited date is issuing-body.not-in-existence's finding,
      // which names the body to write instead; "write 'CBRC'" would point to the wrong one.
      if (day !== undefined && catalogue.validityOn(found.body, day) !== 'valid') return;
      // Before the canonical name came into use (CNIPA: 2018-08-28), the body's other names are
      // those of the time (SIPO in 2015): writing the canonical one would be an anachronism.
      const since = parsePartialDate(found.body.canonical_from);
      if (day !== undefined && since && day < since.first) return;
      const canonical = catalogue.canonicalName(found.body);
      // The id (which disambiguates) and the canonical abbreviation are fine; other
      // abbreviations (old or alternative: SIPO for CNIPA) get the canonical one.
      const acceptable = [found.body.id, canonical];
      if (acceptable.includes(body.text)) return;
      const how = found.matchedBy === 'old-abbreviation' || (found.matchedBy === 'abbreviation' && body.text.toUpperCase() !== canonical.toUpperCase()) ? 'another abbreviation of' : found.matchedBy === 'id' || found.matchedBy === 'abbreviation' ? 'a spelling of' : 'a name of';
      report({
        start: body.start,
        end: body.end,
        message: found.matchedBy === 'english-name' ? `'${body.text}' is written in full; write '${canonical}'.` : `'${body.text}' is ${how} ${found.body.name_en}; write '${canonical}'.`,
        fixes: [{ title: `Replace with '${canonical}'`, edits: [{ start: body.start, end: body.end, newText: canonical }], isPreferred: true }],
        data: { bodyId: found.body.id },
      });
    });
  },
};
