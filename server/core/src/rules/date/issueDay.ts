/** The issue's own date from its front matter (`date:`, `issue-date:` or `issue_date:`). */
import type { BriefModel } from '../../model/types';
import { parsePartialDate, type Day } from '../../catalogue/dates';

/** Front-matter keys that give the issue's date, first found wins. */
export const ISSUE_DATE_KEYS = ['date', 'issue-date', 'issue_date'] as const;

/**
 * The day of the issue: the last day its front-matter date covers ("2024-03" → March 31), or
 * undefined when the front matter gives none that can be read (YYYY, YYYY-MM, YYYY-MM-DD).
 */
export function issueDay(model: BriefModel): Day | undefined {
  const data = model.frontMatter?.data;
  if (!data || typeof data !== 'object') return undefined;
  for (const key of ISSUE_DATE_KEYS) {
    const value = (data as Record<string, unknown>)[key];
    if (value instanceof Date && !Number.isNaN(value.getTime())) return Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
    if (typeof value === 'string' || typeof value === 'number') {
      const parsed = parsePartialDate(String(value).trim());
      if (parsed) return parsed.last;
    }
  }
  return undefined;
}
