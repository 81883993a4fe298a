import type { Rule } from '../rule';

/** structure.topic-count: fewer or more topics than the schema allows. */
export const topicCount: Rule = {
  id: 'structure.topic-count',
  description: 'The number of topics is within the limits of the issue schema.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  scope: 'document',
  check({ model, schema, report }) {
    const { min, max } = schema.issue.topics;
    const count = model.topics.length;
    if (count < min) {
      const at = model.title?.heading ?? { start: 0, end: 0 };
      report({ start: at.start, end: at.end, message: `The issue has ${count} topic(s); the schema '${schema.name}' expects at least ${min}.` });
    } else if (max !== undefined && count > max) {
      const extra = model.topics[max];
      report({ start: extra.heading.start, end: extra.heading.end, message: `The issue has ${count} topics; the schema '${schema.name}' allows at most ${max}. This is topic ${max + 1}.` });
    }
  },
};
