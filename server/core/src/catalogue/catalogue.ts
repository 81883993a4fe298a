/**
 * The catalogues in memory: issuing bodies, policy titles and document types, with the look-ups
 * the rules and editor features need. Built from the bundled data plus a team's additions.
 */
import { readYamlFile, type YamlValidator } from '../yamlFile';
import type { Finding } from '../findings';
import type { Range } from '../text/lineIndex';
import type { FileFindings } from '../schema/issueSchema';
import type { DocumentNumberPrefix, DocumentNumberPrefixFile, DocumentType, DocumentTypeFile, IssuingBody, IssuingBodyFile, PolicyTitle, PolicyTitleFile, ProvincialDivision, ProvincialDivisionFile } from './types';
import { recogniseLocalIssuer, type LocalIssuer } from './localIssuer';
import { chineseTitleKey, documentNumberKey, englishKey } from './normalize';
import { addDays, parsePartialDate, type Day } from './dates';

/** How a name in a brief matched a catalogue entry. */
export type BodyMatchKind = 'id' | 'abbreviation' | 'alias' | 'english-name' | 'chinese-name' | 'old-abbreviation';

/** Result of looking up one issuing-body name. */
export interface BodyLookup {
  body: IssuingBody;
  matchedBy: BodyMatchKind;
}

/** Days of grace around a body's validity dates: reorganisations take weeks (issuing-bodies.yaml header). */
export const VALIDITY_GRACE_DAYS = 60;

/** Reference tables and glossaries a catalogue carries besides its bodies and titles. */
export interface CatalogueReference {
  /** Document-number prefixes (data/document-number-prefixes.yaml). */
  prefixes?: DocumentNumberPrefix[];
  /** Provincial-level divisions (data/provincial-divisions.yaml). */
  divisions?: ProvincialDivision[];
  /** Source keys → URLs (`sources:` of the issuing-bodies files). */
  sources?: Record<string, string>;
  /** Level keys → what the level means (`levels:` of issuing-bodies.yaml). */
  levels?: Record<string, string>;
}

/** The merged catalogues with indexes. Immutable once built. */
export class Catalogue {
  readonly bodies: readonly IssuingBody[];
  readonly titles: readonly PolicyTitle[];
  readonly documentTypes: readonly DocumentType[];
  readonly markers: readonly DocumentType[];
  /** Abbreviations used by several bodies (e.g. MOC), abbreviation → ids. */
  readonly ambiguous: ReadonlyMap<string, string[]>;
  private readonly byId = new Map<string, IssuingBody>();
  private readonly byName = new Map<string, BodyLookup>();
  private readonly titleByZh = new Map<string, PolicyTitle[]>();
  private readonly titleByEn = new Map<string, PolicyTitle[]>();
  private readonly titleByNumber = new Map<string, PolicyTitle[]>();
  private readonly titleById = new Map<string, PolicyTitle>();
  /** Document-number prefixes (机关代字), longest first. */
  readonly documentNumberPrefixes: readonly DocumentNumberPrefix[];
  /** The 34 provincial-level divisions. */
  readonly divisions: readonly ProvincialDivision[];
  /** Source keys → URLs (the `sources:` map of the bundled and team issuing-bodies files). */
  readonly sources: ReadonlyMap<string, string>;
  /** Level keys → what the level means (the `levels:` map of issuing-bodies.yaml). */
  readonly levels: ReadonlyMap<string, string>;
  /** `canonicalName` of each body, computed once. */
  private readonly canonical = new WeakMap<IssuingBody, string>();

