/**
 * The words shown to an author about catalogue entries and schema parts: hover text and
 * completion documentation. Internal values (level keys, source keys, catalogue ids) are turned
 * into words and links here, once, for both features.
 */
import type { Catalogue } from '../catalogue/catalogue';
import type { IssuingBody, PolicyTitle } from '../catalogue/types';
import type { IssueSchema } from '../schema/types';

/** A source key or URL as a Markdown link named by its host (`[gov.cn](https://www.gov.cn/…)`). */
export function sourceLink(source: string, catalogue: Catalogue): string {
  const url = /^https?:\/\//.test(source) ? source : catalogue.sources.get(source);
  if (!url) return source;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
  return `[${host}](${url})`;
}

/** What a level key means, in words: the `levels:` map of the catalogue, else the key spelled out. */
export function levelWords(level: string, catalogue: Catalogue): string {
  const words = catalogue.levels.get(level) ?? level.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A body by id as `MIIT (工业和信息化部)`; the id itself when the catalogue lacks it. */
export function bodyWords(id: string, catalogue: Catalogue): string {
  const body = catalogue.bodyById(id);
  return body ? `${catalogue.canonicalName(body)} (${body.name_zh})` : id;
}

/** Markdown description of an issuing body (hover and completion documentation). */
export function bodyMarkdown(body: IssuingBody, catalogue: Catalogue): string {
  const names = (ids: string[] | undefined) => (ids ?? []).map((id) => bodyWords(id, catalogue)).join(', ');
  const lines = [`**${body.name_en}** · ${body.name_zh}`, ''];
  if (body.abbreviations?.length) lines.push(`- Abbreviation: ${body.abbreviations.join(', ')}`);
  if (body.name_zh_short?.length) lines.push(`- Short forms: ${body.name_zh_short.join('、')}`);
  lines.push(`- Level: ${levelWords(body.level, catalogue)}`);
  if (body.valid_from || body.valid_until) lines.push(`- Existed: ${body.valid_from ?? 'unknown'} – ${body.valid_until ?? 'today'}`);
  if (body.predecessors?.length) lines.push(`- Predecessors: ${names(body.predecessors)}`);
  if (body.successors?.length) lines.push(`- Successors: ${names(body.successors)}`);
  if (body.parent) lines.push(`- Part of: ${names([body.parent])}`);
  lines.push(`- Sources: ${body.source.map((s) => sourceLink(s, catalogue)).join(', ')}`);
  return lines.join('\n');
}

/** Markdown description of a catalogue policy title (hover and completion documentation). */
export function titleMarkdown(title: PolicyTitle, catalogue: Catalogue): string {
  const lines = [`**${title.title_en}**`, '', title.title_zh, ''];
  lines.push(`- Date: ${title.date}`);
  if (title.doc_number) lines.push(`- Document number: ${title.doc_number}`);
  lines.push(`- Issuing bodies: ${title.issuing_bodies.map((id) => bodyWords(id, catalogue)).join(', ')}`);
  if (title.doc_type.en) lines.push(`- Type: ${title.doc_type.en} (${title.doc_type.zh})${title.draft ? ' — draft for comment' : ''}`);
  for (const t of title.translations ?? []) if (t.title !== title.title_en) lines.push(`- Also translated: ${t.title}`);
  lines.push(`- Sources: ${title.source.map((s) => sourceLink(s, catalogue)).join(', ')}`);
  return lines.join('\n');
}

/** What the schema expects of a part, as one line. */
export function partExpectation(part: IssueSchema['topic']['parts'][number]): string {
  const facts = [part.required ? 'required' : 'optional'];
  if (part.leadMaxWords) facts.push(`lead ≤ ${part.leadMaxWords} words`);
  if (part.maxWords) facts.push(`≤ ${part.maxWords} words`);
  if (part.keyPoints) facts.push(`${part.keyPoints.required ? '' : 'optional '}key points ${part.keyPoints.min ?? 0}–${part.keyPoints.max ?? '∞'}${part.keyPoints.maxWords ? ` of ≤ ${part.keyPoints.maxWords} words` : ''}`);
  if (part.aliases?.length) facts.push(`also accepted: ${part.aliases.join(', ')}`);
  return `Part “${part.label ?? part.id}”: ${facts.join('; ')}`;
}
