/**
 * Calendar dates as whole UTC days, and the partial dates of the catalogues ("2018",
 * "2018-03", "2018-03-18").
 */

/** A day as milliseconds since the epoch at 00:00 UTC. */
export type Day = number;

const DAY_MS = 86_400_000;

/** The UTC day of a `Date`'s local year, month and day (also for years 0–99, which `Date.UTC` would move to 1900–1999). */
export function dayOf(date: Date): Day {
  return utcDay(date.getFullYear(), date.getMonth(), date.getDate());
}

/**
 * The day of a year, 0-based month and day of the month, as `Date.UTC` gives it but with the
 * year as written: `Date.UTC(23, 3, 14)` is 1923-04-14, `utcDay(23, 3, 14)` is 0023-04-14.
 * Out-of-range months and days roll over as in `Date.UTC`.
 */
export function utcDay(year: number, month: number, day: number): Day {
  return new Date(0).setUTCFullYear(year, month, day);
}

/**
 * The first and last day a partial date covers: "2018" → Jan 1 … Dec 31, "2018-03" → Mar 1 … 31.
 * @returns undefined for text that is not such a date or not a real calendar date.
 */
export function parsePartialDate(value: string | null | undefined): { first: Day; last: Day } | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value));
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!m[2]) return { first: utcDay(year, 0, 1), last: utcDay(year, 11, 31) };
  const month = Number(m[2]) - 1;
  if (month > 11) return undefined;
  if (!m[3]) return { first: utcDay(year, month, 1), last: utcDay(year, month + 1, 0) };
  const day = utcDay(year, month, Number(m[3]));
  if (new Date(day).getUTCDate() !== Number(m[3])) return undefined;
  return { first: day, last: day };
}

/** `days` whole days after `day`. */
export function addDays(day: Day, days: number): Day {
  return day + days * DAY_MS;
}

/** ISO `YYYY-MM-DD` of a day. */
export function isoDay(day: Day): string {
  return new Date(day).toISOString().slice(0, 10);
}
