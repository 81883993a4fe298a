/**
 * Completion of policy titles in the value of an `Article:` line, from the catalogue and from
 * titles cited in other briefs of the workspace: by English words, 中文 or pinyin. Before the
 * parentheses a proposal inserts `English (中文)`; inside them (`English (shengcheng|)`, also with
 * no English yet) only the Chinese title, ranking first the titles whose English matches the
 * English title already on the line. Accepting a title also fills the citation's link, issuing
 * bodies and date from the catalogue where those are empty or a placeholder.
 */
import type { Citation, CitationField, Topic } from '../../model/types';
import type { TextEdit } from '../../findings';
import type { Catalogue } from '../../catalogue/catalogue';
import type { PolicyTitle } from '../../catalogue/types';
import { formatCitationDate } from '../../catalogue/citationDate';
import { parsePartialDate } from '../../catalogue/dates';
import { chineseTitleKey } from '../../catalogue/normalize';
import { cachedIndex, SearchIndex } from '../search';
import { citationAt } from '../locate';
import { titleMarkdown } from '../describe';
import type { CitedTitle, CompletionProposal, CompletionResult } from '../types';
import type { CursorLine } from './context';
import { MAX_COMPLETIONS, withDetails, type CompletionInput } from './input';

/** A title proposal: from the catalogue or from another brief. */
interface TitleCandidate {
  english?: string;
  chinese?: string;
  catalogue?: PolicyTitle;
  cited?: CitedTitle;
}

/** The search index of a catalogue's titles (built once per catalogue). */
export function catalogueTitleIndex(catalogue: Catalogue): SearchIndex<TitleCandidate> {
  return cachedIndex(catalogue, 'titles', () => new SearchIndex(
    catalogue.titles.map((t): TitleCandidate => ({ english: t.title_en, chinese: t.title_zh, catalogue: t })),
    (c) => ({ latin: [c.english ?? '', ...(c.catalogue?.translations ?? []).map((t) => t.title), c.catalogue?.doc_number ?? ''], chinese: [c.chinese ?? '', c.catalogue?.title_zh_as_issued ?? ''] }),
  ));
}

/** The search index of titles cited in other briefs and not in the catalogue (built once per list). */
export function citedTitleIndex(titles: readonly CitedTitle[], catalogue: Catalogue): SearchIndex<TitleCandidate> {
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

/** Where the cursor is on the `Article:` line and what the proposals replace (UTF-16 document offsets). */
interface TitleSlot {
  /** Inside the parentheses of the Chinese title: propose Chinese titles only. */
  chineseOnly: boolean;
  start: number;
  end: number;
  /** The English title already written before the parentheses (inside them only), trimmed. */
  english: string;
}

function titleSlot(input: CompletionInput, offset: number, line: CursorLine, valueStart: number, article: Citation['article'] | undefined): TitleSlot | undefined {
  const { text } = input;
  const parsed = article?.parsed;
  if (parsed?.link && offset > parsed.link.span.start) return undefined;
  const linkStart = parsed?.link?.span.start ?? parsed?.linkPlaceholder?.start ?? line.end;
  const group = parsed?.openParen && offset > parsed.openParen.start && (!parsed.closeParen || offset <= parsed.closeParen.start)
    ? { open: parsed.openParen.end, close: parsed.closeParen?.start }
    : lastParenGroup(text, valueStart, offset, linkStart);
  if (group) {
    return {
      chineseOnly: true,
      start: group.open,
      end: group.close ?? Math.max(offset, parsed?.chineseTitle?.end ?? offset),
      english: text.slice(valueStart, group.open - 1).trim(),
    };
  }
  let start = valueStart;
  while (start < offset && /[ \t]/.test(text[start])) start++;
  let end = parsed?.closeParen?.end ?? parsed?.chineseTitle?.end ?? parsed?.englishTitle?.end ?? offset;
  end = Math.min(Math.max(end, offset), linkStart);
  while (end > offset && /[ \t]/.test(text[end - 1])) end--;
  return { chineseOnly: false, start, end, english: '' };
}

/**
 * The parenthesised group the cursor is in, when it is the last group before the link and
 * follows nothing but English text (or nothing): where the Chinese title goes (`English (shengcheng|)`).
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
  if (open < 0 || /[\p{Script=Han}]/u.test(text.slice(valueStart, open))) return undefined;
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

/** Candidates for `query`, best first; inside the parentheses, those matching `english` first. */
function rankedCandidates(input: CompletionInput, query: string, english: string): TitleCandidate[] {
  const { catalogue } = input;
  const indexes = [catalogueTitleIndex(catalogue), ...(input.workspaceTitles?.length ? [citedTitleIndex(input.workspaceTitles, catalogue)] : [])];
  const score = new Map<TitleCandidate, number>();
  for (const index of indexes) for (const { value, score: s } of index.search(query, MAX_COMPLETIONS)) score.set(value, s);
  if (english) {
    // The English title on the line decides first; the typed 中文 or pinyin narrows within it.
    const byEnglish = new Map<TitleCandidate, number>();
    for (const index of indexes) for (const { value, score: s } of index.search(english, MAX_COMPLETIONS)) if (s >= 1) byEnglish.set(value, s);
    const ranked = [...score.keys(), ...(query ? [] : byEnglish.keys())];
    const combined = (c: TitleCandidate) => (byEnglish.get(c) ?? 0) * 2 + (score.get(c) ?? 0);
    return [...new Set(ranked)].filter((c) => !query || score.has(c)).sort((a, b) => combined(b) - combined(a));
  }
  const sorted = [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)!);
  // Fuzzy hits (score < 1: skipped letters) only when nothing contains the words: noise otherwise.
  return query && (score.get(sorted[0]) ?? 0) >= 1 ? sorted.filter((c) => score.get(c)! >= 1) : sorted;
}

