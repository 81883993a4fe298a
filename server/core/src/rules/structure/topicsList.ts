import type { Rule } from '../rule';
import { normalizeHeadline } from '../helpers';

/**
 * structure.topics-list: the intro's topics list names the topics one-to-one, in order, word for
 * word (count, order, wording).
 */
export const topicsList: Rule = {
  id: 'structure.topics-list',
  description: 'The topics list in the intro matches the topic headlines (count, order, wording).',
  defaultSeverity: 'warning',
  tags: ['structure'],
  scope: 'document',
  check({ model, schema, report }) {
    const list = model.topicsList;
    if (!list) {
      if (schema.issue.topicsList.required) {
        const at = model.title?.heading ?? { start: 0, end: 0 };
        report({ start: at.start, end: at.end, message: 'The intro has no topics list; the schema expects a numbered list of the topic headlines.' });
      }
      return;
    }
    if (!schema.issue.topicsList.matchHeadlines) return;
    const topics = model.topics;
    const keyOf = (text: string) => normalizeHeadline(text);
    list.entries.forEach((entry, index) => {
      const topic = topics[index];
      if (!topic) {
        report({ start: entry.headline.start, end: entry.headline.end, message: `The topics list names '${entry.headline.text}', but the issue has no topic ${index + 1}.` });
        return;
      }
      if (keyOf(entry.headline.text) === keyOf(topic.headline.text)) return;
      const elsewhere = topics.findIndex((t) => keyOf(t.headline.text) === keyOf(entry.headline.text));
      const related = [{ message: `Headline of topic ${index + 1}`, start: topic.headline.start, end: topic.headline.end }];
      if (elsewhere >= 0) {
        report({ start: entry.headline.start, end: entry.headline.end, message: `The topics list names '${entry.headline.text}' in position ${index + 1}, but it is topic ${elsewhere + 1}.`, related });
        return;
      }
      report({
        start: entry.headline.start,
        end: entry.headline.end,
        message: `The topics list says '${entry.headline.text}' but topic ${index + 1} is headed '${topic.headline.text}'.`,
        related,
        fixes: [{ title: 'Use the topic headline in the list', edits: [{ start: entry.headline.start, end: entry.headline.end, newText: topic.headline.text }], isPreferred: true }],
      });
    });
    for (const topic of topics.slice(list.entries.length)) {
      report({
        start: topic.headline.start,
        end: topic.headline.end,
        message: `Topic ${topic.index + 1} '${topic.headline.text}' is missing from the topics list in the intro.`,
        related: [{ message: 'Topics list', start: list.start, end: list.end }],
      });
    }
  },
};
