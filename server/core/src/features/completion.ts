/**
 * Context-aware completion for briefs: issuing bodies after `Issuing bodies:`, policy titles in
 * `Article:` lines (English part or inside the Chinese-title parentheses), part labels and
 * topic/citation skeletons at the start of a line. Never inside code, HTML or front matter.
 *
 * Every proposal replaces exactly the token around the cursor (UTF-16 offsets of the current
 * line, CRLF-safe: ranges never reach the line break), so accepting one never duplicates text
 * that already follows the cursor.
 */
import type { BriefModel, Citation, CitationField, Topic } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../findings';
import type { IssueSchema } from '../schema/types';
import type { Catalogue } from '../catalogue/catalogue';
import type { IssuingBody, PolicyTitle } from '../catalogue/types';
import { citationDay, formatCitationDate } from '../catalogue/citationDate';
import { parsePartialDate, type Day } from '../catalogue/dates';
import { chineseTitleKey } from '../catalogue/normalize';
import { cachedIndex, SearchIndex } from './search';
import { schemaLabels } from '../model/labels';
import { citationAt, inCode, topicAt } from './locate';
import type { CitedTitle, CompletionProposal, CompletionResult } from './types';

/** Everything completion needs besides the cursor. */
export interface CompletionInput {
  text: string;
  model: BriefModel;
  lineIndex: LineIndex;
  schema: IssueSchema;
  catalogue: Catalogue;
  /** Titles cited in other briefs of the workspace (the same array instance while unchanged). */
  workspaceTitles?: readonly CitedTitle[];
  /**
   * Topics before `text` when it is one section of a larger document (the server completes on
   * the cursor's section alone, for speed); numbers the topic skeleton. Default 0.
   */
  topicsBefore?: number;
}

/** Maximum number of proposals returned. */
export const MAX_COMPLETIONS = 50;
const SEPARATORS = /[,，、;；]/u;

/**
 * Completion proposals at `offset` (UTF-16 document offset of the cursor).
 * @returns an empty, complete result where nothing applies (code, front matter, prose)
 */
