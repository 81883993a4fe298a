/**
 * What the cursor is in, for completion: the value of an `Issuing bodies:` line or the issuing
 * bodies that a schema pattern captured (a citation line such as `CAC, MIIT | 12.2020`, a topic
 * heading's metadata), the value of an `Article:` line, the start of a line (labels and
 * skeletons), or nothing to complete (code, front matter, prose, other citation lines). The
 * providers (bodies.ts, titles.ts, labels.ts) each handle one kind; this module only decides which.
 */
import type { Citation, Span, Topic } from '../../model/types';
import { schemaLabels } from '../../model/labels';
import { citationAt, inCode, topicAt } from '../locate';
import type { CompletionInput } from './input';
import { issuingBodyNames } from '../../catalogue/bodyTokens';

/** The line the cursor is on: UTF-16 document offsets, `end` before the line break. */
export interface CursorLine {
  start: number;
  end: number;
  text: string;
}

/**
 * The issuing bodies being completed: `[start, end)` in UTF-16 document offsets. For an
 * `Issuing bodies:` line, from just after the label to the end of the line; for a pattern's
 * capture, the captured value. `names`: the names read in it (`issuingBodyNames`, against the
 * catalogue as the rules read them, so `Ministry of Industry and Information Technology and fag`
 * is two names), when the model read the citation.
 */
export interface BodiesValue {
  start: number;
  end: number;
  names?: readonly Span[];
  /** An `Issuing bodies:` line (not a capture): where no name is under the cursor, the token is found by scanning for separators. */
  line?: boolean;
}

/** Where completion happens, decided once per request. */
export type CompletionContext =
  | { kind: 'none' }
  /** In issuing bodies: an `Issuing bodies:` line's value or a pattern's `issuing-bodies` capture; `citation` is the one they belong to, when the model read it. */
  | { kind: 'bodies'; line: CursorLine; value: BodiesValue; citation: Citation | undefined; topic: Topic | undefined }
  /** In the value of an `Article:` line. */
  | { kind: 'titles'; line: CursorLine; valueStart: number; topic: Topic | undefined }
  /** At the start of a line (only letters, spaces, `**` or `#` before the cursor). */
  | { kind: 'labels'; line: CursorLine };

/** What the cursor at `offset` (UTF-16 document offset) is in. */
export function completionContext(input: CompletionInput, offset: number): CompletionContext {
  const { text, model, lineIndex, schema } = input;
  if (model.frontMatter && offset > model.frontMatter.start && offset < model.frontMatter.end) return { kind: 'none' };
  if (inCode(model, offset)) return { kind: 'none' };
  const lineNumber = lineIndex.positionAt(offset).line;
  const start = lineIndex.lineStarts[lineNumber];
  const end = lineIndex.lineEnd(lineNumber);
  const line: CursorLine = { start, end, text: text.slice(start, end) };
  const labels = schemaLabels(schema);
  const field = labels.fields.match(line.text, start);
  if (field && offset >= field.whole.end) {
    const fieldId = labels.fieldId(field.name.text);
    const topic = topicAt(model, offset);
    if (fieldId === 'issuing-bodies') {
      const citation = citationAt(topic, offset);
      // The names as the rules read them, when the citation's field is this line (a full name with "and" is one name).
      const read = citation?.issuingBodies;
      const names = read && read.value.start >= start && read.value.end <= end ? issuingBodyNames(citation, input.catalogue, text) : undefined;
      return { kind: 'bodies', line, value: { start: field.whole.end, end: line.end, names, line: true }, citation, topic };
    }
    if (fieldId === 'article') return { kind: 'titles', line, valueStart: field.whole.end, topic };
    return { kind: 'none' };
  }
  const topic = topicAt(model, offset);
  const captured = capturedBodiesAt(topic, offset);
  if (captured) {
    const { value } = captured.issuingBodies!;
    return { kind: 'bodies', line, value: { start: value.start, end: value.end, names: issuingBodyNames(captured, input.catalogue, text) }, citation: captured, topic };
  }
  const before = text.slice(start, offset);
  if (/^[ \t]{0,3}(?:#{1,6}[ \t]*|(?:\*\*|__)?(?:[\p{L}\p{N}][\p{L}\p{N} -]*)?)$/u.test(before)) return { kind: 'labels', line };
  return { kind: 'none' };
}

/**
 * The citation of `topic` (its citation lines or its heading's metadata) whose issuing bodies a
 * schema pattern captured around `offset` (end inclusive: the cursor just after the last name).
 */
function capturedBodiesAt(topic: Topic | undefined, offset: number): Citation | undefined {
  if (!topic) return undefined;
  const candidates = topic.headingCitation ? [...topic.citations, topic.headingCitation] : topic.citations;
  return candidates.find((c) => c.issuingBodies?.captured && offset >= c.issuingBodies.value.start && offset <= c.issuingBodies.value.end);
}
