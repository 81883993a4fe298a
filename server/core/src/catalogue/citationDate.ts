/**
 * Citation dates in the schema's format (date-fns tokens, English month names).
 */
import { TwoGenerations } from '../model/twoGenerations';
import { parse, format, isValid } from 'date-fns';
import { dayOf, type Day } from './dates';

/** Other ways authors write dates, tried to offer a reformatting fix. */
const ALTERNATIVE_FORMATS = ['yyyy-MM-dd', 'MMMM d, yyyy', 'MMMM d yyyy', 'd MMMM yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMM yyyy', 'yyyy/MM/dd', 'yyyy.MM.dd', 'dd.MM.yyyy', "yyyy'年'M'月'd'日'", 'MMMM do, yyyy'];
/**
 * Other ways of writing a month, tried only when the schema's pattern has no day (`MM.yyyy`):
 * under a pattern with a day they would invent one.
 */
const MONTH_FORMATS = ['MMMM yyyy', 'MMM yyyy', 'yyyy-MM', 'MM/yyyy', 'MM.yyyy', 'M.yyyy', 'yyyy.MM', 'yyyy/MM', "yyyy'年'M'月'"];
const REFERENCE = new Date(2000, 0, 1);
/** `YYYY` (week year) and `D` (day of year) read as date-fns defines them, without its console warning and RangeError. */
const TOKENS = { useAdditionalWeekYearTokens: true, useAdditionalDayOfYearTokens: true } as const;

/**
 * English month abbreviations as style guides write them (AP: Jan., Feb., Aug., Sept., Oct., Nov.,
 * Dec.; also Sep., Mar., Apr., Jun., Jul.), with or without the full stop, by lower-case
 * abbreviation: the full month name date-fns reads (its `MMM` knows only Sep, not Sept., and no full stop).
 */
const MONTH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July', aug: 'August',
  sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December',
};
const MONTH_ABBREVIATION = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?/gi;

/** Result of reading a date written in a citation. */
export type CitationDate =
  | { kind: 'valid'; day: Day }
  /** Written in another recognisable format; `canonical` is the same day in the schema's format. */
  | { kind: 'other-format'; day: Day; canonical: string }
  /**
   * A date whose year is written with fewer than four digits ('April 14, 23') under a pattern that
   * writes the year in full: which century is meant is not known, so no day is read.
   * `suggestions`: the date in the schema's format with a two-digit year in either century, the
   * one date-fns's `yy` reading takes (1950–2049) first; empty for a year of three digits.
   */
  | { kind: 'short-year'; suggestions: string[] }
  /** Looks like the schema's format but is not a calendar day (February 30). */
  | { kind: 'impossible' }
  /** Not a date in any known form, or the schema's pattern reads no date (`patternReadsDates`). */
  | { kind: 'unreadable' };

/**
 * THE reading of a citation's date, used by every rule, the archive, completion and the preview
 * (through `citationDay` and the remembered variants), so they all read the same day.
 * Month abbreviations (Sept. 4, 2023) read as the full month name. A year written with fewer than
 * four digits is never read as a year of the first millennium: it is `short-year`.
 * @param value the text after `Date:`
 * @param dateFormat the schema's pattern, e.g. "MMMM d, yyyy"
 * @param yearFrom for a pattern without a year (`d MMMM`): the day whose year the date takes (the
 *   issue's date), the year before when the date would fall after it; without it, the year 2000
 *   (a leap year, so February 29 reads)
 */