export function complete(input: CompletionInput, offset: number): CompletionResult {
  const empty: CompletionResult = { items: [], isIncomplete: false };
  const { text, model, lineIndex, schema } = input;
  if (model.frontMatter && offset > model.frontMatter.start && offset < model.frontMatter.end) return empty;
  if (inCode(model, offset)) return empty;
  const { line } = lineIndex.positionAt(offset);
  const lineStart = lineIndex.lineStarts[line];
  const lineEnd = lineIndex.lineEnd(line);
  const lineText = text.slice(lineStart, lineEnd);
  const labels = schemaLabels(schema);
  const field = labels.fields.match(lineText, lineStart);
  if (field && offset >= field.whole.end) {
    const fieldId = labels.fieldId(field.name.text);
    const topic = topicAt(model, offset);
    if (fieldId === 'issuing-bodies') return completeBodies(input, offset, field.whole.end, lineEnd, topic);
    if (fieldId === 'article') return completeTitles(input, offset, field.whole.end, lineEnd, topic);
    return empty;
  }
  const before = text.slice(lineStart, offset);
  if (/^[ \t]{0,3}(?:#{1,6}[ \t]*|(?:\*\*|__)?[\p{L}\p{N} ]*)$/u.test(before)) return completeLabels(input, offset, lineStart, lineEnd);
  return empty;
}

// ---------------------------------------------------------------------------------------------
// Issuing bodies

function bodyIndex(catalogue: Catalogue): SearchIndex<IssuingBody> {
  return cachedIndex(catalogue, 'bodies', () => new SearchIndex(catalogue.bodies, (b) => ({
    latin: [b.id, ...(b.abbreviations ?? []), b.name_en, ...(b.aliases ?? [])],
    chinese: [b.name_zh, b.name_zh_full ?? '', ...(b.name_zh_short ?? [])],
  })));
}

/** The day a topic's citation refers to: its own date, else another citation's of the topic. */
function citedDay(schema: IssueSchema, topic: Topic | undefined, citation: Citation | undefined): Day | undefined {
  const read = (c: Citation | undefined) => citationDay(c?.date?.value.text, schema.topic.citation.dateFormat);
  return read(citation) ?? topic?.citations.map(read).find((d) => d !== undefined);
}

function completeBodies(input: CompletionInput, offset: number, valueStart: number, lineEnd: number, topic: Topic | undefined): CompletionResult {
  const { text, schema, catalogue } = input;
  let tokenStart = offset;
  while (tokenStart > valueStart && !SEPARATORS.test(text[tokenStart - 1])) tokenStart--;
  while (tokenStart < offset && /\s/.test(text[tokenStart])) tokenStart++;
  let tokenEnd = offset;
  while (tokenEnd < lineEnd && !SEPARATORS.test(text[tokenEnd])) tokenEnd++;
  while (tokenEnd > offset && /\s/.test(text[tokenEnd - 1])) tokenEnd--;
  const prefix = text.slice(tokenStart, offset);
  // Names already on the line (other than the one being typed) are not proposed again.
  const listed = new Set<string>();
  for (const name of text.slice(valueStart, lineEnd).split(SEPARATORS)) {
    const trimmed = name.trim();
    if (!trimmed || text.slice(tokenStart, tokenEnd).trim() === trimmed) continue;
    const found = catalogue.lookupBody(trimmed);
    if (found) listed.add(found.body.id);
  }
  const citation = citationAt(topic, offset);
  const day = citedDay(schema, topic, citation);
  const separator = schema.topic.citation.issuingBodySeparator;
  const before = text[tokenStart - 1];
  // Right after `:` or after a separator whose schema form ends in a space, insert that space.
  const lead = tokenStart === offset && tokenStart > 0 && (before === ':' || before === '：' || (SEPARATORS.test(before) && /\s$/.test(separator))) ? ' ' : '';
  const all = bodyIndex(catalogue).search(prefix, prefix ? MAX_COMPLETIONS * 2 : catalogue.bodies.length);
  // Keep matches at least half as good as the best one: weak fuzzy hits only add noise.
  const found = prefix && all.length ? all.filter((r) => r.score >= all[0].score / 2) : all;
  const items: CompletionProposal[] = [];
  const edits = (newText: string): TextEdit => ({ range: input.lineIndex.range(tokenStart, tokenEnd), newText });
  for (const [rank, { value: body }] of found.entries()) {
    if (listed.has(body.id)) continue;
    const validity = day ? catalogue.validityOn(body, day) : 'valid';
    const deprecated = validity !== 'valid';
    const name = catalogue.canonicalName(body);
    items.push({
      label: name,
      description: body.name_zh,
      detail: `${body.name_en} · ${body.name_zh}${deprecated ? ` — ${validity === 'before' ? 'not yet established' : 'no longer existed'} on the cited date` : ''}`,
      documentation: bodyMarkdown(body, catalogue),
      kind: 'issuing-body',
      edit: edits(lead + name),
      filterText: prefix,
      sortText: `${deprecated ? 1 : 0}${String(rank).padStart(4, '0')}`,
      deprecated: deprecated || undefined,
    });
  }
  items.sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
  return { items: items.slice(0, MAX_COMPLETIONS), isIncomplete: true };
}

/** Markdown description of an issuing body (completion documentation and hover). */
export function bodyMarkdown(body: IssuingBody, catalogue: Catalogue): string {
  const names = (ids: string[] | undefined) => (ids ?? []).map((id) => {
    const other = catalogue.bodyById(id);
    return other ? `${catalogue.canonicalName(other)} (${other.name_zh})` : id;
  }).join(', ');
  const lines = [`**${body.name_en}** · ${body.name_zh}`, ''];
  if (body.abbreviations?.length) lines.push(`- Abbreviation: ${body.abbreviations.join(', ')}`);
  if (body.name_zh_short?.length) lines.push(`- Short forms: ${body.name_zh_short.join('、')}`);
  lines.push(`- Level: ${body.level}`);
  if (body.valid_from || body.valid_until) lines.push(`- Valid: ${body.valid_from ?? '?'} – ${body.valid_until ?? 'today'}`);
  if (body.predecessors?.length) lines.push(`- Predecessors: ${names(body.predecessors)}`);
  if (body.successors?.length) lines.push(`- Successors: ${names(body.successors)}`);
  if (body.parent) lines.push(`- Parent: ${names([body.parent])}`);
  lines.push(`- Source: ${body.source.join(', ')}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Policy titles

/** A title proposal: from the catalogue or from another brief. */
interface TitleCandidate {
  english?: string;
  chinese?: string;
  catalogue?: PolicyTitle;
  cited?: CitedTitle;
}

function catalogueTitleIndex(catalogue: Catalogue): SearchIndex<TitleCandidate> {
  return cachedIndex(catalogue, 'titles', () => new SearchIndex(
    catalogue.titles.map((t): TitleCandidate => ({ english: t.title_en, chinese: t.title_zh, catalogue: t })),
    (c) => ({ latin: [c.english ?? '', ...(c.catalogue?.translations ?? []).map((t) => t.title), c.catalogue?.doc_number ?? ''], chinese: [c.chinese ?? '', c.catalogue?.title_zh_as_issued ?? ''] }),
  ));
}

function citedTitleIndex(titles: readonly CitedTitle[], catalogue: Catalogue): SearchIndex<TitleCandidate> {
  return cachedIndex(titles, 'cited', () => {
    const seen = new Set<string>();
    const candidates: TitleCandidate[] = [];
    for (const cited of titles) {
      if (cited.chinese && catalogue.titlesByChinese(cited.chinese).length) continue;
      const key = cited.chinese ? chineseTitleKey(cited.chinese) : (cited.english ?? '').toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      candidates.push({ english: cited.english, chinese: cited.chinese, cited });
    }
    return new SearchIndex(candidates, (c) => ({ latin: [c.english ?? ''], chinese: [c.chinese ?? ''] }));
  });
}

/** Warms the search indexes of a catalogue (call off the typing path after loading one). */
export function prepareCompletion(catalogue: Catalogue, workspaceTitles?: readonly CitedTitle[]): void {
  bodyIndex(catalogue);
  catalogueTitleIndex(catalogue);
  if (workspaceTitles) citedTitleIndex(workspaceTitles, catalogue);
}

function articleFieldAt(topic: Topic | undefined, offset: number): { citation: Citation; field: CitationField & { parsed?: NonNullable<Citation['article']>['parsed'] } } | undefined {
  const citation = citationAt(topic, offset);
  const article = citation?.article;
  if (citation && article && offset >= article.line.start && offset <= article.line.end) return { citation, field: article };
  return undefined;
}

function completeTitles(input: CompletionInput, offset: number, valueStart: number, lineEnd: number, topic: Topic | undefined): CompletionResult {
  const { text, schema, catalogue, lineIndex } = input;
  const located = articleFieldAt(topic, offset);
  const parsed = located?.field.parsed;
  const ascii = schema.topic.citation.chineseTitleParentheses === 'ascii';
  const [open, close] = ascii ? ['(', ')'] : ['（', '）'];
  let start: number;
  let end: number;
  let chineseOnly = false;
  if (parsed?.link && offset > parsed.link.span.start) return { items: [], isIncomplete: false };
  const linkStart = parsed?.link?.span.start ?? parsed?.linkPlaceholder?.start ?? lineEnd;
  const group = parsed?.openParen && offset > parsed.openParen.start && (!parsed.closeParen || offset <= parsed.closeParen.start)
    ? { open: parsed.openParen.end, close: parsed.closeParen?.start }
    : lastParenGroup(text, valueStart, offset, linkStart);
  if (group) {
    chineseOnly = true;
    start = group.open;
    end = group.close ?? Math.max(offset, parsed?.chineseTitle?.end ?? offset);
  } else {
    start = valueStart;
    while (start < offset && /[ \t]/.test(text[start])) start++;
    end = parsed?.closeParen?.end ?? parsed?.chineseTitle?.end ?? parsed?.englishTitle?.end ?? offset;
    end = Math.min(Math.max(end, offset), linkStart);
    while (end > offset && /[ \t]/.test(text[end - 1])) end--;
  }
  const prefix = text.slice(start, offset);
  const lead = !chineseOnly && start === offset && /[:：]/.test(text[start - 1] ?? '') ? ' ' : '';
  const query = chineseOnly ? prefix : prefix.replace(/[（(].*$/u, '');
  const fromCatalogue = catalogueTitleIndex(catalogue).search(query, MAX_COMPLETIONS);
  const fromWorkspace = input.workspaceTitles?.length ? citedTitleIndex(input.workspaceTitles, catalogue).search(query, MAX_COMPLETIONS) : [];
  const merged = [...fromCatalogue, ...fromWorkspace].sort((a, b) => b.score - a.score).slice(0, MAX_COMPLETIONS);
  const items: CompletionProposal[] = [];
  for (const [rank, { value: candidate }] of merged.entries()) {
    if (chineseOnly && !candidate.chinese) continue;
    if (!chineseOnly && !candidate.english && !candidate.chinese) continue;
    const newText = chineseOnly
      ? candidate.chinese!
      : lead + [candidate.english, candidate.chinese ? `${open}${candidate.chinese}${close}` : undefined].filter(Boolean).join(' ');
    const title = candidate.catalogue;
    const date = title?.date ?? candidate.cited?.date;
    items.push({
      label: chineseOnly ? candidate.chinese! : candidate.english ?? candidate.chinese!,
      description: chineseOnly ? candidate.english : candidate.chinese,
      detail: [date, title?.doc_number, title ? title.issuing_bodies.join(', ') : candidate.cited?.bodies, candidate.cited ? `cited in ${shortSource(candidate.cited.source)}` : undefined].filter(Boolean).join(' · '),
      documentation: title ? titleMarkdown(title, catalogue) : undefined,
      kind: 'policy-title',
      edit: { range: lineIndex.range(start, end), newText },
      additionalEdits: located ? fillCitation(input, located.citation, candidate) : undefined,
      filterText: prefix,
      sortText: String(rank).padStart(4, '0'),
    });
  }
  return { items, isIncomplete: true };
}

/**
 * The parenthesised group the cursor is in, when it is the last group before the link and
 * follows English text: where the Chinese title goes (`English (shengcheng|)`).
 * @returns offsets just after the opening and at the closing parenthesis (undefined if unclosed)
 */
function lastParenGroup(text: string, valueStart: number, offset: number, linkStart: number): { open: number; close?: number } | undefined {
  let open = -1;
  for (let i = offset - 1; i >= valueStart; i--) {
    const ch = text[i];
    if (ch === ')' || ch === '）') return undefined;
    if (ch === '(' || ch === '（') {
      open = i;
      break;
    }
  }
  if (open < 0 || !/[A-Za-z]/.test(text.slice(valueStart, open))) return undefined;
  for (let i = offset; i < linkStart; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') return undefined;
    if (ch === ')' || ch === '）') {
      if (/[(（]/.test(text.slice(i + 1, linkStart))) return undefined;
      return { open: open + 1, close: i };
    }
  }
  return { open: open + 1 };
}

function shortSource(source: string): string {
  return decodeURIComponent(source.replace(/^.*[\\/]/, ''));
}

/** Edits filling the empty `Issuing bodies:` and `Date:` lines of the citation. */
function fillCitation(input: CompletionInput, citation: Citation, candidate: TitleCandidate): TextEdit[] | undefined {
  const { text, schema, catalogue, lineIndex } = input;
  const edits: TextEdit[] = [];
  const fill = (field: CitationField | undefined, value: string | undefined) => {
    if (!field || !value || field.value.text.trim()) return;
    const at = field.line.end;
    const space = /[ \t]$/.test(text.slice(field.label.whole.end, at)) || at > field.label.whole.end && /\s/.test(text[at - 1]) ? '' : ' ';
    edits.push({ range: lineIndex.range(at, at), newText: space + value });
  };
  let bodies: string | undefined;
  let date: string | undefined;
  if (candidate.catalogue) {
    bodies = candidate.catalogue.issuing_bodies.map((id) => {
      const body = catalogue.bodyById(id);
      return body ? catalogue.canonicalName(body) : id;
    }).join(schema.topic.citation.issuingBodySeparator);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(candidate.catalogue.date) ? parsePartialDate(candidate.catalogue.date)?.first : undefined;
    date = day !== undefined ? formatCitationDate(day, schema.topic.citation.dateFormat) : undefined;
  } else if (candidate.cited) {
    bodies = candidate.cited.bodies;
    date = candidate.cited.date;
  }
  fill(citation.issuingBodies, bodies);
  fill(citation.date, date);
  return edits.length ? edits : undefined;
}

/** Markdown description of a catalogue policy title (completion documentation and hover). */
export function titleMarkdown(title: PolicyTitle, catalogue: Catalogue): string {
  const bodies = title.issuing_bodies.map((id) => {
    const body = catalogue.bodyById(id);
    return body ? `${catalogue.canonicalName(body)} (${body.name_zh})` : id;
  });
  const lines = [`**${title.title_en}**`, '', title.title_zh, ''];
  lines.push(`- Date: ${title.date}`);
  if (title.doc_number) lines.push(`- Document number: ${title.doc_number}`);
  lines.push(`- Issuing bodies: ${bodies.join(', ')}`);
  lines.push(`- Type: ${title.doc_type.en} (${title.doc_type.zh})${title.draft ? ' — draft' : ''}`);
  for (const t of title.translations ?? []) lines.push(`- Also translated: ${t.title}${t.by ? ` (${t.by})` : ''}`);
  lines.push(`- Source: ${title.source.join(', ')}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Labels and skeletons

function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, '\\$&');
}

function completeLabels(input: CompletionInput, offset: number, lineStart: number, lineEnd: number): CompletionResult {
  const { text, model, schema, lineIndex } = input;
  let start = lineStart;
  while (start < offset && /[ \t]/.test(text[start])) start++;
  let end = offset;
  while (end < lineEnd && /[\p{L}\p{N}]/u.test(text[end])) end++;
  // A label already completed on this line is replaced whole (`**At a gl|ance:**`).
  const labels = schemaLabels(schema);
  const existing = labels.parts.match(text.slice(lineStart, lineEnd), lineStart) ?? labels.fields.match(text.slice(lineStart, lineEnd), lineStart);
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
      for (const part of schema.topic.parts) push(`**${part.label}:**`, `**${part.label}:** `, partExpectation(part), 'label', false, part.label);
      for (const field of schema.topic.citation.fields) push(`${field.label}:`, `${field.label}: `, `Citation line (${field.required ? 'required' : 'optional'})`, 'label', false, field.label);
    }
    const fields = schema.topic.citation.fields;
    const label = (id: string) => escapeSnippet(fields.find((f) => f.id === id)?.label ?? id);
    const [open, close] = schema.topic.citation.chineseTitleParentheses === 'ascii' ? ['(', ')'] : ['（', '）'];
    if (inTopics) {
      push('Citation skeleton', [`${label('article')}: \${1:English title} ${open}\${2:中文标题}${close} ([Link](\${3:https://}))`, `${label('issuing-bodies')}: $4`, `${label('date')}: \${5:${escapeSnippet(schema.topic.citation.dateFormat)}}$0`].join(eol), 'Article, issuing bodies and date lines', 'skeleton', true, 'citation skeleton article');
    }
  }
  const level = schema.issue.topics.headingLevel;
  const number = (input.topicsBefore ?? 0) + model.topics.filter((t) => t.start < lineStart).length + 1;
  const parts = schema.topic.parts.map((p, i) => `**${escapeSnippet(p.label)}:** \${${i + 2}}`);
  const citationLines = schema.topic.citation.fields.map((f) => `${escapeSnippet(f.label)}: `);
  const skeleton = [`${'#'.repeat(level)} ${schema.issue.topics.numbered ? `${number}. ` : ''}\${1:Headline}`, '', ...parts.flatMap((p) => [p, '']), ...citationLines].join(eol) + '$0';
  push('Topic skeleton', skeleton, `A new topic with the parts of “${schema.name}”`, 'skeleton', true, 'topic skeleton heading');
  return { items, isIncomplete: true };
}

/** What the schema expects of a part, as one line. */
export function partExpectation(part: IssueSchema['topic']['parts'][number]): string {
  const facts = [part.required ? 'required' : 'optional'];
  if (part.leadMaxWords) facts.push(`lead ≤ ${part.leadMaxWords} words`);
  if (part.maxWords) facts.push(`≤ ${part.maxWords} words`);
  if (part.keyPoints) facts.push(`${part.keyPoints.required ? '' : 'optional '}key points ${part.keyPoints.min ?? 0}–${part.keyPoints.max ?? '∞'}${part.keyPoints.maxWords ? ` of ≤ ${part.keyPoints.maxWords} words` : ''}`);
  if (part.aliases?.length) facts.push(`also accepted: ${part.aliases.join(', ')}`);
  return `Part “${part.label}”: ${facts.join('; ')}`;
}

