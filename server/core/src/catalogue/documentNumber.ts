/**
 * Document numbers (发文字号) as written in citations: the standard form 机关代字〔YYYY〕N号
 * (GB/T 9704-2012, 7.2.4: year in full in 〔〕, serial number without 第 and without leading
 * zeros, then 号) and the decree form 国务院令第N号 / 中华人民共和国主席令第N号 (…令第N号; some
 * ministries add the year: 商务部令2020年第4号). Offsets are UTF-16 code units into `text`.
 */

/** A form problem of a document number, with the text that fixes it (a form change, not a fact). */
export interface NumberFormProblem {
  message: string;
  /** Offsets relative to the number's text. */
  start: number;
  end: number;
  newText?: string;
}

/** A document number read from its text. */
export type DocumentNumber =
  | { kind: 'standard'; agency: string; year: number; serial: number; problems: NumberFormProblem[] }
  | { kind: 'decree'; agency: string; year?: number; problems: NumberFormProblem[] };

/** Longest text read as a number (UTF-16 code units): joint orders list a dozen names; longer text is prose, and the patterns stay linear. */
const MAX_NUMBER_LENGTH = 300;
const OPEN = '〔[【(（［{｛<〈';
const CLOSE = '〕]】)）］}｝>〉';
const STANDARD = new RegExp(`^(\\p{Script=Han}[\\p{Script=Han}\\s]*?)\\s*([${escape(OPEN)}])\\s*(\\d{4})\\s*([${escape(CLOSE)}])\\s*(第?)\\s*(\\d+)\\s*号$`, 'u');
const DECREE = /^(.*?\p{Script=Han})\s*令\s*(?:(\d{4})\s*年)?\s*(第?)\s*(\d+|[〇零一二三四五六七八九十百千]+)\s*号$/u;

/** True when `text` looks like a document number (either form, however bracketed). */
export function looksLikeDocumentNumber(text: string): boolean {
  if (text.length > MAX_NUMBER_LENGTH) return false;
  const t = text.trim();
  return STANDARD.test(t) || DECREE.test(t);
}

/**
 * Reads a document number and lists the problems of its form.
 * @returns undefined when the text is neither form (e.g. free text)
 */
export function readDocumentNumber(text: string): DocumentNumber | undefined {
  if (text.length > MAX_NUMBER_LENGTH) return undefined;
  const s = STANDARD.exec(text);
  if (s) {
    const [, agency, open, year, close, di, serial] = s;
    const problems: NumberFormProblem[] = [];
    const openAt = text.indexOf(open, agency.length);
    const closeAt = text.indexOf(close, openAt + 1 + year.length);
    if (open !== '〔' || close !== '〕') {
      problems.push({ message: `The year of a document number goes in 〔〕 (found ${open}${close}).`, start: openAt, end: closeAt + 1, newText: `〔${year}〕` });
    }
    const serialAt = text.lastIndexOf(serial);
    if (di) {
      const diAt = text.indexOf('第', closeAt);
      problems.push({ message: 'A document number has no 第 before the serial number (GB/T 9704-2012: 发文顺序号不加“第”字).', start: diAt, end: diAt + 1, newText: '' });
    }
    if (/^0\d/.test(serial)) {
      problems.push({ message: `A serial number has no leading zeros: ${Number(serial)}, not ${serial}.`, start: serialAt, end: serialAt + serial.length, newText: String(Number(serial)) });
    }
    return { kind: 'standard', agency: agency.replace(/\s+/g, ''), year: Number(year), serial: Number(serial), problems };
  }
  const d = DECREE.exec(text);
  if (d) {
    const [, agency, year, di, serial] = d;
    const problems: NumberFormProblem[] = [];
    if (!di) {
      const at = text.lastIndexOf(serial);
      problems.push({ message: 'A decree number has 第 before the number (国务院令第N号).', start: at, end: at, newText: '第' });
    }
    if (/^0\d/.test(serial)) {
      const at = text.lastIndexOf(serial);
      problems.push({ message: `A decree number has no leading zeros: ${Number(serial)}, not ${serial}.`, start: at, end: at + serial.length, newText: String(Number(serial)) });
    }
    return { kind: 'decree', agency: agency.trim(), year: year ? Number(year) : undefined, problems };
  }
  return undefined;
}

function escape(chars: string): string {
  return chars.replace(/[\]\\[^-]/g, '\\$&');
}