export function readCitationDate(value: string, dateFormat: string, yearFrom?: Day): CitationDate {
  // A pattern without a year, month or day token (the loader warns) reads no date.
  if (!patternReadsDates(dateFormat)) return { kind: 'unreadable' };
  const text = value.trim().replace(/\s+/g, ' ');
  const parsed = withYearFrom(parseIn(text, dateFormat), dateFormat, yearFrom);
  const shortYear = (date: Date) => patternHasYear(dateFormat) && date.getFullYear() < 1000;
  if (isValid(parsed) && !shortYear(parsed)) {
    const canonical = formatIn(parsed, dateFormat);
    return canonical === text ? { kind: 'valid', day: dayOf(parsed) } : { kind: 'other-format', day: dayOf(parsed), canonical };
  }
  /** The first reading with a short year (in the schema's pattern or one with a month name), kept in case no reading has a full one. */
  let short = isValid(parsed) ? parsed : undefined;
  const spelled = text.replace(MONTH_ABBREVIATION, (_, abbreviation: string) => MONTH_ABBREVIATIONS[abbreviation.toLowerCase()]!);
  if (spelled !== text) {
    const other = withYearFrom(parseIn(spelled, dateFormat), dateFormat, yearFrom);
    if (isValid(other) && !shortYear(other)) return { kind: 'other-format', day: dayOf(other), canonical: formatIn(other, dateFormat) };
    if (isValid(other)) short ??= other;
  }
  // A pattern without a day (`MM.yyyy`, month precision) reads the first of the month; a date
  // written with a day is rewritten to the month.
  const alternatives = patternHasDay(dateFormat) ? ALTERNATIVE_FORMATS : [...MONTH_FORMATS, ...ALTERNATIVE_FORMATS];
  for (const written of spelled !== text ? [text, spelled] : [text]) {
    for (const alternative of alternatives) {
      if (alternative === dateFormat) continue;
      const other = parseIn(written, alternative);
      if (!isValid(other)) continue;
      // Only where the month is a name is a short number after it surely the year ('14 April 23').
      if (other.getFullYear() < 1000 && alternative.includes('MMM')) short ??= other;
      if (other.getFullYear() <= 1900) continue;
      const canonical = formatIn(other, dateFormat);
      // The rewritten form must read back in the schema's pattern (not so under a pattern date-fns cannot parse).
      if (isValid(parseIn(canonical, dateFormat))) return { kind: 'other-format', day: dayOf(other), canonical };
    }
  }
  // A year of three digits as written (`023`): which year is meant is not known, no reading is offered.
  if (short) return { kind: 'short-year', suggestions: /(^|\D)\d{3}(\D|$)/.test(text) ? [] : centuryReadings(short, dateFormat) };
  // Month name + numbers that do not make a day: "February 30, 2023".
  if (/\d/.test(text) && /^[\p{L}\d ,./年月日-]+$/u.test(text)) return { kind: 'impossible' };
  return { kind: 'unreadable' };
}

/**
 * A date read with a two-digit year (0023-04-14) in the schema's format with that year in the
 * 20th and the 21st century, the one date-fns's `yy` reading takes (1950–2049) first; a reading
 * that does not read back in the pattern is left out. (Year 0, where February 29 of 1900 would
 * matter, is no year to date-fns: such a date is `impossible`.)
 * @returns [] for a year of three digits or more once read (which year is meant is not known)
 */
function centuryReadings(date: Date, dateFormat: string): string[] {
  const year = date.getFullYear();
  if (year >= 100) return [];
  const centuries = year < 50 ? [2000, 1900] : [1900, 2000];
  const readings: string[] = [];
  for (const century of centuries) {
    const moved = new Date(date);
    moved.setFullYear(century + year, date.getMonth(), date.getDate());
    const canonical = formatIn(moved, dateFormat);
    if (isValid(parseIn(canonical, dateFormat))) readings.push(canonical);
  }
  return readings;
}

/**
 * The day a citation's date stands for, read as `readCitationDate` does: also when written in
 * another recognisable format; undefined when empty, impossible or unreadable.
 * @param value the text after `Date:` (or undefined when the citation has no date)
 */
export function citationDay(value: string | undefined, dateFormat: string, yearFrom?: Day): Day | undefined {
  return value ? dayOfRead(readCitationDate(value, dateFormat, yearFrom)) : undefined;
}

/** The day a read date stands for: valid or in another format; undefined when impossible or unreadable. */
function dayOfRead(read: CitationDate): Day | undefined {
  return read.kind === 'valid' || read.kind === 'other-format' ? read.day : undefined;
}

/** Dates read by `rememberedCitationDate`, by issue day (empty: none), format and text. */
const remembered = new TwoGenerations<string, CitationDate>();
/** Texts read since the last generation began. */
let readSinceRotation = 0;
/** Texts read per generation: with the previous generation kept, at most twice this many are held. */
const TEXTS_PER_GENERATION = 5_000;

/**
 * `readCitationDate`, remembered: an editor's checks read the same date texts on every edit, and
 * date-fns parsing is the slow part of a check of citations. The result depends only on the
 * arguments, so it is the same as `readCitationDate`'s (test/unit/citation-day.test.ts). The
 * returned object is shared: do not modify it.
 */
export function rememberedCitationDate(value: string, dateFormat: string, yearFrom?: Day): CitationDate {
  return remembered.use(`${yearFrom ?? ''}\u0000${dateFormat}\u0000${value}`, () => {
    if (++readSinceRotation > TEXTS_PER_GENERATION) {
      remembered.rotate();
      readSinceRotation = 0;
    }
    return readCitationDate(value, dateFormat, yearFrom);
  });
}

