import type { Rule } from '../rule';
import { formatCitationDate, readCitationDate } from '../../catalogue/citationDate';
import { datedCitations } from '../helpers';

/** The day the message's example shows in the schema's format (April 14, 2023). */
const EXAMPLE_DAY = Date.UTC(2023, 3, 14);

/** date.invalid: the citation date is a real calendar date in the schema's format. */
export const invalidDate: Rule = {
  id: 'date.invalid',
  description: "The citation date is a real calendar date written in the schema's format (April 14, 2023).",
  defaultSeverity: 'error',
  tags: ['date'],
  check({ model, schema, report }) {
    const dateFormat = schema.topic.citation.dateFormat;
    for (const topic of model.topics) {
      for (const citation of datedCitations(topic)) {
        const date = citation.date;
        if (!date?.value.text) continue;
        const read = readCitationDate(date.value.text, dateFormat);
        const { start, end, text } = date.value;
        if (read.kind === 'valid') continue;
        if (read.kind === 'other-format') {
          report({ start, end, message: `Write the date as '${read.canonical}' (format ${dateFormat}).`, fixes: [{ title: `Write '${read.canonical}'`, edits: [{ start, end, newText: read.canonical }], isPreferred: true }] });
        } else if (read.kind === 'impossible') {
          report({ start, end, message: `'${text}' is not a calendar date.` });
        } else {
          report({ start, end, message: `Cannot read the date '${text}'; expected the format ${dateFormat}, e.g. ${formatCitationDate(EXAMPLE_DAY, dateFormat)}.` });
        }
      }
    }
  },
};
