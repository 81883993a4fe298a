/** The issue's own date from its front matter (`date:`, `issue-date:` or `issue_date:`). */
import type { BriefModel } from '../../model/types';
import { dayOf, parsePartialDate, utcDay, type Day } from '../../catalogue/dates';

/** Front-matter keys that give the issue's date, in order of preference. */
export const ISSUE_DATE_KEYS = ['date', 'issue-date', 'issue_date'] as const;

/**
 * The day a front-matter value stands for: the last day it covers ("2024-03" → March 31) for
 * YYYY, YYYY-MM and YYYY-MM-DD, also with a time after the day (`2025-03-15T10:00:00Z`, as static
 * site generators write it; the day as written, whatever the time zone); a YAML timestamp's UTC day.
 * @returns undefined for any other value
 */
export function issueDayOf(value: unknown): Day | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : utcDay(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(text);
  return parsePartialDate(withTime ? withTime[1] : text)?.last;
}

/**
 * The day whose year a date written without one takes (`readCitationDate`'s `yearFrom`): the
 * issue's date, else `today` (UTC day, as `Day`; default the current day).
 */
export function yearSourceDay(model: BriefModel, today: Day = dayOf(new Date())): Day {
  return issueDay(model) ?? today;
}

/**
 * The day of the issue: that of the first of `ISSUE_DATE_KEYS` whose value is a date
 * (`issueDayOf`), or undefined when the front matter gives none that can be read.
 */
export function issueDay(model: BriefModel): Day | undefined {
  const data = model.frontMatter?.data;
  if (!data || typeof data !== 'object') return undefined;
  for (const key of ISSUE_DATE_KEYS) {
    const day = issueDayOf((data as Record<string, unknown>)[key]);
    if (day !== undefined) return day;
  }
  return undefined;
}