  /**
   * @param reference document-number prefixes and provincial-level divisions
   *   (data/document-number-prefixes.yaml, data/provincial-divisions.yaml); empty when absent.
   *   Also the `sources` and `levels` maps of the issuing-bodies files, which turn an entry's keys
   *   into words and links for hovers (absent: keys are shown as written)
   */
  constructor(bodies: IssuingBody[], titles: PolicyTitle[], types: DocumentTypeFile, ambiguous: Record<string, string[]> = {}, reference: CatalogueReference = {}) {
    this.documentNumberPrefixes = [...(reference.prefixes ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);
    this.divisions = reference.divisions ?? [];
    this.sources = new Map(Object.entries(reference.sources ?? {}));
    this.levels = new Map(Object.entries(reference.levels ?? {}));
    this.bodies = bodies;
    this.titles = titles;
    this.documentTypes = types.types;
    this.markers = types.markers;
    this.ambiguous = new Map(Object.entries(ambiguous).filter(([, ids]) => ids.length > 1));
    const oldAbbreviations = new Map(Object.entries(ambiguous).filter(([abbr, ids]) => ids.length === 1 && ids[0] !== abbr));
    for (const body of bodies) this.byId.set(body.id, body);
    const add = (name: string | undefined, lookup: BodyLookup, key = name?.toUpperCase()) => {
      if (key && !this.byName.has(key)) this.byName.set(key, lookup);
    };
    // Most specific first: ids, then abbreviations, then names and aliases.
    for (const body of bodies) add(body.id, { body, matchedBy: 'id' });
    for (const body of bodies) for (const abbr of body.abbreviations ?? []) add(abbr, { body, matchedBy: 'abbreviation' });
    for (const [abbr, [id]] of oldAbbreviations) {
      const body = this.byId.get(id);
      if (body) add(abbr, { body, matchedBy: 'old-abbreviation' });
    }
    for (const body of bodies) {
      add(body.name_en, { body, matchedBy: 'english-name' }, englishKey(body.name_en));
      for (const alias of body.aliases ?? []) add(alias, { body, matchedBy: 'alias' }, englishKey(alias));
      for (const zh of [body.name_zh, body.name_zh_full, ...(body.name_zh_short ?? [])]) add(zh, { body, matchedBy: 'chinese-name' }, zh);
    }
    for (const title of titles) {
      this.titleById.set(title.id, title);
      push(this.titleByZh, chineseTitleKey(title.title_zh), title);
      if (title.title_zh_as_issued) push(this.titleByZh, chineseTitleKey(title.title_zh_as_issued), title);
      for (const en of [title.title_en, ...(title.translations ?? []).map((t) => t.title)]) push(this.titleByEn, englishKey(en), title);
      if (title.doc_number) push(this.titleByNumber, documentNumberKey(title.doc_number), title);
    }
  }

  /** The body with this exact id. */
  bodyById(id: string): IssuingBody | undefined {
    return this.byId.get(id);
  }

  /** Looks up a name as written in a brief: id, abbreviation, English or Chinese name, alias (case-insensitive). */
  lookupBody(name: string): BodyLookup | undefined {
    const trimmed = name.trim();
    return this.byName.get(trimmed.toUpperCase()) ?? this.byName.get(englishKey(trimmed)) ?? this.byName.get(trimmed);
  }

  /**
   * The canonical name to write for a body: its first abbreviation when that names this body
   * and no other (`lookupBody` finds it, and it is not an ambiguous abbreviation other than the
   * body's own id), else its id. So every suggestion and fix that writes it resolves back to the
   * intended body: the State Planning Commission (abbreviation SPC, which is the Supreme People's
   * Court's id) is `SPC-PLANNING`, the Ministry of Culture (MOC, shared) `MOC-CULTURE`.
   * @param day the cited day, when known: before the body's `canonical_from` the name is its
   *   next abbreviation that names it (CNIPA before 2018-08-28: SIPO)
   */
  canonicalName(body: IssuingBody, day?: Day): string {
    // Before its canonical name came into use (`canonical_from`: SIPO → CNIPA in 2018), the next
    // abbreviation that names the body: a citation of 2015 is not made anachronistic.
    const since = day !== undefined ? parsePartialDate(body.canonical_from) : undefined;
    if (since && day! < since.first) {
      const earlier = body.abbreviations?.slice(1).find((a) => this.lookupBody(a)?.body === body && !this.ambiguous.has(a.toUpperCase()));
      if (earlier) return earlier;
    }
    let name = this.canonical.get(body);
    if (name === undefined) {
      const first = body.abbreviations?.[0];
      const resolves = first !== undefined && this.lookupBody(first)?.body === body && (first === body.id || !this.ambiguous.has(first.toUpperCase()));
      name = resolves ? first : body.id;
      this.canonical.set(body, name);
    }
    return name;
  }

  /**
   * The ids an ambiguous abbreviation (`ambiguous_abbreviations`: MOC, SPC …) may stand for on
   * `day`: those of its bodies that existed then (`validityOn`, with its grace), or all of them
   * when the day is unknown or none existed. Undefined when `name` is no ambiguous abbreviation or
   * is the exact id of one of the bodies (SPC, NFRA: ids are unique). One id: the date resolves
   * it (MOC in 2020 is MOFCOM: the Ministries of Culture and of Construction no longer existed).
   */
  ambiguousCandidates(name: string, day: Day | undefined): string[] | undefined {
    const trimmed = name.trim();
    const ids = this.ambiguous.get(trimmed.toUpperCase());
    if (!ids || ids.includes(trimmed)) return undefined;
    if (day === undefined) return ids;
    const existing = ids.filter((id) => {
      const body = this.byId.get(id);
      return !body || this.validityOn(body, day) === 'valid';
    });
    return existing.length ? existing : ids;
  }

  /**
   * `lookupBody` for a name cited on `day`: an ambiguous abbreviation is the one body of it that
   * existed on that day (`ambiguousCandidates`), and undefined while several may be meant.
   */
  lookupBodyOn(name: string, day: Day | undefined): BodyLookup | undefined {
    const candidates = this.ambiguousCandidates(name, day);
    if (!candidates) return this.lookupBody(name);
    const body = candidates.length === 1 ? this.byId.get(candidates[0]) : undefined;
    return body && { body, matchedBy: 'abbreviation' };
  }

  /**
   * Whether `body` existed on `day`, with `VALIDITY_GRACE_DAYS` of grace on both ends.
   * @returns 'before' (not yet founded), 'after' (already dissolved) or 'valid'; 'valid' too when dates are unknown.
   */
  validityOn(body: IssuingBody, day: Day): 'before' | 'after' | 'valid' {
    const from = parsePartialDate(body.valid_from);
    const until = parsePartialDate(body.valid_until ?? undefined);
    if (from && day < addDays(from.first, -VALIDITY_GRACE_DAYS)) return 'before';
    if (until && day > addDays(until.last, VALIDITY_GRACE_DAYS)) return 'after';
    return 'valid';
  }

  /** Policy titles whose Chinese title (or as-issued form) matches, ignoring 《》, bracket width, quotes, spaces. */
  titlesByChinese(title: string): PolicyTitle[] {
    return this.titleByZh.get(chineseTitleKey(title)) ?? [];
  }

  /** The policy title with this id. */
  titleWithId(id: string): PolicyTitle | undefined {
    return this.titleById.get(id);
  }

  /** The prefix entry whose 机关代字 starts `agency` (longest match), e.g. 工信部联科 → 工信部. */
  prefixOf(agency: string): DocumentNumberPrefix | undefined {
    return this.documentNumberPrefixes.find((p) => agency.startsWith(p.prefix));
  }

  /** A provincial or municipal government or department, recognised by its form (see localIssuer.ts). */
  localIssuer(name: string): LocalIssuer | undefined {
    return recogniseLocalIssuer(name, this.divisions);
  }

  /** Policy titles with this document number (发文字号), ignoring whitespace. */
  titlesByDocumentNumber(number: string): PolicyTitle[] {
    return this.titleByNumber.get(documentNumberKey(number)) ?? [];
  }

  /** Policy titles with this English rendering (any listed translation), ignoring case and punctuation. */
  titlesByEnglish(title: string): PolicyTitle[] {
    return this.titleByEn.get(englishKey(title)) ?? [];
  }

  /**
   * The document type whose Chinese suffix ends `title` (longest suffix wins), status markers
   * removed first; a type whose `excluded_endings` word ends the title does not count (…认定方法
   * ends in 法 but is no law).
   */
  documentTypeOf(chineseTitle: string): DocumentType | undefined {
    const core = stripStatusMarkers(chineseTitle);
    let best: { type: DocumentType; length: number } | undefined;
    for (const type of this.documentTypes) {
      if (type.excluded_endings?.some((word) => core.endsWith(word.zh))) continue;
      for (const zh of type.zh) if (core.endsWith(zh) && (!best || zh.length > best.length)) best = { type, length: zh.length };
    }
    return best?.type;
  }

  /** Status markers (征求意见稿, 试行 …) contained in a Chinese title. */
  markersOf(chineseTitle: string): DocumentType[] {
    const found = this.markers.filter((marker) => marker.zh.some((zh) => chineseTitle.includes(zh)));
    // 修订征求意见稿 contains 征求意见稿: keep only the most specific marker of a family.
    return found.filter((m) => !found.some((other) => other !== m && other.zh.some((zh) => m.zh.some((mine) => zh !== mine && zh.includes(mine) && chineseTitle.includes(zh)))));
  }
}

/** Removes trailing full- or half-width parenthesised status markers: `办法（征求意见稿）` → `办法`. */
export function stripStatusMarkers(title: string): string {
  let core = title.trim();
  for (;;) {
    const next = core.replace(/[（(][^（）()]*[）)]$/u, '').trim();
    if (next === core) return core;
    core = next;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** One catalogue file to load. */
export interface CatalogueSource {
  path: string;
  text: string;
  /** The parsed and validated value of `text`, when compiled at build time (the bundled data): then `text` is not read. */
  value?: unknown;
}

/** The JSON Schemas catalogue files are validated against. */
export interface CatalogueJsonSchemas {
  issuingBodies: object | YamlValidator;
  policyTitles: object | YamlValidator;
  documentTypes: object | YamlValidator;
  documentNumberPrefixes?: object | YamlValidator;
  provincialDivisions?: object | YamlValidator;
}

/** Result of loading catalogues: the merged catalogue and the problems of each file. */
export interface LoadedCatalogue {
  catalogue: Catalogue;
  files: FileFindings[];
}

/**
 * Loads the bundled catalogues and merges team files onto them (an entry with an existing id
 * replaces the bundled one; new ids are added). A team file with errors is reported and
 * skipped; the bundled data must be valid (an invalid bundle throws: a packaging bug).
 */
export function loadCatalogue(
  bundled: { issuingBodies: CatalogueSource; policyTitles: CatalogueSource; documentTypes: CatalogueSource; documentNumberPrefixes?: CatalogueSource; provincialDivisions?: CatalogueSource },
  jsonSchemas: CatalogueJsonSchemas,
  team: { issuingBodies?: CatalogueSource; policyTitles?: CatalogueSource; documentNumberPrefixes?: CatalogueSource } = {},
): LoadedCatalogue {
  const files: FileFindings[] = [];
  const strict = <T>(source: CatalogueSource, schema: object | YamlValidator): T => {
    if (source.value !== undefined) return source.value as T;
    const read = readYamlFile(source.text, schema, 'catalogue');
    if (read.findings.length) throw new Error(`Bundled catalogue ${source.path} is invalid: ${read.findings[0].message}`);
    return read.value as T;
  };
  const bodiesFile = strict<IssuingBodyFile>(bundled.issuingBodies, jsonSchemas.issuingBodies);
  const titlesFile = strict<PolicyTitleFile>(bundled.policyTitles, jsonSchemas.policyTitles);
  const typesFile = strict<DocumentTypeFile>(bundled.documentTypes, jsonSchemas.documentTypes);
  let bodies = bodiesFile.bodies;
  let titles = titlesFile.titles;
  const ambiguous = { ...(bodiesFile.ambiguous_abbreviations ?? {}) };
  const sources = { ...(bodiesFile.sources ?? {}) };
  const levels = { ...(bodiesFile.levels ?? {}) };
  if (team.issuingBodies) {
    const value = readTeamFile<IssuingBodyFile>(team.issuingBodies, jsonSchemas.issuingBodies, 'bodies', files);
    if (value) {
      bodies = mergeById(bodies, value.bodies ?? []);
      Object.assign(ambiguous, value.ambiguous_abbreviations ?? {});
      Object.assign(sources, value.sources ?? {});
      Object.assign(levels, value.levels ?? {});
    }
  }
  if (team.policyTitles) {
    const value = readTeamFile<PolicyTitleFile>(team.policyTitles, jsonSchemas.policyTitles, 'titles', files);
    if (value) titles = mergeById(titles, value.titles ?? []);
  }
  let prefixes = bundled.documentNumberPrefixes && jsonSchemas.documentNumberPrefixes ? strict<DocumentNumberPrefixFile>(bundled.documentNumberPrefixes, jsonSchemas.documentNumberPrefixes).prefixes : [];
  if (team.documentNumberPrefixes && jsonSchemas.documentNumberPrefixes) {
    const known = new Set(bodies.map((b) => b.id));
    const value = readTeamFile<DocumentNumberPrefixFile>(team.documentNumberPrefixes, jsonSchemas.documentNumberPrefixes, 'prefixes', files, {
      keyName: 'prefix',
      // A prefix whose bodies name an id neither catalogue holds can never match a cited body.
      check: (file, rangeOf, findings) => file.prefixes.forEach((prefix, index) => prefix.bodies.forEach((id, at) => {
        if (!known.has(id)) findings.push({ ruleId: 'catalogue.unknown-reference', severity: 'warning', message: `'${id}' is not an issuing body of the bundled or the team catalogue: prefix ${prefix.prefix} cannot match it.`, range: rangeOf(['prefixes', index, 'bodies', at]) });
      })),
    });
    if (value) prefixes = mergeByKey(prefixes, value.prefixes ?? [], (p) => p.prefix);
  }
  const divisions = bundled.provincialDivisions && jsonSchemas.provincialDivisions ? strict<ProvincialDivisionFile>(bundled.provincialDivisions, jsonSchemas.provincialDivisions).divisions : [];
  return { catalogue: new Catalogue(bodies, titles, typesFile, ambiguous, { prefixes, divisions, sources, levels }), files };
}

/** How `readTeamFile` reads a file's entries beyond its JSON Schema. */
interface TeamFileOptions<T> {
  /** The field that identifies an entry (default `id`; `prefix` in a prefixes file). */
  keyName?: string;
  /** Further checks of a valid file; `rangeOf` gives the range of a YAML path (e.g. `['prefixes', 0, 'bodies', 1]`). */
  check?: (value: T, rangeOf: (path: (string | number)[]) => Range, findings: Finding[]) => void;
}

/**
 * Reads and validates a team catalogue file; its findings (schema violations, an entry with the
 * key of an earlier one as `catalogue.duplicate-id`, invalid dates, `options.check`'s) go to `files`.
 * @returns the file's value, or undefined when it has an error (the file is then skipped)
 */
function readTeamFile<T>(source: CatalogueSource, schema: object | YamlValidator, listKey: string, files: FileFindings[], options: TeamFileOptions<T> = {}): T | undefined {
  const keyName = options.keyName ?? 'id';
  const read = readYamlFile(source.text, schema, 'catalogue');
  const findings: Finding[] = [...read.findings];
  const rangeOf = (at: (string | number)[]): Range => {
    const node = read.document?.getIn(at, true) as { range?: [number, number] } | undefined;
    return read.lineIndex.range(node?.range?.[0] ?? 0, node?.range?.[1] ?? 0);
  };
  const list = (read.value as Record<string, unknown> | undefined)?.[listKey];
  if (!findings.length && Array.isArray(list)) {
    const seen = new Set<string>();
    list.forEach((entry: Record<string, unknown>, index) => {
      const key = entry?.[keyName];
      if (typeof key !== 'string' || !key) return;
      if (seen.has(key)) findings.push({ ruleId: 'catalogue.duplicate-id', severity: 'error', message: `Duplicate ${keyName} '${key}': each entry needs its own ${keyName}.`, range: rangeOf([listKey, index, keyName]) });
      seen.add(key);
    });
    list.forEach((entry: Record<string, unknown>, index) => {
      for (const key of ['valid_from', 'valid_until', 'canonical_from', 'date', 'date_published', 'date_effective']) {
        const value = entry?.[key];
        if (typeof value === 'string' && !parsePartialDate(value)) {
          findings.push({ ruleId: 'catalogue.invalid-date', severity: 'error', message: `'${value}' is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD).`, range: rangeOf([listKey, index, key]) });
        }
      }
    });
    if (!findings.length) options.check?.(read.value as T, rangeOf, findings);
  }
  files.push({ path: source.path, findings });
  return findings.some((f) => f.severity === 'error') ? undefined : (read.value as T);
}

function mergeById<T extends { id: string }>(base: T[], additions: T[]): T[] {
  return mergeByKey(base, additions, (entry) => entry.id);
}

/** `base` with `additions` merged on: an addition with the key of a base entry replaces it as a whole; others are added. */
function mergeByKey<T>(base: T[], additions: T[], key: (entry: T) => string): T[] {
  const byKey = new Map(base.map((entry) => [key(entry), entry]));
  for (const entry of additions) byKey.set(key(entry), entry);
  return [...byKey.values()];
}
