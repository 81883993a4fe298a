/**
 * A bound on container nesting (block quotes and list items) before remark sees the text.
 *
 * micromark and mdast-util-from-markdown handle nesting recursively and super-linearly: 2,000
 * nested block quotes (`> > > … x`, 4 KB) give a tree 2,000 levels deep that overflows the stack
 * of every recursive walker after the parser (and the parser itself at about 4,000 list levels,
 * after 19 s). markdown-it bounds nesting the same way (`maxNesting`, 100 levels). Here every
 * container marker beyond `MAX_NESTING` levels on a line is replaced by spaces of the same
 * length, so it is read as text and every offset stays where it was.
 */

/** Container levels kept on one line; markers beyond are read as text. */
export const MAX_NESTING = 32;

/** A line whose container markers beyond `MAX_NESTING` levels were read as text: `[start, end)` in UTF-16 code units. */
export interface NestingCut {
  start: number;
  end: number;
  /** The nesting the line asked for (an upper bound: markers plus half its indentation). */
  depth: number;
}

/**
 * `text` with container markers beyond `max` levels blanked (same length, same line breaks),
 * and the lines where that happened; `text` itself when nothing was cut. Linear in the length.
 *
 * A line's depth is counted as its block-quote and list markers plus half the columns of the
 * whitespace before and between them (a list continued by indentation needs at least 2
 * columns), which is never less than the nesting remark would build for it.
 */
export function limitNesting(text: string, max = MAX_NESTING): { text: string; cuts: NestingCut[] } {
  const cuts: NestingCut[] = [];
  let out: string[] | undefined;
  let copied = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let depth = 0;
    let i = lineStart;
    let blanked: [number, number][] | undefined;
    for (;;) {
      let columns = 0;
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) columns += text[i++] === '\t' ? 4 - (columns % 4) : 1;
      depth += columns >> 1;
      const length = markerLength(text, i, lineEnd);
      if (!length) break;
      depth++;
      if (depth > max) (blanked ??= []).push([i, i + length]);
      i += length;
    }
    if (blanked) {
      cuts.push({ start: lineStart, end: lineEnd, depth });
      out ??= [];
      for (const [from, to] of blanked) {
        out.push(text.slice(copied, from), ' '.repeat(to - from));
        copied = to;
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  if (!out) return { text, cuts };
  out.push(text.slice(copied));
  return { text: out.join(''), cuts };
}

/** Length of the container marker at `i` (`>`, `-`/`+`/`*` or `1.`/`1)` followed by a blank or the line end), else 0. */
function markerLength(text: string, i: number, lineEnd: number): number {
  const c = text[i];
  if (c === '>') return 1;
  const blankAfter = (j: number) => j === lineEnd || text[j] === ' ' || text[j] === '\t';
  if (c === '-' || c === '+' || c === '*') return blankAfter(i + 1) ? 1 : 0;
  let j = i;
  while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && blankAfter(j + 1)) return j + 1 - i;
  return 0;
}
