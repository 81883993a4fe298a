import type { Rule } from '../rule';

/** citation.missing: a topic cites fewer documents than the schema requires. */
export const missingCitation: Rule = {
  id: 'citation.missing',
  description: 'Each topic ends with a citation of its source document (Article, Issuing bodies, Date).',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, schema, report }) {
    const { required, min } = schema.topic.citation;
    if (!required) return;
    for (const topic of model.topics) {
      if (topic.citations.length >= Math.max(1, min)) continue;
      const lines = schema.topic.citation.lines ?? [];
      const labels = schema.topic.citation.fields.filter((f) => f.required).map((f) => `${f.label}:`).join(' / ');
      // A schema with citation lines by pattern names them (their ids, else their patterns).
      const what = lines.length ? `its citation lines (${lines.map((l) => l.id ?? l.pattern).join(', ')})` : `a citation block (${labels})`;
      report({ start: topic.headline.start, end: topic.headline.end, message: `Topic ${topic.index + 1} cites no source document: add ${what}.` });
    }
  },
};
