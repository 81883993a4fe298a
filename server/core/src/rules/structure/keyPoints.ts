import type { Rule } from '../rule';

/** structure.key-points: a summary part has its bullet list, with the number of items the schema allows. */
export const keyPoints: Rule = {
  id: 'structure.key-points',
  description: 'Summary parts have a bullet list of key points within the item limits.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  check({ model, schema, report }) {
    for (const topic of model.topics) {
      for (const part of topic.parts) {
        const expected = schema.topic.parts.find((p) => p.id === part.partId)?.keyPoints;
        if (!expected) continue;
        if (!part.lists.length) {
          if (expected.required) report({ start: part.anchor.start, end: part.anchor.end, message: `'${part.label?.name.text ?? part.partId}' has no bullet list of key points.` });
          continue;
        }
        for (const list of part.lists) {
          const first = list[0];
          const last = list[list.length - 1];
          if (expected.min !== undefined && list.length < expected.min) {
            report({ start: first.start, end: last.end, message: `${list.length} key point(s); the schema expects at least ${expected.min}.` });
          }
          if (expected.max !== undefined && list.length > expected.max) {
            report({ start: list[expected.max].start, end: last.end, message: `${list.length} key points; the schema allows at most ${expected.max}.` });
          }
        }
      }
    }
  },
};
