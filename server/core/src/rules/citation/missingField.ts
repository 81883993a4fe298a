import type { Rule } from '../rule';
import { firstLine } from '../helpers';
import { trimmedSpan } from '../../model/spans';
import { captureNames } from '../../model/schemaPattern';
import { fieldOfCapture } from '../../model/citationFields';
import type { CitationLineSchema } from '../../schema/types';

/** What a citation field gives, for messages about citation lines read by pattern. */
const FIELD_NOUNS: Record<string, string> = { article: 'title', 'issuing-bodies': 'issuing bodies', date: 'date', 'document-number': 'document number' };

/** The citation fields a schema line gives (`fieldOfCapture`: a `chinese-title` or `link` capture gives the title). */
function fieldsOfLine(line: CitationLineSchema): string[] {
  return captureNames(line.pattern).map((name) => fieldOfCapture(name.replace(/_/g, '-')));
}

/** `a`, `a and b`, `a, b and c`. */
function listed(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** citation.missing-field: a citation block lacks a required line, or has its lines out of order. */
export const missingField: Rule = {
  id: 'citation.missing-field',
  description: 'Each citation has every required line (Article, Issuing bodies, Date), in order.',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, schema, report }) {
    const fields = schema.topic.citation.fields;
    const byPattern = Boolean(schema.topic.citation.lines?.length);
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        // The block's first line; it may give no field (`Policy | Cybersecurity`).
        const first = citation.fields[0]?.line;
        const blockLine = firstLine({ start: citation.start, end: citation.end, text: model.text.slice(citation.start, citation.end) });
        const anchor = first?.start === citation.start ? first : trimmedSpan(model.text, blockLine.start, blockLine.end);
        // A Chinese title (or link) captured by a citation line stands for the title when there is no `article`.
        const presentOf = (id: string) => citation.fields.find((f) => f.fieldId === id) ?? (id === 'article' ? citation.article : undefined);
        const missing = new Set<string>(fields.filter((f) => f.required && !presentOf(f.id)).map((f) => f.id));
        // Fields a schema line would give: one finding per missing line (`CAC | 03.2024` gives bodies and date).
        for (const [i, line] of (byPattern ? schema.topic.citation.lines! : []).entries()) {
          const gives = fieldsOfLine(line).filter((id) => missing.has(id));
          if (!gives.length) continue;
          for (const id of gives) missing.delete(id);
          const name = line.description ?? line.id;
          const what = name ? `line '${name}'` : `citation line ${i + 1} of the schema`;
          report({ start: anchor.start, end: anchor.end, message: `This citation has no ${what}: it would give the ${listed(gives.map((id) => FIELD_NOUNS[id] ?? id))}.`, data: { fieldId: gives[0] } });
        }
        for (const field of fields) {
          const present = presentOf(field.id);
          if (missing.has(field.id)) {
            const message = byPattern
              ? `This citation gives no ${FIELD_NOUNS[field.id] ?? field.id}: write it on a line '${field.label}:' or on a citation line of the schema.`
              : `This citation has no '${field.label}:' line.`;
            report({ start: anchor.start, end: anchor.end, message, data: { fieldId: field.id } });
          } else if (present && !present.value.text) {
            report({ start: present.label.whole.start, end: present.label.whole.end, message: `'${field.label}:' is empty.`, data: { fieldId: field.id } });
          }
        }
        // The order of `Label:` lines; citation lines read by pattern stand anywhere in the block.
        const labelled = citation.fields.filter((f) => !f.captured);
        const order = labelled.map((f) => fields.findIndex((s) => s.id === f.fieldId));
        order.forEach((rank, i) => {
          if (i > 0 && rank < order[i - 1]) {
            const line = labelled[i].label.whole;
            report({ start: line.start, end: line.end, message: `'${labelled[i].label.name.text}:' should come before '${labelled[i - 1].label.name.text}:'.` });
          }
        });
      }
    }
  },
};
