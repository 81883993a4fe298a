/**
 * The documents list of an archive (`policy-brief documents`): every distinct document cited,
 * with each English rendering and where it is used, issuing bodies, dates, document numbers,
 * its catalogue entry and the conflicts; and, for the documents the catalogue lacks, entries
 * of a team `policy-titles.yaml` built from the archive itself.
 */
import { stringify } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import { documentNumberKey } from '../catalogue/normalize';
import type { PolicyTitle } from '../catalogue/types';
import type { ArchiveIndex } from './archiveIndex';
import type { ArchiveCitation, ArchiveSpan } from './types';
import { catalogueListInsertion } from '../features/codeActions';

/** A place a value is used: brief id and 1-based line. */
export interface DocumentUse {
  brief: string;
  /** 1-based line of the value in the brief (the Article line for a rendering, the Date line for a date …). */
  line: number;
}

/** One value (a rendering, a date, a body list) and where it is used. */
export interface DocumentValue {
  value: string;
  uses: DocumentUse[];
}

/** One distinct cited document of the archive. */
export interface DocumentSummary {
  /** The index key (`zh:…`, `no:…` or `en:…`). */
  key: string;
  /** The Chinese title as first written. */
  chinese?: string;
  /** English renderings, most used first. */
  renderings: DocumentValue[];
  /** Issuing-body lists as written, most used first. */
  issuingBodies: DocumentValue[];
  /** Dates as written, most used first (different spellings of one day are one value: the first spelling). */
  dates: DocumentValue[];
  documentNumbers: DocumentValue[];
  /** Link URLs given in the citations. */
  links: string[];
  /** The catalogue entry's id, when the catalogue has the document. */
  catalogueId?: string;
  /** Human-readable conflicts: several renderings not accepted by the catalogue, several dates, several body lists. */
  conflicts: string[];
  /** Number of distinct briefs citing it. */
  briefCount: number;
}

/** The citations' values grouped by `keyOf`, each value as `spanOf` gives it first, with every use at the line of its span. */
function group(citations: readonly ArchiveCitation[], keyOf: (c: ArchiveCitation) => string | undefined, spanOf: (c: ArchiveCitation) => ArchiveSpan | undefined): DocumentValue[] {
  const byKey = new Map<string, DocumentValue>();
  for (const c of citations) {
    const key = keyOf(c);
    const span = spanOf(c);
    if (key === undefined || span === undefined) continue;
    let value = byKey.get(key);
    if (!value) byKey.set(key, (value = { value: span.text.trim(), uses: [] }));
    value.uses.push({ brief: c.briefId, line: span.range.start.line + 1 });
  }
  return [...byKey.values()].sort((a, b) => b.uses.length - a.uses.length);
}

/**
 * Every document of the archive, sorted by Chinese title (then key).
 * @param catalogue the catalogue to look entries up in (the team's, or the bundled one)
 */
export function archiveDocuments(index: ArchiveIndex, catalogue: Catalogue): DocumentSummary[] {
  return index.documents().map(({ key, citations }) => summarizeDocument(key, citations, catalogue))
    .sort((a, b) => (a.chinese ?? '\uffff' + a.key).localeCompare(b.chinese ?? '\uffff' + b.key));
}

/** The summary of one document of the archive from its citations (see `archiveDocuments`). */
function summarizeDocument(key: string, citations: readonly ArchiveCitation[], catalogue: Catalogue): DocumentSummary {
  const chinese = citations.find((c) => c.chinese)?.chinese?.text.trim();
  const cataloguedAs = citations.find((c) => c.catalogueId)?.catalogueId;
  const entry = cataloguedAs ? catalogue.titleWithId(cataloguedAs) : chinese ? catalogue.titlesByChinese(chinese)[0] : undefined;
  const renderings = group(citations, (c) => c.englishKey, (c) => c.english);
  const issuingBodies = group(citations, (c) => (c.bodyKeys.length ? c.bodyKeys.join(',') : undefined), (c) => c.bodiesValue);
  const dates = group(citations, (c) => c.day, (c) => c.date);
  const documentNumbers = group(citations, (c) => c.documentNumber && documentNumberKey(c.documentNumber.text), (c) => c.documentNumber);
  const accepted = new Set(entry ? [entry.title_en, ...(entry.translations ?? []).map((t) => t.title)].map((t) => t.toLowerCase()) : []);
  const conflicts: string[] = [];
  const unaccepted = renderings.filter((r) => !accepted.has(r.value.toLowerCase()));
  if (renderings.length > 1 && unaccepted.length) conflicts.push(`${renderings.length} English renderings`);
  if (dates.length > 1) conflicts.push(`${dates.length} dates`);
  if (issuingBodies.length > 1) conflicts.push(`${issuingBodies.length} lists of issuing bodies`);
  return {
    key,
    chinese,
    renderings,
    issuingBodies,
    dates,
    documentNumbers,
    links: [...new Set(citations.map((c) => c.link).filter((l): l is string => !!l))],
    catalogueId: entry?.id,
    conflicts,
    briefCount: new Set(citations.map((c) => c.briefId)).size,
  };
}

const BODY_ID = /^[A-Z0-9][A-Z0-9-]*$/;

/** A slug id for a new catalogue entry: English title words (at most 8) and the year. */
function slug(english: string, day: string | undefined): string {
  const words = english.toLowerCase().normalize('NFKD').replace(/[^a-z0-9\s-]/g, ' ').split(/[\s-]+/).filter((w) => w && !['on', 'the', 'of', 'for', 'and', 'a', 'an', 'to', 'in'].includes(w)).slice(0, 8);
  return [...words, ...(day ? [day.slice(0, 4)] : [])].join('-') || 'document';
}

