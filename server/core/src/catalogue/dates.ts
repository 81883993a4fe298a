/**
 * Calendar dates as whole UTC days, and the partial dates of the catalogues ("2018",
 * "2018-03", "2018-03-18").
 */

/** A day as milliseconds since the epoch at 00:00 UTC. */
export type Day = number;

const DAY_MS = 86_400_000;

/** The UTC day of a `Date`. */
export function dayOf(date: Date): Day {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
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
  if (!m[2]) return { first: Date.UTC(year, 0, 1), last: Date.UTC(year, 11, 31) };
  const month = Number(m[2]) - 1;
  if (month > 11) return undefined;
  if (!m[3]) return { first: Date.UTC(year, month, 1), last: Date.UTC(year, month + 1, 0) };
  const day = Date.UTC(year, month, Number(m[3]));
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
