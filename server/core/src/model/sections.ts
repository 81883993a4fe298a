/**
 * Splits a brief into its intro and one section per topic heading, without parsing Markdown.
 *
 * Topics are independent, so each section can be parsed (and cached) on its own; an edit in
 * one topic re-parses only that topic. The split follows CommonMark where it matters: ATX
 * headings indented at most three spaces, never inside fenced code blocks or front matter.
 */
import { FenceTracker, forEachLine } from './lines';

/**
 * A slice of the document: `[start, end)` in UTF-16 offsets; `kind` says what it holds: the intro,
 * a topic, a heading that groups the topics after it (`## In brief` above `### …` topics), or the
 * closing section (a heading the schema names as closing, and everything after it).
 */
export interface Section {
  kind: 'intro' | 'topic' | 'group' | 'closing';
  start: number;
  end: number;
}

/** Where sections start: the topic heading level, and optionally group headings and closing headings (from the issue schema). */
export interface SectionLayout {
  /** ATX level of topic headings. */
  headingLevel: number;
  /** ATX level of headings that group topics; used only when above (smaller than) `headingLevel`. */
  groupLevel?: number;
  /** Heading texts (normalised: trimmed, single spaces, lower case) that open the closing section. */
  closing?: readonly string[];
}

const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/**
 * @param text whole document (BOM included, any line endings)
 * @param headingLevel the ATX level of topic headings (2 for `## 1. …`)
 * @returns sections covering the text without gaps, in order; the first is always the intro
 *   (possibly empty).
 */
export function splitSections(text: string, layout: number | SectionLayout): Section[] {
  const { headingLevel, groupLevel, closing } = typeof layout === 'number' ? { headingLevel: layout } as SectionLayout : layout;
  const topicHeading = new RegExp(`^ {0,3}#{${headingLevel}}(?:[ \\t]|$)`);
  const groupHeading = groupLevel !== undefined && groupLevel < headingLevel ? new RegExp(`^ {0,3}#{${groupLevel}}(?:[ \\t]|$)`) : undefined;
  const anyHeading = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
  const sections: Section[] = [{ kind: 'intro', start: 0, end: text.length }];
  const fences = new FenceTracker();
  let inFrontMatter = false;
  let closed = false;
  const open = (kind: Section['kind'], lineStart: number) => {
    sections[sections.length - 1].end = lineStart;
    sections.push({ kind, start: lineStart, end: text.length });
  };
  forEachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, (lineStart, lineEnd, lineNumber) => {
    // Only lines starting (after up to three spaces) with #, `, ~ or - can matter: skip the rest cheaply.
    let first = lineStart;
    while (first < lineStart + 3 && text.charCodeAt(first) === 32) first++;
    const code = text.charCodeAt(first);
    const line = code === 35 || code === 96 || code === 126 || code === 45 ? text.slice(lineStart, lineEnd) : '';
    if (lineNumber === 0 && FRONT_MATTER_FENCE.test(line) && hasFrontMatterCloser(text, lineEnd)) {
      inFrontMatter = true;
    } else if (inFrontMatter) {
      if (FRONT_MATTER_FENCE.test(line)) inFrontMatter = false;
    } else if (fences.next(line) === undefined && !closed && line) {
      const level = closing?.length ? anyHeading.exec(line)?.[1].length : undefined;
      if (level !== undefined && level <= headingLevel && closing!.includes(headingKey(line))) {
        open('closing', lineStart);
        closed = true;
      } else if (topicHeading.test(line)) open('topic', lineStart);
      else if (groupHeading?.test(line)) open('group', lineStart);
    }
  });
  return sections;
}

/** A heading line's text for comparison with the schema's closing headings: no `#`s, trimmed, single spaces, lower case. */
function headingKey(line: string): string {
  return line.trim().replace(/^#+/, '').replace(/#+$/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** True when a `---` line closes the front matter opened on the first line. */
function hasFrontMatterCloser(text: string, from: number): boolean {
  return /\r?\n---[ \t]*(?:\r?\n|$)/.test(text.slice(from)) || /\r---[ \t]*(?:\r|$)/.test(text.slice(from));
}
