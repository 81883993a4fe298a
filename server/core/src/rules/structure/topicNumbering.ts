import type { Rule } from '../rule';

/** structure.topic-numbering: topic headings are numbered 1, 2, 3 … in order. */
export const topicNumbering: Rule = {
  id: 'structure.topic-numbering',
  description: 'Topic headings are numbered consecutively from 1.',
  defaultSeverity: 'error',
  tags: ['structure'],
  scope: 'document',
  check({ model, schema, report }) {
    if (!schema.issue.topics.numbered) return;
    model.topics.forEach((topic, index) => {
      const expected = index + 1;
      if (topic.number === expected) return;
      if (topic.number === undefined || !topic.numberSpan) {
        report({
          start: topic.headline.start,
          end: topic.headline.end,
          message: `Topic heading has no number; expected '${expected}. ' before the headline.`,
          fixes: [{ title: `Number the topic ${expected}`, edits: [{ start: topic.headline.start, end: topic.headline.start, newText: `${expected}. ` }], isPreferred: true }],
        });
        return;
      }
      report({
        start: topic.numberSpan.start,
        end: topic.numberSpan.end,
        message: `Topic ${index + 1} is numbered ${topic.number}; expected ${expected}.`,
        fixes: [{ title: `Renumber to ${expected}`, edits: [{ start: topic.numberSpan.start, end: topic.numberSpan.end, newText: String(expected) }], isPreferred: true }],
      });
    });
  },
};
