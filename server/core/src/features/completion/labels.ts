/**
 * Completion at the start of a line: the part and citation labels of the schema, and the
 * citation and topic skeletons; the topic skeleton is numbered from where the new topic goes and,
 * typed as `brief-topic`, is offered under that name first (the static snippet cannot number). Offered
 * on Ctrl+Space only: typed letters would otherwise open a list at the start of every sentence.
 */
import { schemaLabels } from '../../model/labels';
import { partExpectation } from '../describe';
import type { CompletionProposal, CompletionResult } from '../types';
import type { CursorLine } from './context';
import type { CompletionInput } from './input';

function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, '\\$&');
}

/** Proposals for the cursor at `offset` at the start of `line`. */
export function completeLabels(input: CompletionInput, offset: number, line: CursorLine): CompletionResult {
  if (input.trigger === 'character') return { items: [], isIncomplete: false };
  const { text, model, schema, lineIndex } = input;
  const { start: lineStart, end: lineEnd } = line;
  let start = lineStart;
  while (start < offset && /[ \t]/.test(text[start])) start++;
  let end = offset;
  while (end < lineEnd && /[\p{L}\p{N}-]/u.test(text[end])) end++;
  // A label already completed on this line is replaced whole (`**At a gl|ance:**`).
  const labels = schemaLabels(schema);
  const existing = labels.parts.match(line.text, lineStart) ?? labels.fields.match(line.text, lineStart);
  if (existing && existing.whole.end >= offset) {
    end = existing.whole.end;
    if (text[end] === ' ') end++;
  }
  const typed = text.slice(start, offset);
  const words = typed.replace(/^(\*\*|__|#+)\s*/, '').trim().toLowerCase();
  const eol = lineIndex.eol;
  const range = lineIndex.range(start, end);
  const items: CompletionProposal[] = [];
  const inTopics = model.topics.length > 0 && offset >= model.topics[0].start;
  const push = (label: string, newText: string, detail: string, kind: CompletionProposal['kind'], snippet = false, matchOn = label) => {
    if (words && !matchOn.toLowerCase().includes(words)) return;
    items.push({ label, detail, kind, edit: { range, newText }, snippet: snippet || undefined, filterText: typed, sortText: String(items.length).padStart(4, '0') });
  };
  if (!typed.startsWith('#')) {
    if (inTopics) {
      for (const part of schema.topic.parts) if (part.label !== undefined) push(`**${part.label}:**`, `**${part.label}:** `, partExpectation(part), 'label', false, part.label);
      for (const field of schema.topic.citation.fields) push(`${field.label}:`, `${field.label}: `, `Citation line (${field.required ? 'required' : 'optional'})`, 'label', false, field.label);
    }
    const fields = schema.topic.citation.fields;
    const label = (id: string) => escapeSnippet(fields.find((f) => f.id === id)?.label ?? id);
    const [open, close] = schema.topic.citation.chineseTitleParentheses === 'ascii' ? ['(', ')'] : ['（', '）'];
    if (inTopics) {
      push('Citation skeleton', [`${label('article')}: \${1:English title} ${open}\${2:中文标题}${close} ([Link](\${3:https://}))`, `${label('issuing-bodies')}: $4`, `${label('date')}: \${5:${escapeSnippet(schema.topic.citation.dateFormat)}}$0`].join(eol), 'Article, issuing bodies and date lines', 'skeleton', true, 'citation skeleton article brief-citation');
    }
  }
  const number = topicNumberAt(input, lineStart);
  const level = schema.issue.topics.headingLevel;
  const parts = schema.topic.parts.map((p, i) => (p.label === undefined ? `\${${i + 2}:${escapeSnippet(p.id)}}` : `**${escapeSnippet(p.label)}:** \${${i + 2}}`));
  const citationLines = schema.topic.citation.fields.map((f) => `${escapeSnippet(f.label)}: `);
  const skeleton = [`${'#'.repeat(level)} ${schema.issue.topics.numbered ? `${number}. ` : ''}\${1:Headline}`, '', ...parts.flatMap((p) => [p, '']), ...citationLines].join(eol) + '$0';
  // Typed as the snippet prefix, it stands in for the static `brief-topic` snippet (whose number
  // is a fixed placeholder): same name, first and preselected, numbered from its place.
  const asSnippet = words.startsWith('brief');
  push(asSnippet ? 'brief-topic' : 'Topic skeleton', skeleton, `Topic ${number} with the parts of “${schema.name}”`, 'skeleton', true, 'topic skeleton heading brief-topic');
  if (asSnippet && items.length) Object.assign(items[items.length - 1], { preselect: true, sortText: '0000' });
  return { items, isIncomplete: true };
}

/**
 * The number a topic inserted on the line starting at `lineStart` gets: one more than the
 * number of the topic before it (as written, else its position), so a topic added between
 * topics 2 and 3 is topic 3.
 */
export function topicNumberAt(input: CompletionInput, lineStart: number): number {
  const before = input.model.topics.filter((t) => t.start < lineStart);
  const previous = before[before.length - 1];
  if (previous?.number !== undefined) return previous.number + 1;
  return (input.topicsBefore ?? 0) + before.length + 1;
}
