/**
 * Where an offset is in a brief: topic, part, citation, code block. Shared by completion and
 * hover. Offsets are UTF-16 document offsets.
 */
import type { Node } from 'unist';
import type { BriefModel, Citation, Topic, TopicPart } from '../model/types';

/** The topic containing `offset`, if any. */
export function topicAt(model: BriefModel, offset: number): Topic | undefined {
  return model.topics.find((t) => offset >= t.start && offset <= t.end);
}

/** The citation of `topic` whose lines contain `offset` (end inclusive: the cursor at line end). */
export function citationAt(topic: Topic | undefined, offset: number): Citation | undefined {
  return topic?.citations.find((c) => c.fields.some((f) => offset >= f.line.start && offset <= f.line.end));
}

/** The part of `topic` whose label contains `offset`. */
export function partLabelAt(topic: Topic | undefined, offset: number): TopicPart | undefined {
  return topic?.parts.find((p) => p.label && offset >= p.label.whole.start && offset <= p.label.whole.end);
}

/**
 * True when `offset` is inside a code block (fenced, even unclosed, or indented), inline code
 * or an HTML block, according to the section's mdast.
 */
export function inCode(model: BriefModel, offset: number): boolean {
  const section = model.sections.find((s) => offset >= s.start && offset <= s.end);
  if (!section) return false;
  const relative = offset - section.start;
  let found = false;
  const visit = (node: Node & { children?: Node[] }) => {
    if (found) return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (relative < start || relative > end) return;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') {
      // The cursor right after a closed inline code span is outside it.
      if (node.type === 'inlineCode' && relative === end) return;
      if (node.type === 'code' && relative === start) return;
      found = true;
      return;
    }
    for (const child of node.children ?? []) visit(child as Node & { children?: Node[] });
  };
  visit(section.root as Node & { children?: Node[] });
  return found;
}
