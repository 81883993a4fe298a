/**
 * The one line scanner of the core: walks a text line by line (CRLF, CR and LF breaks) and
 * follows CommonMark fenced code blocks, without parsing Markdown. Splitting a brief into
 * sections (`sections.ts`), cutting a section into block chunks (`blocks.ts`), deciding whether
 * a text is a brief (`recognize.ts`) and finding whether completion's cursor is in code (the
 * server's completion view) all read fences through it, so they agree on what is code.
 */

/**
 * Calls `visit` for each line of `text` from UTF-16 offset `from` (which must start a line).
 * @param visit gets the line's `[start, end)` (UTF-16 offsets, the line break excluded) and its
 *   0-based index counted from `from`; returning `false` stops the walk
 */
export function forEachLine(text: string, from: number, visit: (start: number, end: number, index: number) => boolean | void): void {
  const lineBreak = /\r\n|\r|\n/g;
  let start = from;
  for (let index = 0; start <= text.length; index++) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    if (visit(start, end, index) === false || !found) return;
    start = end + found[0].length;
  }
}

/** How a line relates to fenced code: it opens or closes a fence, lies inside one, or neither. */
export type FenceRole = 'open' | 'inside' | 'close' | undefined;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Follows fenced code blocks line by line, as CommonMark does for top-level fences: a fence opens
 * with three or more backticks or tildes after at most three spaces (a backtick fence's info
 * string has no backtick); it closes with a line holding only at least as many of the same
 * character (after at most three spaces). Feed every line in order.
 */
export class FenceTracker {
  private marker: string | undefined;

  /** True while inside a fenced code block (after its opening line, before its closing line). */
  get inFence(): boolean {
    return this.marker !== undefined;
  }

  /**
   * Classifies the next line and advances.
   * @param line the line without its line break; a caller that only cares about fences may pass
   *   '' for a line that does not start (after at most three spaces) with a backtick or tilde
   */
  next(line: string): FenceRole {
    const match = FENCE.exec(line);
    if (this.marker) {
      if (match && match[1][0] === this.marker[0] && match[1].length >= this.marker.length && line.trim() === match[1]) {
        this.marker = undefined;
        return 'close';
      }
      return 'inside';
    }
    if (match && !(match[1][0] === '`' && line.slice(match[0].length).includes('`'))) {
      this.marker = match[1];
      return 'open';
    }
    return undefined;
  }
}
