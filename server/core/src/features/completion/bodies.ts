/**
 * Completion of issuing bodies in the value of an `Issuing bodies:` line, or where a schema
 * pattern captures them (`CAC, MIIT | 12.2020`, a heading's metadata): by abbreviation,
 * English name, 中文 or pinyin. The proposal replaces the token being typed and, after another
 * body, the separator written before it, so accepting always leaves the schema's separator
 * (`MIIT,fagai|` → `MIIT, NDRC`). Bodies already on the line are still shown, marked and last.
 */
import type { Citation, Topic } from '../../model/types';
import type { IssueSchema } from '../../schema/types';
import type { Catalogue } from '../../catalogue/catalogue';
import type { IssuingBody } from '../../catalogue/types';
import { citationDay } from '../../catalogue/citationDate';
import type { Day } from '../../catalogue/dates';
import { cachedIndex, SearchIndex } from '../search';
import { bodyMarkdown } from '../describe';
import type { CompletionProposal, CompletionResult } from '../types';
import type { BodiesValue } from './context';
import { MAX_COMPLETIONS, SEPARATORS, withDetails, type CompletionInput } from './input';

/** The search index of a catalogue's bodies (built once per catalogue). */
export function bodyIndex(catalogue: Catalogue): SearchIndex<IssuingBody> {
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

/**
 * Proposals for the cursor at `offset` (UTF-16 document offset) in issuing bodies: the value of an
 * `Issuing bodies:` line, or a pattern's capture (`value.names` gives the names as the rules
 * read them, so that ` and ` separates them as it does for the rules and a full name with "and"
 * in it is one name). Each proposal replaces the
 * name under the cursor, never text outside `value`.
 */
export function completeBodies(input: CompletionInput, offset: number, value: BodiesValue, citation: Citation | undefined, topic: Topic | undefined): CompletionResult {
  const { text, schema, catalogue } = input;
  const valueStart = value.start;
  const valueEnd = value.end;
  let tokenStart = offset;
  let tokenEnd = offset;
  const name = value.names?.find((n) => offset >= n.start && offset <= n.end);
  if (name) [tokenStart, tokenEnd] = [name.start, name.end];
  else if (!value.names || value.line) {
    while (tokenStart > valueStart && !SEPARATORS.test(text[tokenStart - 1])) tokenStart--;
    while (tokenStart < offset && /\s/.test(text[tokenStart])) tokenStart++;
    while (tokenEnd < valueEnd && !SEPARATORS.test(text[tokenEnd])) tokenEnd++;
    while (tokenEnd > offset && /\s/.test(text[tokenEnd - 1])) tokenEnd--;
  }
  const prefix = text.slice(tokenStart, offset);
  const separator = schema.topic.citation.issuingBodySeparator;
  // After another body: replace what separates them by the schema's separator.
  let previousEnd = tokenStart;
  while (previousEnd > valueStart && (/\s/.test(text[previousEnd - 1]) || SEPARATORS.test(text[previousEnd - 1]))) previousEnd--;
  const afterBody = previousEnd > valueStart && SEPARATORS.test(text.slice(previousEnd, tokenStart));
  const editStart = afterBody ? previousEnd : tokenStart;
  const lead = afterBody ? separator : tokenStart === offset && /[:：]/.test(text[tokenStart - 1] ?? '') ? ' ' : '';
  // Names already in the value (other than the one being typed): shown last, marked.
  const listed = new Set<string>();
  const names = value.names ? value.names.map((n) => n.text) : text.slice(valueStart, valueEnd).split(SEPARATORS);
  for (const name of names) {
    const trimmed = name.trim();
    if (!trimmed || text.slice(tokenStart, tokenEnd).trim() === trimmed) continue;
    const found = catalogue.lookupBody(trimmed);
    if (found) listed.add(found.body.id);
  }
  const day = citedDay(schema, topic, citation);
  const all = bodyIndex(catalogue).search(prefix, prefix ? MAX_COMPLETIONS * 2 : catalogue.bodies.length);
  // Keep matches at least half as good as the best one: weak fuzzy hits only add noise.
  const found = prefix && all.length ? all.filter((r) => r.score >= all[0].score / 2) : all;
  const range = input.lineIndex.range(editStart, tokenEnd);
  const filterText = text.slice(editStart, offset);
  const items: CompletionProposal[] = [];
  for (const [rank, { value: body }] of found.entries()) {
    const already = listed.has(body.id);
    const validity = day ? catalogue.validityOn(body, day) : 'valid';
    const deprecated = validity !== 'valid';
    const name = catalogue.canonicalName(body, day);
    const note = already ? ' — already listed' : deprecated ? ` — ${validity === 'before' ? 'not yet established' : 'no longer existed'} on the cited date` : '';
    items.push(withDetails(input, {
      label: name,
      description: already ? `${body.name_zh} · already listed` : body.name_zh,
      detail: `${body.name_en} · ${body.name_zh}${note}`,
      kind: 'issuing-body',
      edit: { range, newText: lead + name },
      filterText,
      sortText: `${already ? 2 : deprecated ? 1 : 0}${String(rank).padStart(4, '0')}`,
      deprecated: deprecated || undefined,
    }, { documentation: () => bodyMarkdown(body, catalogue) }));
  }
  items.sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
  return { items: items.slice(0, MAX_COMPLETIONS), isIncomplete: true };
}
