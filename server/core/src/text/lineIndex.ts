/**
 * Conversion between string offsets and LSP positions.
 *
 * Units: JavaScript strings are sequences of UTF-16 code units, so an "offset" here is a
 * UTF-16 code-unit index into the whole document text and `character` is a UTF-16
 * code-unit index into one line — exactly LSP's default `PositionEncodingKind.UTF16`.
 * Line breaks are `\r\n`, `\n` or a lone `\r` (as LSP defines them); a position never
 * points between the `\r` and the `\n` of a CRLF pair.
 */

/** A position in a document: 0-based line, UTF-16 character within that line, and UTF-16 offset in the document. */
export interface Position {
  line: number;
  character: number;
  offset: number;
}

/** A half-open range `[start, end)` in a document. */
export interface Range {
  start: Position;
  end: Position;
}

/** Precomputed line starts of one text, for O(log n) offset ↔ position conversion. */
export class LineIndex {
  /** UTF-16 offsets at which each line starts; `lineStarts[0] === 0`. */
  readonly lineStarts: number[];

  /** @param text the whole document text (any line endings, BOM included if present). */
  constructor(readonly text: string) {
    const starts = [0];
    const lineBreak = /\r\n?|\n/g;
    for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the last content character of `line` (before its line break). */
  lineEnd(line: number): number {
    if (line >= this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Text of one line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /**
   * Position of a UTF-16 offset. Offsets are clamped to `[0, text.length]`; an offset inside a
   * CRLF pair or inside a surrogate pair is moved back to the nearest valid boundary.
   */
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    if (offset > 0 && this.text.charCodeAt(offset - 1) === 13 && this.text.charCodeAt(offset) === 10) offset--;
    const code = this.text.charCodeAt(offset);
    if (offset > 0 && code >= 0xdc00 && code <= 0xdfff) {
      const prev = this.text.charCodeAt(offset - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) offset--;
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low], offset };
  }

  /** Offset of an LSP line/character; characters past the line end are clamped to it. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    return Math.min(start + Math.max(0, character), this.lineEnd(line));
  }

  /** Range for the UTF-16 offsets `[start, end)`. */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** The line break this document uses most: `\r\n` if any line ends in CRLF, else `\n`. */
  get eol(): '\r\n' | '\n' {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}
