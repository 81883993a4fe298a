/**
 * Normalisation for matching titles and names across the variants authors and reprints use
 * (title-conventions.md §3: 《》, half-/full-width brackets, straight/curly quotes, dash variants).
 */

/**
 * Key for a Chinese title: no 《》〈〉, brackets full-width, quotes and spaces removed, dashes unified.
 * The whole title stays: `国务院关于印发《中国制造2025》的通知` keys as `国务院关于印发中国制造2025的通知` (the
 * same notice with or without its inner marks), never as the `中国制造2025` it names.
 */
export function chineseTitleKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[《》〈〉\s"'“”‘’「」]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[-－–‐—]/g, '—')
    .replace(/,/g, '，');
}

/** Key for an English title or name: lower case, ASCII quotes, hyphens as spaces, single spaces, no trailing period. */
export function englishKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[-‐–—]/g, ' ')
    .replace(/[()[\],.:;"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Key for a document number (发文字号): whitespace removed (`工信部联通装 〔2023〕 40号` = `工信部联通装〔2023〕40号`). */
export function documentNumberKey(number: string): string {
  return number.replace(/\s+/g, '');
}
