/** Spans of the source text: of mdast nodes, of lines, trimmed of markup; plain text for word counts. */
import type { Span } from './types';

/** Offsets of a node, shifted by the section base. */
export function spanOf(text: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } } | undefined, base: number): Span {
  const start = base + (node?.position?.start.offset ?? 0);
  const end = base + (node?.position?.end.offset ?? 0);
  return { start, end, text: text.slice(start, end) };
}

/** Splits `[start, end)` of `text` into lines: `[lineStart, lineEnd)` without line breaks. */
export function linesIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      lines.push({ start: lineStart, end: i });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

/**
 * A span trimmed of whitespace, Markdown hard-break markers (`\` or two spaces at line end) and
 * trailing HTML comments (`<!-- … -->` is invisible in the rendered brief, so it is not part of
 * a headline or a citation value).
 */
export function trimmedSpan(text: string, start: number, end: number): Span {
  for (;;) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /[\s\\]/.test(text[end - 1])) end--;
    if (end - start < 7 || text.slice(end - 3, end) !== '-->') break;
    const open = text.lastIndexOf('<!--', end - 3);
    if (open < start) break;
    end = open;
  }
  return { start, end, text: text.slice(start, end) };
}

/** Plain text of a Markdown fragment for word counts: emphasis, links and code marks removed. */
export function plainText(markdown: string): string {
  return markdown
    // Linear: `[^)]*` rescanned to the end of text for each unclosed `[a](b` (quadratic).
    .replace(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
