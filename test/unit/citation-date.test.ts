/**
 * `readCitationDate`, the one reader of citation dates: a year written with fewer than four
 * digits is never read as a year of the first millennium (nor moved to 19xx by `Date.UTC`), and
 * English month abbreviations (Jan., Sept., Sep) read as the month.
 */
import * as assert from 'node:assert/strict';
import { citationDay, formatCitationDate, readCitationDate } from '../../server/core/src/catalogue/citationDate';
import { dayOf, isoDay, parsePartialDate, utcDay } from '../../server/core/src/catalogue/dates';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('citation dates: years written short', () => {
  it('April 14, 23 is short-year: no day, both centuries suggested, 2023 first', () => {
    assert.deepEqual(readCitationDate('April 14, 23', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: ['April 14, 2023', 'April 14, 1923'] });
    assert.equal(citationDay('April 14, 23', 'MMMM d, yyyy'), undefined);
  });

  it('a year from 50 suggests 19xx first (date-fns yy reading), one digit reads as two', () => {
    assert.deepEqual(readCitationDate('April 14, 98', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: ['April 14, 1998', 'April 14, 2098'] });
    assert.deepEqual(readCitationDate('April 14, 5', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: ['April 14, 2005', 'April 14, 1905'] });
  });

  it('0023 and a three-digit year are short too; a three-digit year gets no suggestion', () => {
    assert.equal(readCitationDate('April 14, 0023', 'MMMM d, yyyy').kind, 'short-year');
    assert.deepEqual(readCitationDate('April 14, 202', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: [] });
    assert.deepEqual(readCitationDate('June 4, 023', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: [] }, 'a leading zero does not make it two digits');
  });

  it('February 29, 24 in both centuries (leap years); the year 00 is no date-fns year: impossible, never fixed', () => {
    assert.deepEqual(readCitationDate('February 29, 24', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: ['February 29, 2024', 'February 29, 1924'] });
    assert.equal(readCitationDate('April 14, 00', 'MMMM d, yyyy').kind, 'impossible');
  });

  it('in another format with a month name (14 April 23, Apr. 14 23): short-year in the schema format', () => {
    assert.deepEqual(readCitationDate('14 April 23', 'MMMM d, yyyy'), { kind: 'short-year', suggestions: ['April 14, 2023', 'April 14, 1923'] });
    assert.deepEqual(readCitationDate('2023-04-14', 'MMMM d, yyyy'), { kind: 'other-format', day: day('2023-04-14'), canonical: 'April 14, 2023' });
  });

  it('under a two-digit pattern (yy) a two-digit year is the format', () => {
    assert.deepEqual(readCitationDate('April 14, 23', 'MMMM d, yy'), { kind: 'valid', day: day('2023-04-14') });
  });

  it('under a month pattern (MM.yyyy): 04.23 is short-year', () => {
    assert.deepEqual(readCitationDate('04.23', 'MM.yyyy'), { kind: 'short-year', suggestions: ['04.2023', '04.1923'] });
  });
});

describe('citation dates: month abbreviations', () => {
  for (const [text, canonical] of [['Sept. 4, 2023', 'September 4, 2023'], ['Sept 4, 2023', 'September 4, 2023'], ['Sep. 4, 2023', 'September 4, 2023'], ['Jan. 9, 2024', 'January 9, 2024'], ['feb. 2, 2024', 'February 2, 2024'], ['4 Sept. 2023', 'September 4, 2023'], ['Dec. 31, 2023', 'December 31, 2023']]) {
    it(`${text} reads as ${canonical}`, () => {
      const read = readCitationDate(text, 'MMMM d, yyyy');
      assert.equal(read.kind, 'other-format');
      assert.equal((read as { canonical: string }).canonical, canonical);
      assert.equal(isoDay((read as { day: number }).day), isoDay(day(new Date(`${canonical} UTC`).toISOString().slice(0, 10))));
    });
  }

  it('under an abbreviated pattern (MMM d, yyyy) Sept. 4, 2023 becomes Sep 4, 2023; Sep 4, 2023 is valid', () => {
    assert.equal((readCitationDate('Sept. 4, 2023', 'MMM d, yyyy') as { canonical?: string }).canonical, 'Sep 4, 2023');
    assert.deepEqual(readCitationDate('Sep 4, 2023', 'MMM d, yyyy'), { kind: 'valid', day: day('2023-09-04') });
  });

  it('an impossible day stays impossible with an abbreviation (Sept. 31, 2023)', () => {
    assert.equal(readCitationDate('Sept. 31, 2023', 'MMMM d, yyyy').kind, 'impossible');
  });
});

describe('days of years before 100', () => {
  it('utcDay, dayOf, parsePartialDate and formatCitationDate keep the year (Date.UTC(23, …) is 1923)', () => {
    assert.equal(isoDay(utcDay(23, 3, 14)), '0023-04-14');
    const local = new Date(2000, 3, 14);
    local.setFullYear(23);
    assert.equal(isoDay(dayOf(local)), '0023-04-14');
    assert.equal(isoDay(parsePartialDate('0023-04-14')!.first), '0023-04-14');
    assert.equal(formatCitationDate(utcDay(23, 3, 14), 'MMMM d, yyyy'), 'April 14, 0023');
    assert.equal(formatCitationDate(day('2023-04-14'), 'MMMM d, yyyy'), 'April 14, 2023');
  });
});
