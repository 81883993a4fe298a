import type { Rule } from '../rule';

/** issuing-body.list-format: bodies are separated as the schema says (", ") and none is listed twice. */
export const issuingBodyListFormat: Rule = {
  id: 'issuing-body.list-format',
  description: "Issuing bodies are separated by the schema's separator (\", \" by default), without 'and' and without repeats.",
  defaultSeverity: 'warning',
  tags: ['issuing-body'],
  check({ model, schema, catalogue, report }) {
    const separator = schema.topic.citation.issuingBodySeparator;
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const field = citation.issuingBodies;
        if (!field || field.bodies.length < 1) continue;
        const seen = new Map<string, number>();
        for (const body of field.bodies) {
          const key = catalogue.lookupBody(body.text)?.body.id ?? body.text.toUpperCase();
          if (seen.has(key)) {
            const previous = field.bodies[field.bodies.indexOf(body) - 1];
            report({
              start: body.start,
              end: body.end,
              message: `'${body.text}' is listed twice.`,
              fixes: [{ title: `Remove the repeated '${body.text}'`, edits: [{ start: previous.end, end: body.end, newText: '' }], isPreferred: true }],
            });
          } else seen.set(key, body.start);
        }
        for (let i = 1; i < field.bodies.length; i++) {
          const gap = { start: field.bodies[i - 1].end, end: field.bodies[i].start };
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