/** `citationDay` read through `rememberedCitationDate`. */
export function rememberedCitationDay(value: string | undefined, dateFormat: string, yearFrom: Day): Day | undefined {
  return value ? dayOfRead(rememberedCitationDate(value, dateFormat, yearFrom)) : undefined;
}

/** Formats a UTC day in the schema's format. */
export function formatCitationDate(day: Day, dateFormat: string): string {
  const date = new Date(day);
  const local = new Date(2000, 0, 1);
  // setFullYear, not the constructor: `new Date(23, …)` is 1923.
  local.setFullYear(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return formatIn(local, dateFormat);
}

/** Which parts of a date a pattern writes (date-fns tokens outside quoted text). */
export interface DateTokens {
  /** A `y`, `Y`, `u` or `R` token. */
  year: boolean;
  /** An `M` or `L` token. */
  month: boolean;
  /** A `d`, `D`, `E`, `e`, `c` or `i` token; `MM.yyyy` has none: month precision. */
  day: boolean;
}

/** THE reading of a date pattern's tokens: which of year, month and day it writes (`'Q'` writes none). */
export function dateTokens(dateFormat: string): DateTokens {
  const tokens = dateFormat.replace(/'[^']*'/g, '');
  return { year: /[yYuR]/.test(tokens), month: /[ML]/.test(tokens), day: /[dDEeci]/.test(tokens) };
}

/** Whether a date pattern writes the day (`dateTokens`); `MM.yyyy` does not: month precision. */
export function patternHasDay(dateFormat: string): boolean {
  return dateTokens(dateFormat).day;
}

/** Whether a date pattern writes a year, a month or a day at all: `'Q'` (quoted text only) writes none and reads no date. */
export function patternReadsDates(dateFormat: string): boolean {
  const { year, month, day } = dateTokens(dateFormat);
  return year || month || day;
}

/**
 * Whether two days are the same date at the precision the schema's pattern writes: the day, or
 * only the month (`MM.yyyy`), or only the year (`yyyy`). A month-precision date reads as the first of its month.
 */
export function sameCitationDate(a: Day, b: Day, dateFormat: string): boolean {
  const tokens = dateTokens(dateFormat);
  if (tokens.day) return a === b;
  const x = new Date(a);
  const y = new Date(b);
  const sameMonth = !tokens.month || x.getUTCMonth() === y.getUTCMonth();
  return x.getUTCFullYear() === y.getUTCFullYear() && sameMonth;
}

/** Whether a date pattern writes the year (`dateTokens`). */
export function patternHasYear(dateFormat: string): boolean {
  return dateTokens(dateFormat).year;
}

/**
 * What is wrong with a schema's `dateFormat`, for the loader's warning: date-fns rejects it, or it
 * writes no year, month or day (`'Q'`). Either way no citation date is read with it (every date is
 * `unreadable`, without a fix).
 * @returns the message's middle part, or undefined for a usable pattern
 */
export function dateFormatProblem(dateFormat: string): string | undefined {
  if (!patternReadsDates(dateFormat)) return 'writes no year, month or day (date-fns tokens such as yyyy, MM, MMMM, d outside quotes)';
  try {
    format(REFERENCE, dateFormat, TOKENS);
    parse('', dateFormat, REFERENCE, TOKENS);
    return undefined;
  } catch (error) {
    return `is not a date-fns pattern (${(error as Error).message})`;
  }
}

/** A date read with a year-less pattern moved into the year of `yearFrom` (the year before when it would fall after that day). */
function withYearFrom(date: Date, dateFormat: string, yearFrom: Day | undefined): Date {
  if (yearFrom === undefined || !isValid(date) || patternHasYear(dateFormat)) return date;
  const moved = new Date(yearTaken(date.getMonth(), date.getDate(), yearFrom), date.getMonth(), date.getDate());
  // February 29 outside a leap year: not a day of that year.
  return moved.getMonth() !== date.getMonth() ? new Date(NaN) : moved;
}

/**
 * The year a date written without one takes: the year of `yearFrom` (the date), or the
 * year before when the month and day fall after it in the year.
 * @param month 0-based month; @param day day of the month
 */
export function yearTaken(month: number, day: number, yearFrom: Day): number {
  const from = new Date(yearFrom);
  const after = month > from.getUTCMonth() || (month === from.getUTCMonth() && day > from.getUTCDate());
  return from.getUTCFullYear() - (after ? 1 : 0);
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
