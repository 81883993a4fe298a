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
 *   a list item or block quote, which the fence tracking (`lines.ts`) would misread and which, at the end of
 *   a chunk, would also take in the blank lines after it;
 * - `]:` (a link reference or footnote definition, which blocks elsewhere refer to);
 * - `---` at the start (front matter), or a leading U+FEFF (micromark drops it and does not count
 *   it in its offsets).
 *
 * `test/unit/blocks.test.ts` and fuzz property (e) (a cached model, mdast included, equals a
 * fresh one) check that the chunked parse equals the whole parse.
 */
import { FenceTracker, forEachLine } from './lines';

/** A chunk of a section: it starts at UTF-16 offset `start` of the section, at 0-based line `line`. */
export interface BlockChunk {
  start: number;
  line: number;
}

const UNSPLITTABLE = /^ {0,3}<|<[!?]|<(?:script|pre|style|textarea)(?=[\s/>]|$)|.(?:`{3}|~{3})|\]:/im;
const FRONT_MATTER_START = /^---/;
const LIST_ITEM_OR_DASH = /^(?:-|[+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
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
  const fences = new FenceTracker();
  let previousBlank = false;
  forEachLine(text, 0, (lineStart, lineEnd, lineNumber) => {
    const line = text.slice(lineStart, lineEnd);
    const blank = BLANK.test(line);
    const wasInFence = fences.inFence;
    fences.next(line);
    const first = line.charCodeAt(0);
    // U+FEFF at the start of a parse is a BOM, which micromark drops; mid-document it is text.
    if (!wasInFence && previousBlank && !blank && first !== 32 && first !== 9 && first !== 0xfeff && !LIST_ITEM_OR_DASH.test(line)) {
      chunks.push({ start: lineStart, line: lineNumber });
    }
    previousBlank = blank;
  });
  return chunks;
}
