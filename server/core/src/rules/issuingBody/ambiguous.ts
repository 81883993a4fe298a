import type { Rule } from '../rule';
import { forEachBody } from './forEachBody';

/**
 * issuing-body.ambiguous: an abbreviation names several bodies (MOC, SPC, CFA …) that existed on
 * the cited date (MOC in 2020 is only MOFCOM: see `Catalogue.ambiguousCandidates`).
 */
export const ambiguousIssuingBody: Rule = {
  id: 'issuing-body.ambiguous',
  description: 'An abbreviation that several bodies use (MOC, SPC, CFA …) is replaced by the exact id.',
  defaultSeverity: 'warning',
  tags: ['issuing-body', 'catalogue'],
  check(context) {
    const { catalogue, report } = context;
    forEachBody(context, (body, citation) => {
      // The exact id of one of the bodies (NFRA, SPC) names that body: ids are unique. One body
      // that existed on the cited date is the one meant (issuing-body.non-canonical then asks for its name).
      const ids = catalogue.ambiguousCandidates(body.text, context.citationDay(citation));
      if (!ids || ids.length === 1) return;
      const bodies = ids.map((id) => catalogue.bodyById(id)).filter((b) => b !== undefined);
      report({
        start: body.start,
        end: body.end,
        message: `'${body.text}' is ambiguous: ${bodies.map((b) => `${b.id} (${b.name_en})`).join(', ')}.`,
        fixes: bodies.map((b) => ({ title: `Replace with '${b.id}' (${b.name_en})`, edits: [{ start: body.start, end: body.end, newText: b.id }] })),
      });
    });
  },
};
