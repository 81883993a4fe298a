import type { Rule } from '../rule';
import type { BriefModel } from '../../model/types';
import { patternHasYear } from '../../catalogue/citationDate';
import { ISSUE_DATE_KEYS, issueDay, issueDayOf } from '../date/issueDay';
import { datedCitations } from '../helpers';

/**
 * Where the front matter writes `key`: the `[start, end)` UTF-16 range of its value on the key's
 * line (a trailing `# comment` left out), or of the key itself when the value is not on that line
 * (a block list below it). The key may be quoted. Undefined when no top-level line writes it (a
 * flow mapping `{date: …}`).
 */
function writtenAt(frontMatter: NonNullable<BriefModel['frontMatter']>, key: string): { start: number; end: number; text: string } | undefined {
  // The value, if any, starts with no `#` (that is a comment) and ends before a ` # comment`.
  const line = new RegExp(`^(["']?)${key}\\1[ \\t]*:(?:[ \\t]*((?!#)\\S.*?))?(?:[ \\t]+#.*)?[ \\t]*$`, 'm').exec(frontMatter.yaml.text);
  if (!line) return undefined;
  const base = frontMatter.yaml.start + line.index;
  if (!line[2]) return { start: base, end: base + line[1].length * 2 + key.length, text: '' };
  const start = base + line[0].indexOf(line[2], line[1].length * 2 + key.length + 1);
  return { start, end: start + line[2].length, text: line[2] };
}

/** The first line of the front matter's YAML without a trailing comment; the opening `---` when the YAML is empty. */
function firstYamlLine(frontMatter: NonNullable<BriefModel['frontMatter']>): { start: number; end: number } {
  const line = /^(.*?)[ \t]*(?:[ \t]#.*)?$/m.exec(frontMatter.yaml.text);
  return line && line[1] ? { start: frontMatter.yaml.start, end: frontMatter.yaml.start + line[1].length } : { start: frontMatter.start, end: frontMatter.start + 3 };
}

/**
 * front-matter.issue-date: the issue's own date (front matter `date:`, `issue-date:` or
 * `issue_date:`) is a date, and a format whose dates have no year gets one.
 *
 * The issue date is what `date.future` compares with and what a year-less date pattern
 * (`d MMMM`, as in `### Headline (26 August)`) takes its year from; unreadable, it is silently
 * replaced by today. Silent when the front matter is not valid YAML (`front-matter.invalid-yaml`
 * says so).
 */
export const issueDate: Rule = {
  id: 'front-matter.issue-date',
  description: "The issue's front-matter date is a date (YYYY-MM-DD, YYYY-MM or YYYY); a format with year-less dates needs one.",
  defaultSeverity: 'warning',
  tags: ['front-matter', 'date'],
  scope: 'document',
  check({ model, schema, report }) {
    const frontMatter = model.frontMatter;
    if (frontMatter?.error) return;
    const data = frontMatter?.data;
    let written = false;
    if (frontMatter && data && typeof data === 'object') {
      for (const key of ISSUE_DATE_KEYS) {
        const value = (data as Record<string, unknown>)[key];
        if (value === undefined) continue;
        written = true;
        if (issueDayOf(value) !== undefined) continue;
        const at = writtenAt(frontMatter, key) ?? firstYamlLine(frontMatter);
        const shown = 'text' in at && at.text ? `'${at.text}'` : `of '${key}:'`;
        report({ start: at.start, end: at.end, message: `The issue date ${shown} is not a date: write it as YYYY-MM-DD (YYYY-MM or YYYY also work).` });
      }
    }
    if (written || issueDay(model) !== undefined) return;
    const dateFormat = schema.topic.citation.dateFormat;
    if (patternHasYear(dateFormat) || !model.topics.some((topic) => datedCitations(topic).some((c) => c.date?.value.text))) return;
    // Dates without a year and no issue date: they take the year of the day of the check.
    // At the front matter's first line (where `date:` would go), else the title heading, else the start of the text.
    const at = frontMatter ? firstYamlLine(frontMatter) : model.title?.heading ?? { start: 0, end: 0 };
    report({
      start: at.start,
      end: at.end,
      message: `Dates are written without a year (${dateFormat}) and the issue has no front-matter date: they take the current year. Add 'date: YYYY-MM-DD' to the front matter.`,
    });
  },
};