/** Proposals for the cursor at `offset` in the value (from `valueStart`) of an `Article:` line. */
export function completeTitles(input: CompletionInput, offset: number, line: CursorLine, valueStart: number, topic: Topic | undefined): CompletionResult {
  const { text, schema, lineIndex } = input;
  const citation = citationAt(topic, offset);
  const article = citation?.article && offset >= citation.article.line.start && offset <= citation.article.line.end ? citation.article : undefined;
  const slot = titleSlot(input, offset, line, valueStart, article);
  if (!slot) return { items: [], isIncomplete: false };
  const [open, close] = schema.topic.citation.chineseTitleParentheses === 'ascii' ? ['(', ')'] : ['（', '）'];
  const prefix = text.slice(slot.start, offset);
  const lead = !slot.chineseOnly && slot.start === offset && /[:：]/.test(text[slot.start - 1] ?? '') ? ' ' : '';
  const query = slot.chineseOnly ? prefix : prefix.replace(/[（(].*$/u, '');
  const parsed = article?.parsed;
  // A link to fill: none yet (append it to the title when nothing follows) or a placeholder.
  const placeholder = parsed?.linkPlaceholder ?? (parsed?.link && /^(https?:\/\/)?$/.test(parsed.link.url) ? parsed.link.span : undefined);
  const appendLink = !slot.chineseOnly && !parsed?.link && !placeholder && !text.slice(slot.end, line.end).trim();
  const range = lineIndex.range(slot.start, slot.end);
  const fills = citation ? citationFills(input, citation) : {};
  const items: CompletionProposal[] = [];
  for (const candidate of rankedCandidates(input, query, slot.english)) {
    if (slot.chineseOnly ? !candidate.chinese : !candidate.english && !candidate.chinese) continue;
    const title = candidate.catalogue;
    const url = title ? documentLink(title) : undefined;
    let newText = slot.chineseOnly
      ? candidate.chinese!
      : lead + [candidate.english, candidate.chinese ? `${open}${candidate.chinese}${close}` : undefined].filter(Boolean).join(' ');
    if (url && appendLink) newText += ` ([Link](${url}))`;
    const date = title?.date ?? candidate.cited?.date;
    items.push(withDetails(input, {
      label: slot.chineseOnly ? candidate.chinese! : candidate.english ?? candidate.chinese!,
      description: slot.chineseOnly ? candidate.english : candidate.chinese,
      detail: [date, title?.doc_number, title ? title.issuing_bodies.join(', ') : candidate.cited?.bodies, candidate.cited ? `cited in ${shortSource(candidate.cited.source)}` : undefined].filter(Boolean).join(' · '),
      kind: 'policy-title',
      edit: { range, newText },
      filterText: prefix,
      sortText: String(items.length).padStart(4, '0'),
    }, {
      documentation: title ? () => titleMarkdown(title, input.catalogue) : undefined,
      additionalEdits: () => {
        const edits = fillCitation(input, fills, candidate);
        if (url && placeholder) edits.push({ range: lineIndex.range(placeholder.start, placeholder.end), newText: `([Link](${url}))` });
        return edits;
      },
    }));
    if (items.length >= MAX_COMPLETIONS) break;
  }
  return { items, isIncomplete: true };
}

function shortSource(source: string): string {
  return decodeURIComponent(source.replace(/^.*[\\/]/, ''));
}

/**
 * The address of the document for the citation link: the first source of the entry on a Chinese
 * government site (`*.gov.cn`), where the text was published; undefined when the catalogue lists
 * only secondary sources (news, translations), which are not the document.
 */
function documentLink(title: PolicyTitle): string | undefined {
  return title.source.find((u) => /^https?:\/\/[^/]*\.gov\.cn(?:[:/]|$)/.test(u));
}

/** True when a citation line's value is empty or a placeholder (`TODO`, `…`, the date format itself). */
function isPlaceholder(value: string, dateFormat: string): boolean {
  const v = value.trim();
  return !v || v === dateFormat || /^(?:todo|tbd|\.\.\.|…|-+|\?+)$/i.test(v) || /^(?:YYYY|Month\b)/.test(v);
}

/** Where a citation line's value goes: the range replaced and the text put before the value. */
interface FillSlot {
  range: TextEdit['range'];
  lead: string;
}

/**
 * The citation's `Issuing bodies:` and `Date:` lines that a title fills (empty or a placeholder):
 * the same for every proposal, so found once per request.
 */
function citationFills(input: CompletionInput, citation: Citation): { bodies?: FillSlot; date?: FillSlot } {
  const { text, schema, lineIndex } = input;
  const slot = (field: CitationField | undefined): FillSlot | undefined => {
    if (!field || !isPlaceholder(field.value.text, schema.topic.citation.dateFormat)) return undefined;
    if (field.value.text.trim()) return { range: lineIndex.range(field.value.start, field.value.end), lead: '' };
    // An empty value: replace whatever blanks follow the label, up to the line break.
    const from = field.label.whole.end;
    const to = lineIndex.lineEnd(lineIndex.positionAt(field.line.start).line);
    return { range: lineIndex.range(from, Math.max(from, to)), lead: /\s/.test(text[from - 1] ?? '') ? '' : ' ' };
  };
  return { bodies: slot(citation.issuingBodies), date: slot(citation.date) };
}

/** Edits filling the lines of `fills` with `candidate`'s issuing bodies and date (runs for every proposal of every keystroke). */
function fillCitation(input: CompletionInput, fills: { bodies?: FillSlot; date?: FillSlot }, candidate: TitleCandidate): TextEdit[] {
  const { schema, catalogue } = input;
  const edits: TextEdit[] = [];
  const fill = (slot: FillSlot | undefined, valueOf: () => string | undefined) => {
    const value = slot && valueOf();
    if (value) edits.push({ range: slot.range, newText: slot.lead + value });
  };
  const title = candidate.catalogue;
  fill(fills.bodies, () => title
    ? title.issuing_bodies.map((id) => {
      const body = catalogue.bodyById(id);
      return body ? catalogue.canonicalName(body) : id;
    }).join(schema.topic.citation.issuingBodySeparator)
    : candidate.cited?.bodies);
  fill(fills.date, () => title ? catalogueDate(title.date, schema.topic.citation.dateFormat) : candidate.cited?.date);
  return edits;
}

/** Catalogue dates (`YYYY-MM-DD`) in citation formats, as `formatCitationDate` writes them. */
const formattedDates = new Map<string, string | undefined>();

/** A catalogue date (`YYYY-MM-DD`; undefined for a month or a year) in the citation's `dateFormat`. */
function catalogueDate(date: string, dateFormat: string): string | undefined {
  const key = `${dateFormat}\n${date}`;
  if (formattedDates.has(key)) return formattedDates.get(key);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parsePartialDate(date)?.first : undefined;
  const formatted = day !== undefined ? formatCitationDate(day, dateFormat) : undefined;
  // Bounded by the catalogue's dates times the formats in use; cleared should a stray input grow it.
  if (formattedDates.size > 100_000) formattedDates.clear();
  formattedDates.set(key, formatted);
  return formatted;
}