/**
 * A team `policy-titles.yaml` with the documents the catalogue lacks (those with a Chinese
 * title): the most used rendering as `title_en`, every rendering as a translation `by` the briefs
 * using it, the most used issuing bodies and date, the citations' links as `source`, confidence
 * `low` (seen only in the team's own briefs). Entries without any link are written commented
 * out, since the catalogue requires a source URL.
 * @param nameOf short name of a brief (a relative path)
 */
export function policyTitlesYaml(documents: readonly DocumentSummary[], index: ArchiveIndex, catalogue: Catalogue, nameOf: (briefId: string) => string = (id) => id): string {
  const lines = [
    '# Policy titles cited in the team\'s briefs that the catalogue lacks, written by `policy-brief documents --format yaml`.',
    '# Each entry was seen only in the briefs named under `translations` (confidence: low): check the facts, then',
    '# merge the entries into .policy-brief/policy-titles.yaml.',
    'schemaVersion: 1',
    'titles:',
  ];
  const ids = new Set<string>();
  let count = 0;
  for (const doc of documents) {
    const made = policyTitleEntry(doc, index, catalogue, nameOf, ids);
    if (!made) continue;
    const text = stringify([made.entry], { lineWidth: 0 }).trimEnd().split('\n').map((l) => `  ${l}`);
    lines.push('');
    if (made.missing.length) lines.push(`  # Needs ${made.missing.join(', ')} before it can be used:`, ...text.map((l) => `  #${l.slice(1)}`));
    else lines.push(...text);
    count++;
  }
  if (!count) lines[lines.length - 1] = 'titles: []';
  return lines.join('\n') + '\n';
}

/**
 * A catalogue entry for a document the catalogue lacks, made from the archive (see
 * `policyTitlesYaml`); undefined when the catalogue has it or it has no Chinese title.
 * @param taken ids already used (the new id is added)
 * @returns the entry and what it lacks for the catalogue's JSON Schema ('a source URL', 'issuing-body ids', 'a date')
 */
export function policyTitleEntry(doc: DocumentSummary, index: ArchiveIndex, catalogue: Catalogue, nameOf: (briefId: string) => string = (id) => id, taken = new Set<string>()): { entry: Partial<PolicyTitle>; missing: string[] } | undefined {
  if (doc.catalogueId || !doc.chinese || !doc.key.startsWith('zh:')) return undefined;
  const citations = index.citationsOf(doc.key);
  const english = doc.renderings[0]?.value ?? '';
  const day = citations.find((c) => c.day && doc.dates[0] && c.date?.text.trim() === doc.dates[0].value)?.day;
  let id = slug(english, day);
  for (let n = 2; taken.has(id) || catalogue.titles.some((t) => t.id === id); n++) id = `${slug(english, day)}-${n}`;
  taken.add(id);
  const type = catalogue.documentTypeOf(doc.chinese);
  const typeZh = type?.zh.filter((zh) => doc.chinese!.replace(/（[^）]*）$/, '').endsWith(zh)).sort((a, b) => b.length - a.length)[0];
  const bodies = (citations.find((c) => c.bodyKeys.length && c.bodiesValue?.text.trim() === doc.issuingBodies[0]?.value)?.bodyKeys ?? []).filter((b) => BODY_ID.test(b));
  const entry: Partial<PolicyTitle> = {
    id,
    title_zh: doc.chinese.replace(/[《》]/g, '').replace(/\(/g, '（').replace(/\)/g, '）'),
    title_en: english || 'TODO',
    translations: doc.renderings.map((r) => ({ title: r.value, by: `team briefs: ${[...new Set(r.uses.map((u) => nameOf(u.brief)))].join(', ')}` })),
    issuing_bodies: bodies,
    doc_type: { zh: typeZh ?? null, en: typeZh && type ? type.en[0] ?? null : null },
    date: day ?? '',
    source: doc.links,
    confidence: 'low',
  };
  const missing = [!doc.links.length && 'a source URL', !bodies.length && 'issuing-body ids', !day && 'a date'].filter((m): m is string => !!m);
  return { entry, missing };
}

/**
 * The edit adding the document `documentKey` to a team `policy-titles.yaml` (the "Add to the
 * team's policy titles" quick fix): undefined when the catalogue has it, or the archive lacks a
 * fact the catalogue requires (a link as source, known issuing bodies, a date).
 * @param existing the team file's text, or undefined when it does not exist
 * @returns replace UTF-16 offsets `[start, end)` of `existing` by `newText`; `id` is the new entry's id
 */
export function policyTitleStubInsertion(documentKey: string, index: ArchiveIndex, catalogue: Catalogue, existing: string | undefined, nameOf?: (briefId: string) => string): { start: number; end: number; newText: string; id: string } | undefined {
  const citations = index.citationsOf(documentKey);
  const doc = citations.length ? summarizeDocument(documentKey, citations, catalogue) : undefined;
  const made = doc && policyTitleEntry(doc, index, catalogue, nameOf);
  if (!made || made.missing.length) return undefined;
  const lines = stringify([made.entry], { lineWidth: 0 }).trimEnd().split('\n');
  const entry = (indent: string) => [lines[0], '  # Added from the team\'s briefs (confidence: low): check the facts against the source.', ...lines.slice(1)].map((l) => indent + l);
  const inserted = catalogueListInsertion('titles', entry, existing);
  return inserted && { ...inserted, id: made.entry.id! };
}
