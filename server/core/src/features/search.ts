/**
 * Fuzzy search over catalogue entries by English words, Chinese characters and pinyin (full
 * syllables `gongxinbu` and initials `gxb`), ranked with fuzzysort. Indexes are built once per
 * catalogue (and once per list of workspace titles) and cached.
 */
import fuzzysort from 'fuzzysort';
import { pinyin } from 'pinyin-pro';
import { HAN } from '../model/article';

/** Search keys of one entry: every form a user may type. */
export interface SearchKeys {
  /** Latin forms: ids, abbreviations, English names and titles. */
  latin: string[];
  /** Chinese forms. */
  chinese: string[];
}

/** One prepared search target and the entry it belongs to. */
interface Target {
  prepared: Fuzzysort.Prepared;
  /** Lower-cased target text, for exact and prefix boosts. */
  plain: string;
  entry: number;
}

const HAN_GLOBAL = /[\p{Script=Han}\u3007]/u;

/** Pinyin forms of a Chinese string: syllables joined (`gongxinbu`) and initials (`gxb`). */
export function pinyinForms(chinese: string): string[] {
  if (!HAN_GLOBAL.test(chinese)) return [];
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[];
  const full = syllables.join('').toLowerCase();
  const initials = syllables.map((s) => s.charAt(0)).join('').toLowerCase();
  return [...new Set([full, initials].filter(Boolean))];
}

/** A searchable list of entries. */
export class SearchIndex<T> {
  private readonly values: readonly T[];
  private readonly targets: Target[] = [];

  /** @param keysOf every form of an entry a user may type */
  constructor(values: readonly T[], keysOf: (value: T) => SearchKeys) {
    this.values = values;
    values.forEach((value, entry) => {
      const keys = keysOf(value);
      const strings = new Set<string>();
      for (const latin of keys.latin) if (latin) strings.add(latin);
      for (const zh of keys.chinese) {
        if (!zh) continue;
        strings.add(zh);
        for (const form of pinyinForms(zh)) strings.add(form);
      }
      for (const s of strings) this.targets.push({ prepared: fuzzysort.prepare(s), plain: s.toLowerCase(), entry });
    });
  }

  get size(): number {
    return this.values.length;
  }

  /**
   * Entries matching `query`, best first, at most `limit`. An empty query returns the first
   * `limit` entries in index order. Exact and prefix matches rank above fuzzy ones.
   * @returns entries with a score in [0, 2] (higher is better)
   */
  search(query: string, limit: number): { value: T; score: number }[] {
    const q = query.trim().toLowerCase();
    if (!q) return this.values.slice(0, limit).map((value) => ({ value, score: 0 }));
    // Pinyin typed with spaces or apostrophes (`gong xin bu`, `xi'an`) matches the joined form.
    const compact = HAN.test(q) ? q : q.replace(/[\s']+/g, '');
    const best = new Map<number, number>();
    const consider = (search: string) => {
      for (const result of fuzzysort.go(search, this.targets, { key: 'prepared', threshold: 0.2, limit: Math.max(200, limit * 8) })) {
        const target = result.obj;
        let score = result.score;
        if (target.plain === q || target.plain === compact) score = 2;
        else if (target.plain.startsWith(q) || target.plain.startsWith(compact)) score = 1.5 + 0.4 * (compact.length / target.plain.length);
        else if (target.plain.includes(q)) score = Math.max(score, 1.1 + 0.3 * (q.length / target.plain.length));
        if (score > (best.get(target.entry) ?? -1)) best.set(target.entry, score);
      }
    };
    consider(compact);
    if (compact !== q) consider(q);
    return [...best]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([entry, score]) => ({ value: this.values[entry], score }));
  }
}

const cache = new WeakMap<object, Map<string, SearchIndex<unknown>>>();

/** A search index cached per `owner` object (e.g. a Catalogue) and `name`. */
export function cachedIndex<T>(owner: object, name: string, build: () => SearchIndex<T>): SearchIndex<T> {
  let byName = cache.get(owner);
  if (!byName) cache.set(owner, (byName = new Map()));
  let index = byName.get(name) as SearchIndex<T> | undefined;
  if (!index) byName.set(name, (index = build()));
  return index;
}
