import type { Rule } from '../rule';
import { forEachBody } from './forEachBody';
import { isoDay } from '../../catalogue/dates';

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
      const others = (state === 'after' ? body.successors : body.predecessors) ?? [];
      const names = others.map((id) => catalogue.bodyById(id)).filter((b) => b !== undefined).map((b) => catalogue.canonicalName(b));
      const when = state === 'after' ? `existed until ${body.valid_until}` : `was set up in ${body.valid_from}`;
      report({
        start: name.start,
        end: name.end,
        message: `${body.name_en} (${name.text}) ${when}; the document is dated ${isoDay(day)}.${names.length ? ` ${state === 'after' ? 'Successor' : 'Predecessor'}: ${names.join(', ')}.` : ''}`,
        fixes: names.map((n) => ({ title: `Replace with '${n}'`, edits: [{ start: name.start, end: name.end, newText: n }] })),
        data: { bodyId: body.id },
      });
    });
  },
};
