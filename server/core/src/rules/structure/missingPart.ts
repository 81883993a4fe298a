import type { Rule } from '../rule';

/** structure.missing-part: a required part (At a glance, comment …) is absent from a topic. */
export const missingPart: Rule = {
  id: 'structure.missing-part',
  description: 'Each topic has every part the issue schema requires.',
  defaultSeverity: 'error',
  tags: ['structure'],
  check({ model, schema, report }) {
    for (const topic of model.topics) {
      for (const part of schema.topic.parts) {
        if (!part.required || topic.parts.some((p) => p.partId === part.id)) continue;
        report({
          start: topic.headline.start,
          end: topic.headline.end,
          message: part.label === undefined
            ? `Topic ${topic.index + 1} has no '${part.id}' part (the prose the schema expects without a label).`
            : `Topic ${topic.index + 1} has no '${part.label}:' part.`,
          data: { partId: part.id, label: part.label },
        });
      }
    }
  },
};
