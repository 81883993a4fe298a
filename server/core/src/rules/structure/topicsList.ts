import type { Rule } from '../rule';
import { normalizeHeadline } from '../helpers';
import { alignInOrder } from '../../text/align';

/**
 * structure.topics-list: the intro's topics list names the topics one-to-one, in order, word for
 * word (count, order, wording). The entries are aligned with the headlines in order (`alignInOrder`),
 * so a topic left out of the list is reported itself and the entries after it are not misread.
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
    const entries = list.entries;
    const entryKeys = entries.map((e) => normalizeHeadline(e.headline.text));
    const topicKeys = topics.map((t) => normalizeHeadline(t.headline.text));
    // The entries that name topics in their order; what lies between two of them is compared
    // gap by gap, so a topic left out is named itself, not the topics after it (which only moved up).
    const aligned = alignInOrder(entryKeys, topicKeys);
    const named = new Set(aligned.map(([, j]) => j));
    // An entry naming a topic elsewhere in the order: that topic is listed, only out of place.
    const outOfOrder = new Map<number, number>();
    const inOrder = new Set(aligned.map(([i]) => i));
    entries.forEach((_, i) => {
      if (inOrder.has(i)) return;
      const topic = topicKeys.indexOf(entryKeys[i]);
      if (topic < 0) return;
      outOfOrder.set(i, topic);
      named.add(topic);
    });
    const headlineOf = (j: number) => [{ message: `Headline of topic ${j + 1}`, start: topics[j].headline.start, end: topics[j].headline.end }];
    let fromEntry = 0;
    let fromTopic = 0;
    for (const [toEntry, toTopic] of [...aligned, [entries.length, topics.length]]) {
      // Entries of this gap naming no topic, paired in order with the topics of the gap the list does not name.
      const unnamed: number[] = [];
      for (let j = fromTopic; j < toTopic; j++) if (!named.has(j)) unnamed.push(j);
      for (let i = fromEntry; i < toEntry; i++) {
        const entry = entries[i].headline;
        const elsewhere = outOfOrder.get(i);
        if (elsewhere !== undefined) {
          report({ start: entry.start, end: entry.end, message: `The topics list names '${entry.text}' in position ${i + 1}, but it is topic ${elsewhere + 1}.`, related: headlineOf(elsewhere) });
          continue;
        }
        const topic = unnamed.shift();
        if (topic === undefined) {
          report({ start: entry.start, end: entry.end, message: i >= topics.length ? `The topics list names '${entry.text}', but the issue has no topic ${i + 1}.` : `The topics list names '${entry.text}', but no topic is headed so.` });
          continue;
        }
        const headline = topics[topic].headline;
        report({
          start: entry.start,
          end: entry.end,
          message: `The topics list says '${entry.text}' but topic ${topic + 1} is headed '${headline.text}'.`,
          related: headlineOf(topic),
          fixes: [{ title: 'Use the topic headline in the list', edits: [{ start: entry.start, end: entry.end, newText: headline.text }], isPreferred: true }],
        });
      }
      for (const j of unnamed) {
        const topic = topics[j];
        report({
          start: topic.headline.start,
          end: topic.headline.end,
          message: `Topic ${j + 1} '${topic.headline.text}' is missing from the topics list in the intro.`,
          related: [{ message: 'Topics list', start: list.start, end: list.end }],
        });
      }
      fromEntry = toEntry + 1;
      fromTopic = toTopic + 1;
    }
  },
};
