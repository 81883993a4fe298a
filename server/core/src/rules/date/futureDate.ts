import type { Rule } from '../rule';
import { isoDay } from '../../catalogue/dates';
import { issueDay } from './issueDay';
import { datedCitations } from '../helpers';

/**
 * date.future: a citation dated after the issue itself (its front-matter date) or, without one,
 * after today — usually a typo in the year.
 */
export const futureDate: Rule = {
  id: 'date.future',
  description: "A citation is not dated after the issue's own date (front matter), or after today when there is none.",
  defaultSeverity: 'warning',
  tags: ['date'],
  // Compares with the front matter, so it sees the whole document.
  scope: 'document',
  check(context) {
    const { model, report } = context;
    const issue = issueDay(model);
    const limit = issue ?? context.today;
    for (const topic of model.topics) {
      for (const citation of datedCitations(topic)) {
        const day = context.citationDay(citation);
        if (day === undefined || day <= limit || !citation.date) continue;
        report({
          start: citation.date.value.start,
          end: citation.date.value.end,
          message: issue !== undefined
            ? `The document is dated ${isoDay(day)}, after this issue's own date (${isoDay(issue)}): is the year right?`
            : `The document is dated ${isoDay(day)}, in the future (today is ${isoDay(context.today)}): is the year right?`,
        });
      }
    }
  },
};
