/**
 * Splits a section's Markdown into block chunks that remark parses independently to the same
 * mdast as the whole section, so that an edit re-parses only the chunk it touched (see
 * `ParseCache.get`). Without parsing: a chunk boundary is a line that starts a new top-level
 * block whatever came before it, and the split is skipped entirely where that cannot be decided
 * line by line.
 *
 * A line starts a chunk when all of these hold:
 * - the line before it is blank (empty or blanks only), and the line itself is not;
 * - it starts in column 1 with no blank: a line after a blank line that is not indented closes
 *   every container (list item, block quote), so nothing but a top-level fenced code block or
 *   HTML block can continue across it;
 * - it does not start with U+FEFF (at the start of a parse it would be dropped as a BOM);
 * - it does not start with `-`, `+`, `*` followed by a blank or the line end, or `1.`/`1)`
 *   (a list item would continue the list before it as a loose list), nor with `-` at all
 *   (`---` could open front matter at the start of a chunk);
 * - it is not inside a fenced code block (which may hold blank lines); fences are tracked on
 *   lines that start in column 1, which are always top-level fences.
 * A section is not split at all when it may hold something these line rules cannot follow:
 * - a line starting with `<` after at most three spaces (an HTML block, which may hold blank lines
 *   or fence-like lines);
 * - anywhere, the start of an HTML block that only its end marker closes (`<!`, `<?`, `<script`,
 *   `<pre`, `<style`, `<textarea`): inside a list item or block quote, at the end of a chunk it
 *   would take in the blank lines after it;
 * - three backticks or tildes anywhere but at the start of a line: they may open a fence inside
 *   a list item or block quote, which the fence tracking would misread and which, at the end of
 *   a chunk, would also take in the blank lines after it;
 * - `]:` (a link reference or footnote definition, which blocks elsewhere refer to);
 * - `---` at the start (front matter), or a leading U+FEFF (micromark drops it and does not count
 *   it in its offsets).
 *
 * `test/unit/blocks.test.ts` and fuzz property (e) (a cached model, mdast included, equals a
 * fresh one) check that the chunked parse equals the whole parse.
 */

/** A chunk of a section: it starts at UTF-16 offset `start` of the section, at 0-based line `line`. */
export interface BlockChunk {
  start: number;
  line: number;
}

const UNSPLITTABLE = /^ {0,3}<|<[!?]|<(?:script|pre|style|textarea)(?=[\s/>]|$)|.(?:`{3}|~{3})|\]:/im;
const FRONT_MATTER_START = /^---/;
const LIST_ITEM_OR_DASH = /^(?:-|[+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const FENCE = /^(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

/**
 * @param text a section's text (any line endings: `\r\n`, `\r`, `\n`)
 * @returns the chunks in order; the first starts at 0. A single chunk when the text cannot be
 *   split safely or has only one top-level block run.
 */
export function splitBlockChunks(text: string): BlockChunk[] {
  const chunks: BlockChunk[] = [{ start: 0, line: 0 }];
  // A leading U+FEFF is dropped by micromark and not counted in its offsets: keep it whole.
  if (UNSPLITTABLE.test(text) || FRONT_MATTER_START.test(text) || text.charCodeAt(0) === 0xfeff) return chunks;
  let fence: string | undefined;
  let previousBlank = false;
  let lineStart = 0;
  let lineNumber = 0;
  const lineBreak = /\r\n|\r|\n/g;
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    const blank = BLANK.test(line);
    if (fence) {
      const match = FENCE.exec(line);
      if (match && match[1][0] === fence[0] && match[1].length >= fence.length && line.trim() === match[1]) fence = undefined;
    } else {
      const first = line.charCodeAt(0);
      // U+FEFF at the start of a parse is a BOM, which micromark drops; mid-document it is text.
      if (previousBlank && !blank && first !== 32 && first !== 9 && first !== 0xfeff && !LIST_ITEM_OR_DASH.test(line)) {
        chunks.push({ start: lineStart, line: lineNumber });
      }
      const match = FENCE.exec(line);
      // A backtick fence's info string has no backtick (else the line is a paragraph).
      if (match && !(match[1][0] === '`' && line.slice(match[0].length).includes('`'))) fence = match[1];
    }
    previousBlank = blank;
    if (!found) break;
    lineStart = lineEnd + found[0].length;
    lineNumber++;
  }
  return chunks;
}
