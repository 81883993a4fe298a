import type { Rule } from '../rule';

/**
 * structure.heading-metadata: where the issue schema says every topic heading carries metadata
 * (`topic.heading.required` with a `topic.heading.pattern`), a heading the pattern does not match
 * is reported: its issuing bodies and date would otherwise go unread and unchecked without notice.
 */
export const headingMetadata: Rule = {
  id: 'structure.heading-metadata',
  description: "A topic heading has the metadata (issuing bodies, date) the schema's heading pattern reads, where the schema requires it.",
  defaultSeverity: 'warning',
  tags: ['structure'],
  check({ model, schema, report }) {
    const heading = schema.topic.heading;
    if (!heading?.required) return;
    for (const topic of model.topics) {
      // `headingMatched` is absent when the schema has no (valid) pattern: nothing to require then.
      if (topic.headingMatched !== false) continue;
      const form = heading.form ? `the form '${heading.form}'` : "the form of the schema's topic.heading.pattern";
      report({ start: topic.headline.start, end: topic.headline.end, message: `Topic ${topic.index + 1}'s heading does not have ${form}: its issuing bodies and date are not read.` });
    }
  },
};
