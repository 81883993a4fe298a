/**
 * Citation dates in the schema's format (date-fns tokens, English month names).
 */
import { parse, format, isValid } from 'date-fns';
import { dayOf, type Day } from './dates';

/** Other ways authors write dates, tried to offer a reformatting fix. */
const ALTERNATIVE_FORMATS = ['yyyy-MM-dd', 'MMMM d, yyyy', 'MMMM d yyyy', 'd MMMM yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMM yyyy', 'yyyy/MM/dd', 'yyyy.MM.dd', 'dd.MM.yyyy', "yyyy'年'M'月'd'日'", 'MMMM do, yyyy'];
const REFERENCE = new Date(2000, 0, 1);
/** `YYYY` (week year) and `D` (day of year) read as date-fns defines them, without its console warning and RangeError. */
const TOKENS = { useAdditionalWeekYearTokens: true, useAdditionalDayOfYearTokens: true } as const;

/** Result of reading a date written in a citation. */
export type CitationDate =
  | { kind: 'valid'; day: Day }
  /** Written in another recognisable format; `canonical` is the same day in the schema's format. */
  | { kind: 'other-format'; day: Day; canonical: string }
  /** Looks like the schema's format but is not a calendar day (February 30). */
  | { kind: 'impossible' }
  | { kind: 'unreadable' };

/**
 * @param value the text after `Date:`
 * @param dateFormat the schema's pattern, e.g. "MMMM d, yyyy"
 */
export function readCitationDate(value: string, dateFormat: string): CitationDate {
  const text = value.trim().replace(/\s+/g, ' ');
  const parsed = parseIn(text, dateFormat);
  if (isValid(parsed) && formatIn(parsed, dateFormat) === text) return { kind: 'valid', day: dayOf(parsed) };
  if (isValid(parsed)) return { kind: 'other-format', day: dayOf(parsed), canonical: formatIn(parsed, dateFormat) };
  for (const alternative of ALTERNATIVE_FORMATS) {
    if (alternative === dateFormat) continue;
    const other = parseIn(text, alternative);
    if (isValid(other) && other.getFullYear() > 1900) return { kind: 'other-format', day: dayOf(other), canonical: formatIn(other, dateFormat) };
  }
  // Month name + numbers that do not make a day: "February 30, 2023".
  if (/\d/.test(text) && /^[\p{L}\d ,./年月日-]+$/u.test(text)) return { kind: 'impossible' };
  return { kind: 'unreadable' };
}

/**
 * The day a citation's date stands for, read as `readCitationDate` does: also when written in
 * another recognisable format; undefined when empty, impossible or unreadable.
 * @param value the text after `Date:` (or undefined when the citation has no date)
 */
export function citationDay(value: string | undefined, dateFormat: string): Day | undefined {
  if (!value) return undefined;
  const read = readCitationDate(value, dateFormat);
  return read.kind === 'valid' || read.kind === 'other-format' ? read.day : undefined;
}

/** Formats a UTC day in the schema's format. */
export function formatCitationDate(day: Day, dateFormat: string): string {
  const date = new Date(day);
  return formatIn(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), dateFormat);
}

/**
 * date-fns `parse`; a pattern date-fns rejects (the JSON Schema accepts any string, e.g. "abc" or
 * "YYYY") reads nothing: an Invalid Date instead of a RangeError.
 */
function parseIn(text: string, dateFormat: string): Date {
  try {
    return parse(text, dateFormat, REFERENCE, TOKENS);
  } catch {
    return new Date(NaN);
  }
}

/** date-fns `format`; with a pattern date-fns rejects, the ISO form `yyyy-MM-dd` (so fixes and messages still name the day). */
function formatIn(date: Date, dateFormat: string): string {
  try {
    return format(date, dateFormat, TOKENS);
  } catch {
    return format(date, 'yyyy-MM-dd');
  }
}
