import type { Rule } from '../rule';

/** structure.label-format: a part or citation label uses an alias instead of the schema's label, or a part label lacks its colon. */
export const labelFormat: Rule = {
  id: 'structure.label-format',
  description: "Part and citation labels use the schema's canonical wording.",
  defaultSeverity: 'information',
  tags: ['structure'],
  check({ model, schema, report }) {
    const canonical = new Map<string, string>();
    for (const part of schema.topic.parts) if (part.label !== undefined) canonical.set(part.id, part.label);
    for (const field of schema.topic.citation.fields) canonical.set(field.id, field.label);
    const checkLabel = (id: string, name: { start: number; end: number; text: string }) => {
      const wanted = canonical.get(id);
      if (!wanted || name.text.replace(/\s+/g, ' ') === wanted) return;
      report({
        start: name.start,
        end: name.end,
        message: `Label '${name.text}' is not the schema's wording '${wanted}'.`,
        fixes: [{ title: `Write '${wanted}'`, edits: [{ start: name.start, end: name.end, newText: wanted }], isPreferred: true }],
      });
    };
    for (const topic of model.topics) {
      for (const part of topic.parts) {
        if (!part.label) continue;
        checkLabel(part.partId, part.label.name);
        // `**MERICS comment** The plan …`: a bold label without its colon.
        if (!part.label.colon) {
          const name = part.label.name;
          report({
            start: name.start,
            end: name.end,
            message: `Label '${name.text}' has no colon: write '${name.text}:'.`,
            fixes: [{ title: `Add ':' after '${name.text}'`, edits: [{ start: name.end, end: name.end, newText: ':' }], isPreferred: true }],
          });
        }
      }
      for (const citation of topic.citations) for (const field of citation.fields) if (!field.captured) checkLabel(field.fieldId, field.label.name);
    }
  },
};
