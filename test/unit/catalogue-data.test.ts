// Checks the bundled catalogues in data/ against their JSON Schemas and against the
// consistency invariants listed in docs/catalogues.md. Every failing check prints
// the offending ids.
//
// Run: npx mocha --import=tsx test/unit/catalogue-data.test.ts

import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { Ajv, type ValidateFunction } from 'ajv';

// ---------------------------------------------------------------------------
// Types (only the fields the checks use)
// ---------------------------------------------------------------------------
interface Body {
  id: string;
  name_zh: string;
  name_zh_full?: string;
  name_zh_alt?: string;
  name_zh_short?: string[];
  abbreviations?: string[];
  level: string;
  parent?: string;
  valid_from?: string | null;
  valid_until?: string | null;
  canonical_from?: string;
  predecessors?: string[];
  successors?: string[];
  brands?: string[];
  dates_source?: { valid_from?: string[]; valid_until?: string[]; canonical_from?: string[] };
  status: 'current' | 'retired' | 'brand';
  source: string[];
  dates_confidence?: string;
}
interface BodiesFile {
  schemaVersion: number;
  levels?: Record<string, string>;
  bodies: Body[];
  ambiguous_abbreviations?: Record<string, string[]>;
  sources?: Record<string, string>;
}
interface Title {
  id: string;
  title_zh: string;
  title_zh_as_issued?: string;
  issuing_bodies: string[];
  doc_type: { zh: string | null; en: string | null };
  draft?: boolean;
  draft_marker?: string;
  date: string;
  date_published?: string;
  date_effective?: string;
  comment_deadline?: string;
}
interface TitlesFile {
  schemaVersion: number;
  titles: Title[];
}
interface DocTypeEntry {
  id: string;
  zh: string[];
  en: string[];
  tolerated: string[];
  flagged: { term: string; reason: string }[];
  examples: string[];
  draft?: boolean;
  excluded_endings?: { zh: string; en: string; source: string }[];
}
interface DocTypesFile {
  schemaVersion: number;
  types: DocTypeEntry[];
  markers: DocTypeEntry[];
}

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------
function findRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, 'data', 'issuing-bodies.yaml')) && fs.existsSync(path.join(dir, 'schemas'))) {
      return dir;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('catalogue-data.test: run from inside the repository (data/ and schemas/ not found)');
    dir = up;
  }
}
const ROOT = findRoot();
const readYaml = (name: string): unknown => parse(fs.readFileSync(path.join(ROOT, 'data', name), 'utf8'));
const readSchema = (name: string): object =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as object;

const bodiesFile = readYaml('issuing-bodies.yaml') as BodiesFile;
const titlesFile = readYaml('policy-titles.yaml') as TitlesFile;
const typesFile = readYaml('document-types.yaml') as DocTypesFile;
const bodies = bodiesFile.bodies ?? [];
const titles = titlesFile.titles ?? [];
const bodyById = new Map(bodies.map((b) => [b.id, b] as const));
const titleById = new Map(titles.map((t) => [t.id, t] as const));

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** true if s is YYYY, YYYY-MM or YYYY-MM-DD and names a real calendar date. */
function isRealDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Month index range [first, last] covered by a (possibly partial) date. */
function monthRange(s: string): [number, number] {
  const m = DATE_RE.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  const y = Number(m[1]) * 12;
  if (m[2] === undefined) return [y, y + 11];
  const mo = y + Number(m[2]) - 1;
  return [mo, mo];
}

/** Partial date padded to YYYY-MM-DD with the earliest day it can mean. */
const earliest = (s: string): string => (s + '-01-01').slice(0, 10);

/** Strip trailing full-width parenthesised groups: status markers, year ranges, editions. */
const stripTrailingMarkers = (s: string): string => s.replace(/(（[^（）]*）)+$/u, '');

/** Title minus a trailing status marker ends with suffix (or the whole title does). */
function endsWithSuffix(title: string, suffix: string): boolean {
  return title.endsWith(suffix) || stripTrailingMarkers(title).endsWith(stripTrailingMarkers(suffix));
}

/** First type (in file order) whose suffix ends the title; full title first, then without markers. */
function lookupType(title: string): { type: DocTypeEntry; suffix: string } | undefined {
  for (const candidate of [title, stripTrailingMarkers(title)]) {
    for (const type of typesFile.types) {
      if (type.excluded_endings?.some((word) => candidate.endsWith(word.zh))) continue;
      const suffix = type.zh.find((z) => candidate.endsWith(z));
      if (suffix !== undefined) return { type, suffix };
    }
  }
  return undefined;
}

