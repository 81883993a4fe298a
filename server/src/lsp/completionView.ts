/**
 * The part of a document completion works on: not the whole document but the cursor's block
 * (the run of non-blank lines around it) under its topic heading — a few hundred characters
 * instead of a whole topic, since remark dominates the cost of a keystroke.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { briefSections, parseBrief, sectionLayout, FenceTracker, LineIndex, type BriefModel, type FenceRole } from '../../core/src/index';
import type { Analysis } from './analysis';
import type { DocumentContext } from './documentContext';
import { WORKER_THRESHOLD } from './parseWorker';

/** The part of a document completion works on (see `completionView`). */
export interface CompletionView {
  document: TextDocument;
  context: DocumentContext;
  /** The text parsed: the cursor's block under its topic heading, or the intro. */
  text: string;
  /** The cursor as an offset in `text`. */
  offset: number;
  /** Maps an offset in `text` (at or after the cursor's block start) to a document offset. */
  toDocument: (offset: number) => number;
  model: BriefModel;
  lineIndex: LineIndex;
  /** Topics of the document before this one. */
  topicsBefore: number;
}

/**
 * What completion parses: not the whole document but the cursor's block (the run of
 * non-blank lines around it) under its topic heading — a few hundred characters instead of a
 * whole topic, since remark dominates the cost of a keystroke. The intro section is taken
 * whole. Returns 'code' when a fenced code block (open or being closed) holds the cursor.
 * `toDocument` maps view offsets back to document offsets.
 */
export async function completionView(analysis: Analysis, uri: string, offset: number): Promise<CompletionView | 'code' | undefined> {
  analysis.queue.promote(uri);
  const document = analysis.documents.get(uri);
  if (!document) return undefined;
  const context = await analysis.context(document);
  const current = analysis.documents.get(uri);
  if (!context.isBrief || !current) return undefined;
  const full = current.getText();
  const sections = briefSections(full, sectionLayout(context.entry.config.schema), analysis.caches(uri).cache);
  let index = 0;
  while (index < sections.length - 1 && offset >= sections[index].end) index++;
  const { start, text: section } = sections[index];
  let text = section;
  let toDocument = (relative: number) => start + relative;
  let relative = offset - start;
  if (index > 0) {
    const lines = new LineIndex(section);
    const cursorLine = lines.positionAt(relative).line;
    const fences = new FenceTracker();
    let role: FenceRole;
    for (let line = 0; line <= cursorLine; line++) role = fences.next(lines.lineText(line));
    if (role) return 'code';
    if (cursorLine > 0) {
      let first = cursorLine;
      let last = cursorLine;
      while (first > 1 && lines.lineText(first - 1).trim()) first--;
      while (last < lines.lineCount - 1 && lines.lineText(last + 1).trim()) last++;
      const blockStart = lines.lineStarts[first];
      const blockEnd = lines.lineEnd(last);
      const heading = lines.lineText(0);
      const eol = lines.eol;
      const prefix = `${heading}${eol}${eol}`;
      text = prefix + section.slice(blockStart, blockEnd);
      toDocument = (r) => start + blockStart + (r - prefix.length);
      relative = prefix.length + (relative - blockStart);
    }
  }
  const state = analysis.caches(uri);
  // A long text (pathological Markdown, say) is parsed in the worker, not on this thread.
  if (text.length > WORKER_THRESHOLD && !state.sectionCache.has(text)) {
    try {
      state.sectionCache.add(text, (await analysis.worker.parse([text]))[0]);
    } catch {
      // Parsed here instead.
    }
  }
  const model = parseBrief(text, context.entry.config.schema, state.sectionCache);
  return { document: current, context, text, offset: relative, toDocument, model, lineIndex: new LineIndex(text), topicsBefore: Math.max(0, index - 1) };
}

