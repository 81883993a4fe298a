import type { Rule } from '../rule';

/** structure.duplicate-part: a part occurs twice in one topic. */
export const duplicatePart: Rule = {
  id: 'structure.duplicate-part',
  description: 'Each part occurs at most once per topic.',
  defaultSeverity: 'error',
  tags: ['structure'],
  check({ model, report }) {
    for (const topic of model.topics) {
      const seen = new Map<string, number>();
      for (const part of topic.parts) {
        const first = seen.get(part.partId);
        if (first !== undefined) {
          report({
            start: part.anchor.start,
            end: part.anchor.end,
            message: `Topic ${topic.index + 1} has a second '${(part.label?.name.text ?? part.partId)}' part.`,
            related: [{ message: 'First occurrence', start: first, end: first }],
          });
        } else seen.set(part.partId, part.anchor.start);
      }
    }
  },
};