/** Characters that exist only in traditional script (traditional forms of the
 *  characters used in the catalogues and conventions, plus the list in
 *  title-conventions.md §8). None of them may appear in a simplified title. */
const TRADITIONAL_ONLY = new Set(
  '來個倫備傳僑價優儲內兩則創劃動務勞勵匯區協參員嚴國圍報場塊壓壟壯學實審專對導屬幹廣廳強徵徹態應戰掛揮擁據數斷於時暫會條業構標機檔檢權氣氫決準濟灣為煙營爭現環產療發監確碼礎礦稅穩競節範籌糧紀級細組絡統經綜綠綱網線總織罰義聖聞聯臺與興華薦藍藥處號術衛裝見規視訂計訊訪設評認語調談證識議護讀變財貫貿資賣質賽贏車軍軟輸辦農進遊運達違遠郵鄉醫釋銀鋼錄鍛鍵鐵鑄長門開間關際險雙雜電項預領類館驗體魯點黨',
);
const traditionalIn = (s: string): string[] => [...s].filter((c) => TRADITIONAL_ONLY.has(c));

/** Compile a schema the way a strict consumer would. */
function compile(schemaFile: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(readSchema(schemaFile));
}
function schemaErrors(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
describe('catalogue data', () => {
  describe('JSON Schemas', () => {
    const validateBodies = compile('issuing-bodies.schema.json');
    const validateTitles = compile('policy-titles.schema.json');
    const validateTypes = compile('document-types.schema.json');

    it('data/issuing-bodies.yaml matches schemas/issuing-bodies.schema.json', () => {
      assert.deepEqual(schemaErrors(validateBodies, bodiesFile), []);
    });

    it('data/policy-titles.yaml matches schemas/policy-titles.schema.json', () => {
      assert.deepEqual(schemaErrors(validateTitles, titlesFile), []);
    });

    it('data/document-types.yaml matches schemas/document-types.schema.json', () => {
      assert.deepEqual(schemaErrors(validateTypes, typesFile), []);
    });

    it('every schema property has a description (editor completion shows it)', () => {
      const missing: string[] = [];
      const walk = (node: unknown, where: string): void => {
        if (node === null || typeof node !== 'object') return;
        const obj = node as Record<string, unknown>;
        const props = obj['properties'];
        if (props && typeof props === 'object') {
          for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
            const sub = v as Record<string, unknown>;
            if (typeof sub['description'] !== 'string' || sub['description'] === '') missing.push(`${where}.${k}`);
          }
        }
        for (const [k, v] of Object.entries(obj)) {
          // Conditions (if/then/else) only restate properties declared above.
          if (k !== 'if' && k !== 'then' && k !== 'else') walk(v, `${where}/${k}`);
        }
      };
      for (const f of ['issuing-bodies', 'policy-titles', 'document-types']) walk(readSchema(`${f}.schema.json`), f);
      assert.deepEqual(missing, []);
    });

    it('a team file without levels/sources maps is valid', () => {
      const team = {
        schemaVersion: 1,
        bodies: [
          {
            id: 'SH-EITC',
            name_en: 'Shanghai Municipal Commission of Economy and Informatization',
            name_zh: '上海市经济和信息化委员会',
            level: 'constituent-department',
            status: 'current',
            source: ['https://example.org/sheitc'],
            confidence: 'medium',
          },
        ],
      };
      assert.deepEqual(schemaErrors(validateBodies, team), []);
    });

    it('the schemas reject entries that break the catalogue rules', () => {
      const okBody = { ...bodies[0] } as Record<string, unknown>;
      const okTitle = { ...titles[0] } as Record<string, unknown>;
      const cases: [string, ValidateFunction, unknown][] = [
        ['body without source', validateBodies, { schemaVersion: 1, bodies: [{ ...okBody, source: undefined }] }],
        ['body with empty source', validateBodies, { schemaVersion: 1, bodies: [{ ...okBody, source: [] }] }],
        ['body with unknown field', validateBodies, { schemaVersion: 1, bodies: [{ ...okBody, nmae_en: 'x' }] }],
        ['body with bad level', validateBodies, { schemaVersion: 1, bodies: [{ ...okBody, level: 'ministry' }] }],
        ['retired body without valid_until', validateBodies, { schemaVersion: 1, bodies: [{ ...okBody, status: 'retired', valid_until: undefined }] }],
        ['schemaVersion 2', validateBodies, { schemaVersion: 2, bodies: [] }],
        ['title without date', validateTitles, { schemaVersion: 1, titles: [{ ...okTitle, date: undefined }] }],
        ['title with 《》', validateTitles, { schemaVersion: 1, titles: [{ ...okTitle, title_zh: '《关于X的意见》' }] }],
        ['title with ASCII brackets', validateTitles, { schemaVersion: 1, titles: [{ ...okTitle, title_zh: 'X办法(试行)' }] }],
        ['title with malformed date', validateTitles, { schemaVersion: 1, titles: [{ ...okTitle, date: '2023-4-14' }] }],
        ['draft without draft_marker', validateTitles, { schemaVersion: 1, titles: [{ ...okTitle, draft: true, draft_marker: undefined }] }],
        ['type without en', validateTypes, { ...typesFile, types: [{ ...typesFile.types[0], en: [] }] }],
      ];
      const accepted = cases.filter(([, v, data]) => v(JSON.parse(JSON.stringify(data)))).map(([name]) => name);
      assert.deepEqual(accepted, [], 'schema accepted invalid input');
    });
  });

  describe('issuing-bodies.yaml', () => {
    it('has schemaVersion 1', () => {
      assert.equal(bodiesFile.schemaVersion, 1);
    });

    it('ids are unique', () => {
      const seen = new Set<string>();
      const dup = bodies.filter((b) => (seen.has(b.id) ? true : (seen.add(b.id), false))).map((b) => b.id);
      assert.deepEqual(dup, []);
    });

    it('every parent resolves to an existing id', () => {
      const bad = bodies.filter((b) => b.parent !== undefined && !bodyById.has(b.parent)).map((b) => `${b.id} -> ${b.parent}`);
      assert.deepEqual(bad, []);
    });

    it('every predecessors, successors and brands reference resolves', () => {
      const bad: string[] = [];
      for (const b of bodies) {
        for (const field of ['predecessors', 'successors', 'brands'] as const) {
          for (const ref of b[field] ?? []) if (!bodyById.has(ref)) bad.push(`${b.id}.${field} -> ${ref}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('every ambiguous_abbreviations entry resolves to ids that carry the abbreviation', () => {
      const bad: string[] = [];
      for (const [abbr, ids] of Object.entries(bodiesFile.ambiguous_abbreviations ?? {})) {
        for (const id of ids) {
          const b = bodyById.get(id);
          if (!b) bad.push(`${abbr} -> ${id} (no such id)`);
          else if (b.id !== abbr && !(b.abbreviations ?? []).includes(abbr)) bad.push(`${abbr} -> ${id} (not in its abbreviations)`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('every abbreviation used by several bodies is listed in ambiguous_abbreviations', () => {
      const users = new Map<string, Set<string>>();
      for (const b of bodies) {
        for (const a of new Set([b.id, ...(b.abbreviations ?? [])])) {
          if (!users.has(a)) users.set(a, new Set());
          users.get(a)!.add(b.id);
        }
      }
      const ambiguous = bodiesFile.ambiguous_abbreviations ?? {};
      const bad = [...users]
        .filter(([, ids]) => ids.size > 1)
        .filter(([a, ids]) => [...ids].some((id) => !(ambiguous[a] ?? []).includes(id)))
        .map(([a, ids]) => `${a}: ${[...ids].join(', ')}`);
      assert.deepEqual(bad, []);
    });

    it('predecessor/successor links are symmetric', () => {
      const bad: string[] = [];
      for (const b of bodies) {
        for (const s of b.successors ?? []) {
          const o = bodyById.get(s);
          if (o && !(o.predecessors ?? []).includes(b.id)) bad.push(`${b.id}.successors has ${s}, but ${s}.predecessors lacks ${b.id}`);
        }
        for (const p of b.predecessors ?? []) {
          const o = bodyById.get(p);
          if (o && !(o.successors ?? []).includes(b.id)) bad.push(`${b.id}.predecessors has ${p}, but ${p}.successors lacks ${b.id}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('valid_from is before valid_until', () => {
      const bad = bodies
        .filter((b) => typeof b.valid_from === 'string' && typeof b.valid_until === 'string')
        .filter((b) => !(earliest(b.valid_from as string) < earliest(b.valid_until as string)))
        .map((b) => `${b.id}: ${b.valid_from} .. ${b.valid_until}`);
      assert.deepEqual(bad, []);
    });

    it("a successor's valid_from is not long before (> 3 months) or long after (> 12 months) its predecessor's valid_until", () => {
      const bad: string[] = [];
      for (const pred of bodies) {
        if (typeof pred.valid_until !== 'string') continue;
        for (const sid of pred.successors ?? []) {
          const succ = bodyById.get(sid);
          if (!succ || typeof succ.valid_from !== 'string') continue;
          const gap = monthRange(succ.valid_from)[0] - monthRange(pred.valid_until)[0];
          if (gap < -3 || gap > 12) bad.push(`${pred.id} until ${pred.valid_until} -> ${sid} from ${succ.valid_from} (${gap} months)`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('dates are real calendar dates', () => {
      const bad: string[] = [];
      for (const b of bodies) {
        if (b.valid_from !== undefined && b.valid_from !== null && !isRealDate(b.valid_from)) bad.push(`${b.id}.valid_from ${String(b.valid_from)}`);
        if (b.valid_until !== undefined && b.valid_until !== null && !isRealDate(b.valid_until)) bad.push(`${b.id}.valid_until ${String(b.valid_until)}`);
      }
      assert.deepEqual(bad, []);
    });

    it('retired bodies have a valid_until, current and brand bodies do not', () => {
      const bad = bodies
        .filter((b) => (b.status === 'retired') !== (typeof b.valid_until === 'string'))
        .map((b) => `${b.id} (${b.status}, valid_until ${String(b.valid_until)})`);
      assert.deepEqual(bad, []);
    });

    it('entries with dates carry dates_confidence, entries without dates do not', () => {
      const bad = bodies
        .filter((b) => (b.valid_from !== undefined || b.valid_until !== undefined) !== (b.dates_confidence !== undefined))
        .map((b) => b.id);
      assert.deepEqual(bad, []);
    });

    it('every valid_from, valid_until and canonical_from names its source in dates_source, and each source resolves', () => {
      const sources = bodiesFile.sources ?? {};
      const bad: string[] = [];
      for (const b of bodies) {
        for (const key of ['valid_from', 'valid_until', 'canonical_from'] as const) {
          if (b[key] === undefined || b[key] === null) {
            if (b.dates_source?.[key]) bad.push(`${b.id}: dates_source.${key} without ${key}`);
            continue;
          }
          const cited = b.dates_source?.[key] ?? [];
          if (!cited.length) bad.push(`${b.id}: ${key} ${b[key]} has no source`);
          for (const s of cited) if (!(s in sources) && !/^https?:\/\//.test(s)) bad.push(`${b.id}: ${key} source ${s} is not in the sources map`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('brand entries name their host body in parent', () => {
      const bad = bodies.filter((b) => b.status === 'brand' && !bodyById.has(b.parent ?? '')).map((b) => b.id);
      assert.deepEqual(bad, []);
    });

    it('every level is explained in the levels map', () => {
      const levels = bodiesFile.levels ?? {};
      const bad = bodies.filter((b) => !(b.level in levels)).map((b) => `${b.id}: ${b.level}`);
      assert.deepEqual(bad, []);
    });

    it('every source key resolves to the sources map', () => {
      const sources = bodiesFile.sources ?? {};
      const bad: string[] = [];
      for (const b of bodies) {
        if (b.source.length === 0) bad.push(`${b.id}: no source`);
        for (const s of b.source) if (!(s in sources)) bad.push(`${b.id} -> ${s}`);
      }
      assert.deepEqual(bad, []);
    });

    it('every sources map entry is cited by some body', () => {
      const cited = new Set(bodies.flatMap((b) => b.source));
      const unused = Object.keys(bodiesFile.sources ?? {}).filter((k) => !cited.has(k));
      assert.deepEqual(unused, []);
    });

    it('Chinese names contain no traditional characters', () => {
      const bad: string[] = [];
      for (const b of bodies) {
        for (const name of [b.name_zh, b.name_zh_full, b.name_zh_alt, ...(b.name_zh_short ?? [])]) {
          if (name && traditionalIn(name).length > 0) bad.push(`${b.id}: ${name} (${traditionalIn(name).join('')})`);
        }
      }
      assert.deepEqual(bad, []);
    });
  });

  describe('policy-titles.yaml', () => {
    it('has schemaVersion 1', () => {
      assert.equal(titlesFile.schemaVersion, 1);
    });

    it('ids are unique', () => {
      const seen = new Set<string>();
      const dup = titles.filter((t) => (seen.has(t.id) ? true : (seen.add(t.id), false))).map((t) => t.id);
      assert.deepEqual(dup, []);
    });

    it('every issuing body resolves to an id in issuing-bodies.yaml', () => {
      const bad = titles.flatMap((t) => t.issuing_bodies.filter((id) => !bodyById.has(id)).map((id) => `${t.id} -> ${id}`));
      assert.deepEqual(bad, []);
    });

    it('every issuing body existed on the title date (month precision)', () => {
      const bad: string[] = [];
      for (const t of titles) {
        if (!isRealDate(t.date)) continue; // reported by the date test
        const [first, last] = monthRange(t.date);
        for (const id of t.issuing_bodies) {
          const b = bodyById.get(id);
          if (!b) continue;
          if (typeof b.valid_from === 'string' && last < monthRange(b.valid_from)[0]) {
            bad.push(`${t.id} (${t.date}): ${id} only from ${b.valid_from}`);
          }
          if (typeof b.valid_until === 'string' && first > monthRange(b.valid_until)[1]) {
            bad.push(`${t.id} (${t.date}): ${id} only until ${b.valid_until}`);
          }
        }
      }
      assert.deepEqual(bad, []);
    });

    it('dates are real calendar dates', () => {
      const bad: string[] = [];
      for (const t of titles) {
        for (const f of ['date', 'date_published', 'date_effective', 'comment_deadline'] as const) {
          if (t[f] !== undefined && !isRealDate(t[f])) bad.push(`${t.id}.${f} ${String(t[f])}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('publication, effective and comment-deadline dates are not before date', () => {
      const bad: string[] = [];
      for (const t of titles) {
        if (!isRealDate(t.date)) continue;
        for (const f of ['date_published', 'date_effective', 'comment_deadline'] as const) {
          const v = t[f];
          if (v !== undefined && isRealDate(v) && monthRange(v)[1] < monthRange(t.date)[0]) bad.push(`${t.id}.${f} ${v} < ${t.date}`);
          else if (v !== undefined && v.length === 10 && t.date.length === 10 && v < t.date) bad.push(`${t.id}.${f} ${v} < ${t.date}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('title_zh has no 《》 and no half-width parentheses; title_zh_as_issued no half-width parentheses', () => {
      const bad: string[] = [];
      for (const t of titles) {
        if (/[《》()]/u.test(t.title_zh)) bad.push(`${t.id}: ${t.title_zh}`);
        if (t.title_zh_as_issued !== undefined && /[()]/u.test(t.title_zh_as_issued)) bad.push(`${t.id} (as issued): ${t.title_zh_as_issued}`);
      }
      assert.deepEqual(bad, []);
    });

    it('Chinese titles contain no traditional characters', () => {
      const bad: string[] = [];
      for (const t of titles) {
        for (const s of [t.title_zh, t.title_zh_as_issued]) {
          if (s !== undefined && traditionalIn(s).length > 0) bad.push(`${t.id}: ${traditionalIn(s).join('')}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('doc_type.zh is a suffix of title_zh (ignoring a trailing （…） status marker)', () => {
      const bad = titles
        .filter((t) => t.doc_type.zh !== null && !endsWithSuffix(t.title_zh, t.doc_type.zh))
        .map((t) => `${t.id}: ${t.doc_type.zh} / ${t.title_zh}`);
      assert.deepEqual(bad, []);
    });

    it('draft is true exactly when the title has 征求意见稿 or 草案, and draft_marker occurs in the title', () => {
      const bad: string[] = [];
      for (const t of titles) {
        const hasMarker = /征求意见稿|草案/u.test(t.title_zh);
        if (hasMarker !== (t.draft === true)) bad.push(`${t.id}: draft=${String(t.draft)} but title ${hasMarker ? 'has' : 'lacks'} a draft marker`);
        if (t.draft_marker !== undefined && !t.title_zh.includes(`（${t.draft_marker}）`)) bad.push(`${t.id}: draft_marker ${t.draft_marker} not in title`);
      }
      assert.deepEqual(bad, []);
    });
  });

  describe('document-types.yaml', () => {
    const all = [...typesFile.types, ...typesFile.markers];

    it('has schemaVersion 1', () => {
      assert.equal(typesFile.schemaVersion, 1);
    });

    it('ids are unique across types and markers', () => {
      const seen = new Set<string>();
      const dup = all.filter((e) => (seen.has(e.id) ? true : (seen.add(e.id), false))).map((e) => e.id);
      assert.deepEqual(dup, []);
    });

    it('no Chinese suffix belongs to two entries', () => {
      const owner = new Map<string, string>();
      const bad: string[] = [];
      for (const e of all) {
        for (const z of e.zh) {
          if (owner.has(z)) bad.push(`${z}: ${owner.get(z)!} and ${e.id}`);
          else owner.set(z, e.id);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('types and markers are ordered so that the first match is the longest suffix', () => {
      const bad: string[] = [];
      for (const list of [typesFile.types, typesFile.markers]) {
        list.forEach((a, i) => {
          a.zh.forEach((za, ia) => {
            list.forEach((b, j) => {
              b.zh.forEach((zb, ib) => {
                // za is longer and ends with zb: za must be tried first.
                if (za !== zb && za.endsWith(zb) && (j < i || (j === i && ib < ia))) {
                  bad.push(`${b.id}:${zb} comes before the longer ${a.id}:${za}`);
                }
              });
            });
          });
        });
      }
      assert.deepEqual(bad, []);
    });

    it('an excluded ending ends in a suffix of its type and is no suffix of another type (方法 ends in 法; 办法 is a type)', () => {
      const bad: string[] = [];
      const suffixes = new Set(all.flatMap((e) => e.zh));
      for (const type of typesFile.types) {
        for (const word of type.excluded_endings ?? []) {
          if (!type.zh.some((z) => word.zh.endsWith(z) && word.zh !== z)) bad.push(`${type.id}: ${word.zh} does not end in ${type.zh.join('/')}`);
          if (suffixes.has(word.zh)) bad.push(`${type.id}: ${word.zh} is a suffix of a type or marker`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('examples are existing policy titles that carry the suffix or marker', () => {
      const bad: string[] = [];
      for (const type of typesFile.types) {
        for (const ex of type.examples) {
          const t = titleById.get(ex);
          if (!t) bad.push(`${type.id}: no title ${ex}`);
          else if (lookupType(t.title_zh)?.type.id !== type.id) bad.push(`${type.id}: ${ex} (${t.title_zh}) matches ${lookupType(t.title_zh)?.type.id ?? 'nothing'}`);
        }
      }
      for (const marker of typesFile.markers) {
        for (const ex of marker.examples) {
          const t = titleById.get(ex);
          if (!t) bad.push(`${marker.id}: no title ${ex}`);
          else if (!marker.zh.some((z) => t.title_zh.includes(z))) bad.push(`${marker.id}: ${ex} lacks ${marker.zh.join('/')}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('the longest-suffix lookup agrees with doc_type.zh of every policy title', () => {
      const bad: string[] = [];
      for (const t of titles) {
        const hit = lookupType(t.title_zh);
        if (t.doc_type.zh === null) {
          if (hit) bad.push(`${t.id}: doc_type.zh is null but the title ends in ${hit.suffix}`);
        } else if (hit && !(hit.suffix === t.doc_type.zh || hit.type.zh.includes(t.doc_type.zh))) {
          bad.push(`${t.id}: doc_type.zh ${t.doc_type.zh}, lookup found ${hit.suffix} (${hit.type.id})`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('no policy title uses a flagged English term as its doc_type.en', () => {
      const bad: string[] = [];
      for (const t of titles) {
        const hit = lookupType(t.title_zh);
        if (!hit || t.doc_type.en === null) continue;
        for (const f of hit.type.flagged) {
          if (t.doc_type.en.toLowerCase() === f.term.toLowerCase()) bad.push(`${t.id}: ${t.doc_type.en} (${f.reason})`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('every draft_marker used in policy-titles.yaml is a draft marker here', () => {
      const draftMarkers = new Set(typesFile.markers.filter((m) => m.draft === true).flatMap((m) => m.zh));
      const bad = titles
        .filter((t) => t.draft_marker !== undefined && !draftMarkers.has(t.draft_marker))
        .map((t) => `${t.id}: ${t.draft_marker}`);
      assert.deepEqual(bad, []);
    });
  });
});
