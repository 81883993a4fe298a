import type { Rule } from '../rule';

/** citation.missing-field: a citation block lacks a required line, or has its lines out of order. */
export const missingField: Rule = {
  id: 'citation.missing-field',
  description: 'Each citation has every required line (Article, Issuing bodies, Date), in order.',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, schema, report }) {
    const fields = schema.topic.citation.fields;
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        for (const field of fields) {
          const present = citation.fields.find((f) => f.fieldId === field.id);
          if (!present && field.required) {
            const anchor = citation.fields[0].line;
            report({ start: anchor.start, end: anchor.end, message: `This citation has no '${field.label}:' line.`, data: { fieldId: field.id } });
          } else if (present && !present.value.text) {
            report({ start: present.label.whole.start, end: present.label.whole.end, message: `'${field.label}:' is empty.`, data: { fieldId: field.id } });
          }
        }
        const order = citation.fields.map((f) => fields.findIndex((s) => s.id === f.fieldId));
        order.forEach((rank, i) => {
          if (i > 0 && rank < order[i - 1]) {
            const line = citation.fields[i].label.whole;
            report({ start: line.start, end: line.end, message: `'${citation.fields[i].label.name.text}:' should come before '${citation.fields[i - 1].label.name.text}:'.` });
          }
        });
      }
    }
  },
};
