import type { Rule } from '../rule';
import { issuingBodyNames } from '../../catalogue/bodyTokens';
import { datedCitations } from '../helpers';

/** issuing-body.list-format: bodies are separated as the schema says (", ") and none is listed twice. */
export const issuingBodyListFormat: Rule = {
  id: 'issuing-body.list-format',
  description: "Issuing bodies are separated by the schema's separator (\", \" by default), without 'and' and without repeats.",
  defaultSeverity: 'warning',
  tags: ['issuing-body'],
  check({ model, schema, catalogue, report, citationDay }) {
    const separator = schema.topic.citation.issuingBodySeparator;
    for (const topic of model.topics) {
      for (const citation of datedCitations(topic)) {
        const bodies = issuingBodyNames(citation, catalogue, model.text);
        if (bodies.length < 1) continue;
        const day = citationDay(citation);
        const seen = new Map<string, number>();
        // Indexes of repeated bodies: their removal deletes the separator before them too.
        const repeats = new Set<number>();
        // Indexed loop: `bodies.indexOf(body)` per repeat made a long list quadratic.
        for (let index = 0; index < bodies.length; index++) {
          const body = bodies[index];
          // An ambiguous abbreviation (MOC in 2006) is no repeat of one of its bodies (MOFCOM).
          const key = catalogue.lookupBodyOn(body.text, day)?.body.id ?? body.text.toUpperCase();
          if (seen.has(key)) {
            repeats.add(index);
            const previous = bodies[index - 1];
            report({
              start: body.start,
              end: body.end,
              message: `'${body.text}' is listed twice.`,
              fixes: [{ title: `Remove the repeated '${body.text}'`, edits: [{ start: previous.end, end: body.end, newText: '' }], isPreferred: true }],
            });
          } else seen.set(key, body.start);
        }
        for (let i = 1; i < bodies.length; i++) {
          if (repeats.has(i)) continue;
          const gap = { start: bodies[i - 1].end, end: bodies[i].start };
          const written = model.text.slice(gap.start, gap.end);
          if (written === separator) continue;
          report({
            start: gap.start,
            end: gap.end,
            message: `Separate issuing bodies with '${separator}' (found '${written}').`,
            fixes: [{ title: `Use '${separator}'`, edits: [{ start: gap.start, end: gap.end, newText: separator }], isPreferred: true }],
          });
        }
      }
    }
  },
};
