import type { Rule } from '../rule';

/** structure.part-order: parts appear in the schema's order; citations come last. */
export const partOrder: Rule = {
  id: 'structure.part-order',
  description: 'The parts of a topic appear in the order the issue schema gives, citations last.',
  defaultSeverity: 'error',
  tags: ['structure'],
  check({ model, schema, report }) {
    const rank = new Map(schema.topic.parts.map((p, i) => [p.id, i]));
    for (const topic of model.topics) {
      let highest = -1;
      let highestLabel = '';
      for (const part of topic.parts) {
        const r = rank.get(part.partId) ?? -1;
        if (r < highest) {
          report({ start: part.anchor.start, end: part.anchor.end, message: `'${part.label?.name.text ?? part.partId}' comes after '${highestLabel}'; the schema puts it before.` });
        } else {
          highest = r;
          highestLabel = part.label?.name.text ?? part.partId;
        }
      }
      const firstCitation = topic.citations[0];
      const position = schema.topic.citation.position ?? 'end';
      if (firstCitation && position === 'start') {
        for (const part of topic.parts.filter((p) => p.start < firstCitation.start)) {
          report({ start: part.anchor.start, end: part.anchor.end, message: `'${part.label?.name.text ?? part.partId}' comes before the citation; the schema puts the citation at the top of the topic.` });
        }
      }
      const afterCitation = new Set(schema.topic.parts.filter((p) => p.after === 'citation').map((p) => p.id));
      const lateParts = firstCitation && position === 'end' ? topic.parts.filter((p) => p.start > firstCitation.start && !afterCitation.has(p.partId)) : [];
      for (const part of lateParts) {
        report({ start: part.anchor.start, end: part.anchor.end, message: `'${part.label?.name.text ?? part.partId}' comes after the citation; citations end the topic.` });
      }
    }
  },
};
