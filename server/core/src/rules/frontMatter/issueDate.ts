import type { Rule } from '../rule';
import type { BriefModel } from '../../model/types';
import { patternHasYear } from '../../catalogue/citationDate';
import { ISSUE_DATE_KEYS, issueDay } from '../date/issueDay';
import { datedCitations } from '../helpers';

/**
 * The issue's front-matter date as written: the first of `ISSUE_DATE_KEYS` the YAML gives, and
 * the `[start, end)` UTF-16 range of its value on its line (a trailing `# comment` left out);
 * undefined when the front matter gives none.
 */
function writtenIssueDate(model: BriefModel): { key: string; start: number; end: number; text: string } | undefined {
  const frontMatter = model.frontMatter;
  const data = frontMatter?.data;
  if (!frontMatter || !data || typeof data !== 'object') return undefined;
  const key = ISSUE_DATE_KEYS.find((k) => (data as Record<string, unknown>)[k] !== undefined && (data as Record<string, unknown>)[k] !== null);
  if (!key) return undefined;
  // A top-level key starts its line; its value runs to a comment or the end of the line.
  const line = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*?)[ \\t]*(?:[ \\t]#.*)?$`, 'm').exec(frontMatter.yaml.text);
  if (!line) return undefined;
  const start = frontMatter.yaml.start + line.index + line[0].indexOf(line[1], key.length);
  return { key, start, end: start + line[1].length, text: line[1] };
}

/** The first line of the front matter's YAML without a trailing comment; the opening `---` when the YAML is empty. */
function firstLine(frontMatter: NonNullable<BriefModel['frontMatter']>): { start: number; end: number } {
  const line = /^(.*?)[ \t]*(?:[ \t]#.*)?$/m.exec(frontMatter.yaml.text);
  return line && line[1] ? { start: frontMatter.yaml.start, end: frontMatter.yaml.start + line[1].length } : { start: frontMatter.start, end: frontMatter.start + 3 };
}

/**
 * front-matter.issue-date: the issue's own date (front matter `date:`, `issue-date:` or
 * `issue_date:`) is a date, and a format whose dates have no year gets one.
 *
 * The issue date is what `date.future` compares with and what a year-less date pattern
 * (`d MMMM`, as in `### Headline (26 August)`) takes its year from; unreadable, it is silently
 * replaced by today.
 */
export const issueDate: Rule = {
  id: 'front-matter.issue-date',
  description: "The issue's front-matter date is a date (YYYY-MM-DD, YYYY-MM or YYYY); a format with year-less dates needs one.",
  defaultSeverity: 'warning',
  tags: ['front-matter', 'date'],
  scope: 'document',
  check({ model, schema, report }) {
    if (issueDay(model) !== undefined) return;
    const written = writtenIssueDate(model);
    const dateFormat = schema.topic.citation.dateFormat;
    if (written) {
      report({
        start: written.start,
        end: written.end > written.start ? written.end : written.start,
        message: `The issue date '${written.text}' is not a date: write it as YYYY-MM-DD (YYYY-MM or YYYY also work).`,
      });
      return;
    }
    if (patternHasYear(dateFormat) || !model.topics.some((topic) => datedCitations(topic).some((c) => c.date?.value.text))) return;
    // Dates without a year and no issue date: they take the year of the day of the check.
    // At the front matter's first line (where `date:` would go), else the title heading, else the start of the text.
    const at = model.frontMatter ? firstLine(model.frontMatter) : model.title?.heading ?? { start: 0, end: 0 };
    report({
      start: at.start,
      end: at.end,
      message: `Dates are written without a year (${dateFormat}) and the issue has no front-matter date: they take the current year. Add 'date: YYYY-MM-DD' to the front matter.`,
    });
  },
};
