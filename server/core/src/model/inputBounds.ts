/**
 * Bounds on hard inputs, applied before remark sees the text. Each keeps the text's length and
 * line breaks (what is cut is replaced by spaces), so every offset stays where it was.
 *
 * - Nesting (`limitNesting`): micromark and mdast-util-from-markdown handle nesting recursively
 *   and super-linearly: 2,000 nested block quotes (`> > > … x`, 4 KB) give a tree 2,000 levels
 *   deep that overflows the stack of every recursive walker after the parser (and the parser
 *   itself at about 4,000 list levels, after 19 s). markdown-it bounds nesting the same way
 *   (`maxNesting`, 100 levels). Container markers beyond `MAX_NESTING` levels on a line are
 *   read as text.
 * - Emphasis (`limitEmphasis`): micromark matches emphasis delimiters in time quadratic in their
 *   number within one paragraph (`*_` × 15,000 + `_*` × 15,000, 63 KB: 39 s). In a block of
 *   non-blank lines with more than `MAX_EMPHASIS_RUNS` runs of `*` or `_`, they are read as text.
 */

import { FenceTracker, forEachLine } from './lines';

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
  // Lines of fenced code are text to remark, whatever they start with: never cut.
  const fences = new FenceTracker();
  forEachLine(text, 0, (lineStart, lineEnd) => {
    if (fences.next(text.slice(lineStart, lineEnd)) !== undefined) return;
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
  });
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

/** Runs of `*` or `_` kept in one block of non-blank lines; beyond, all are read as text. */
export const MAX_EMPHASIS_RUNS = 1000;

/** A block of non-blank lines whose `*` and `_` were read as text: `[start, end)` in UTF-16 code units. */
export interface EmphasisCut {
  start: number;
  end: number;
  /** Runs of `*` or `_` in the block. */
  runs: number;
}

/**
 * `text` with every `*` and `_` blanked in each block of non-blank lines that has more than
 * `max` runs of them (a `*` list marker at the start of a line is kept), and those blocks; `text`
 * itself when nothing was cut. Linear in the length.
 */
export function limitEmphasis(text: string, max = MAX_EMPHASIS_RUNS): { text: string; cuts: EmphasisCut[] } {
  const cuts: EmphasisCut[] = [];
  let blockStart = -1;
  let blockEnd = 0;
  let runs = 0;
  const close = (end: number) => {
    if (blockStart >= 0 && runs > max) cuts.push({ start: blockStart, end, runs });
    blockStart = -1;
    runs = 0;
  };
  // Fenced code is not Markdown: its lines end a block and their `*` and `_` are never counted or cut.
  const fences = new FenceTracker();
  forEachLine(text, 0, (lineStart, lineEnd) => {
    const inCode = fences.next(text.slice(lineStart, lineEnd)) !== undefined;
    let blank = true;
    let lineRuns = 0;
    if (!inCode) {
      for (let i = lineStart; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9) blank = false;
        if ((c === 42 || c === 95) && (i === lineStart || text.charCodeAt(i - 1) !== c)) lineRuns++;
      }
    }
    if (blank) return close(blockEnd);
    if (blockStart < 0) blockStart = lineStart;
    blockEnd = lineEnd;
    runs += lineRuns;
  });
  close(blockEnd);
  if (!cuts.length) return { text, cuts };
  const out: string[] = [];
  let copied = 0;
  for (const { start, end } of cuts) {
    out.push(text.slice(copied, start));
    out.push(text.slice(start, end).replace(/^([ \t>]*\*(?=[ \t]))|[*_]/gm, (_match, marker: string | undefined) => marker ?? ' '));
    copied = end;
  }
  out.push(text.slice(copied));
  return { text: out.join(''), cuts };
}
