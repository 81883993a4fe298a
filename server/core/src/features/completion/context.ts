/**
 * What the cursor is in, for completion: the value of an `Issuing bodies:` line, the value of an
 * `Article:` line, the start of a line (labels and skeletons), or nothing to complete (code,
 * front matter, prose, other citation lines). The providers (bodies.ts, titles.ts, labels.ts)
 * each handle one kind; this module only decides which.
 */
import type { Topic } from '../../model/types';
import { schemaLabels } from '../../model/labels';
import { inCode, topicAt } from '../locate';
import type { CompletionInput } from './input';

/** The line the cursor is on: UTF-16 document offsets, `end` before the line break. */
export interface CursorLine {
  start: number;
  end: number;
  text: string;
}

/** Where completion happens, decided once per request. */
export type CompletionContext =
  | { kind: 'none' }
  /** In the value of an `Issuing bodies:` line; `valueStart` is just after the label. */
  | { kind: 'bodies'; line: CursorLine; valueStart: number; topic: Topic | undefined }
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
    if (fieldId === 'issuing-bodies') return { kind: 'bodies', line, valueStart: field.whole.end, topic };
    if (fieldId === 'article') return { kind: 'titles', line, valueStart: field.whole.end, topic };
    return { kind: 'none' };
  }
  const before = text.slice(start, offset);
  if (/^[ \t]{0,3}(?:#{1,6}[ \t]*|(?:\*\*|__)?(?:[\p{L}\p{N}][\p{L}\p{N} -]*)?)$/u.test(before)) return { kind: 'labels', line };
  return { kind: 'none' };
}
