import type { Rule } from '../rule';
import { formatCitationDate, patternHasYear, rememberedCitationDate, yearTaken } from '../../catalogue/citationDate';
import { issueDay } from './issueDay';
import { datedCitations } from '../helpers';

/** The day the message's example shows in the schema's format (April 14, 2023). */
const EXAMPLE_DAY = Date.UTC(2023, 3, 14);

/**
 * date.invalid: the citation date is a real calendar date in the schema's format. A date written
 * without a year (`d MMMM`) must also be a day of the year it takes (the issue's, see
 * `readCitationDate`): `29 February` in an issue of 2025 is not; so the rule reads the front
 * matter and sees the whole document.
 */
export const invalidDate: Rule = {
  id: 'date.invalid',
  description: "The citation date is a real calendar date written in the schema's format (April 14, 2023).",
  defaultSeverity: 'error',
  tags: ['date'],
  scope: 'document',
  check({ model, schema, report, citationDay, today }) {
    const dateFormat = schema.topic.citation.dateFormat;
    const yearless = !patternHasYear(dateFormat);
    for (const topic of model.topics) {
      for (const citation of datedCitations(topic)) {
        const date = citation.date;
        if (!date?.value.text) continue;
        const read = rememberedCitationDate(date.value.text, dateFormat);
        const { start, end, text } = date.value;
        // A year-less date (valid in a leap year, or in another format) that is no day of the year it
        // takes (the issue's, else today's): reported as such, without a fix that would write it again.
        if ((read.kind === 'valid' || read.kind === 'other-format') && yearless && citationDay(citation) === undefined) {
          const issue = issueDay(model);
          const leapYearDay = new Date(read.day);
          const year = yearTaken(leapYearDay.getUTCMonth(), leapYearDay.getUTCDate(), issue ?? today);
          report({ start, end, message: `'${text}' is not a calendar date in ${year}, the year it takes from ${issue !== undefined ? "the issue's front-matter date" : 'today (the issue has no readable front-matter date)'}.` });
          continue;
        }
        if (read.kind === 'valid') continue;
        if (read.kind === 'other-format') {
          report({ start, end, message: `Write the date as '${read.canonical}' (format ${dateFormat}).`, fixes: [{ title: `Write '${read.canonical}'`, edits: [{ start, end, newText: read.canonical }], isPreferred: true }] });
        } else if (read.kind === 'short-year') {
          // The century is a fact the text does not give: the readings are offered, none preferred,
          // so fix-all and `check --fix` never choose one (nor write the year as 0023).
          const which = read.suggestions.length ? `: ${read.suggestions.map((s) => `'${s}'`).join(' or ')}?` : '.';
          report({
            start, end,
            message: `'${text}' does not write the year in full (format ${dateFormat})${which}`,
            fixes: read.suggestions.map((suggestion) => ({ title: `Write '${suggestion}'`, edits: [{ start, end, newText: suggestion }] })),
          });
        } else if (read.kind === 'impossible') {
          report({ start, end, message: `'${text}' is not a calendar date.` });
        } else {
          report({ start, end, message: `Cannot read the date '${text}'; expected the format ${dateFormat}, e.g. ${formatCitationDate(EXAMPLE_DAY, dateFormat)}.` });
        }
      }
    }
  },
};
