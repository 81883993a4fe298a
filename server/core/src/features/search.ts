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

/** Fuzzy matching runs only when fewer entries than this matched exactly, by prefix or substring. */
const FUZZY_BELOW = 10;

/**
 * How many recent queries each tier remembers the matches of. Title completion searches twice
 * per keystroke (the typed text and the English title on the line), each in two forms (as typed
 * and compact): a slot each keeps both narrowing as typing goes on.
 */
const REMEMBERED_QUERIES = 4;

/**
 * The targets (indices) that recent queries of one tier matched. A target that matches a query
 * matches each of the query's prefixes the tier accepts, so a query extending a remembered one
 * need try only the targets that one matched: the same results as trying every target.
 */
class PreviousMatches {
  private slots: { query: string; targets: number[] }[] = [];

  /** The targets of the longest remembered query that `query` starts with (undefined: none). */
  narrowing(query: string): number[] | undefined {
    let found: { query: string; targets: number[] } | undefined;
    for (const slot of this.slots) if (query.startsWith(slot.query) && (!found || slot.query.length > found.query.length)) found = slot;
    return found?.targets;
  }

  /** Remembers that `query` matched exactly `targets` (every match, uncut), dropping the oldest slot. */
  remember(query: string, targets: number[]): void {
    this.slots = [{ query, targets }, ...this.slots.filter((s) => s.query !== query)].slice(0, REMEMBERED_QUERIES);
  }
}

/** A searchable list of entries. */
export class SearchIndex<T> {
  private readonly values: readonly T[];
  private readonly targets: Target[] = [];
  /** Recent queries and the targets their cheap tiers matched: typing on narrows those sets. */
  private readonly previousCheap = new PreviousMatches();
  /** Recent fuzzy searches and every target fuzzysort matched (see `fuzzyMatches`). */
  private readonly previousFuzzy = new PreviousMatches();
  /** Per target, the number of the last candidate scan that saw it (no target scanned twice). */
  private scanned = new Uint32Array(0);
  private stamp = 0;
  /** For each two-code-unit substring of the targets' lower-cased text, the targets holding it (built on first use). */
  private bigrams?: Map<string, number[]>;
  /** Results of one-character queries (a full scan each), by character. */
  private readonly oneCharacter = new Map<string, { value: T; score: number }[]>();

  /**
   * @param keysOf every form of an entry a user may type
   * @param options `candidateIndex: false` scans every target for each query instead of only
   *   those sharing a two-character substring with it, or, when the query extends a recent one,
   *   those that one matched (same results, slower; for comparisons)
   */
  constructor(values: readonly T[], keysOf: (value: T) => SearchKeys, private readonly options: { candidateIndex?: boolean } = {}) {
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
    this.scanned = new Uint32Array(this.targets.length);
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
    if (q.length === 1) {
      const key = `${q}\u0000${limit}`;
      let results = this.oneCharacter.get(key);
      if (!results) this.oneCharacter.set(key, (results = this.searchUncached(q, limit)));
      return results;
    }
    return this.searchUncached(q, limit);
  }

  /**
   * The targets that can match a query of two or more code units in a cheap tier: those holding
   * the first two code units of the query, of its compact form, and of its first word that has
   * two (a target matching a tier contains one of these). Undefined (scan everything) when the
   * compact form is shorter than two or several words are all one character long.
   */
  private candidates(q: string, compact: string, words: readonly string[]): number[][] | undefined {
    if (this.options.candidateIndex === false) return undefined;
    const word = words.find((w) => w.length > 1);
    if ((!word && words.length > 1) || compact.length < 2) return undefined;
    this.bigrams ??= this.buildBigrams();
    const keys = new Set([q.slice(0, 2), compact.slice(0, 2), (word ?? q).slice(0, 2)].filter((k) => k.length === 2));
    return [...keys].map((k) => this.bigrams!.get(k) ?? []);
  }

  private buildBigrams(): Map<string, number[]> {
    const bigrams = new Map<string, number[]>();
    this.targets.forEach((target, i) => {
      const seen = new Set<string>();
      for (let at = 0; at + 1 < target.plain.length; at++) {
        const key = target.plain.slice(at, at + 2);
        if (seen.has(key)) continue;
        seen.add(key);
        const list = bigrams.get(key);
        if (list) list.push(i);
        else bigrams.set(key, [i]);
      }
    });
    return bigrams;
  }

  /** `search` for a trimmed, lower-cased, non-empty query. */
  private searchUncached(q: string, limit: number): { value: T; score: number }[] {
    // Pinyin typed with spaces or apostrophes (`gong xin bu`, `xi'an`) matches the joined form.
    const compact = HAN.test(q) ? q : q.replace(/[\s']+/g, '');
    const words = q.split(/\s+/).filter(Boolean);
    const best = new Map<number, number>();
    const keep = (entry: number, score: number) => {
      if (score > (best.get(entry) ?? -1)) best.set(entry, score);
    };
    // Cheap tiers first (exact, prefix, substring, all words): one pass of string tests. Each
    // tier only narrows as the query grows (a target matching a query matches each of its
    // prefixes of two or more code units), so a query extending a recent one scans only the
    // targets that one matched.
    const incremental = this.options.candidateIndex !== false;
    const short = q.length === 1;
    const narrowed = incremental && !short ? this.previousCheap.narrowing(q) : undefined;
    const han = HAN.test(q);
    const matched: number[] = [];
    const scan = (i: number) => {
      const target = this.targets[i];
      const plain = target.plain;
      if (plain === q || plain === compact) keep(target.entry, 2);
      else if (plain.startsWith(q) || plain.startsWith(compact)) keep(target.entry, 1.5 + 0.4 * (compact.length / plain.length));
      else if (short) {
        // One letter: word starts only (anything contains it); one Han character: anywhere.
        const at = han ? plain.indexOf(q) : plain.indexOf(` ${q}`);
        if (at < 0) return;
        keep(target.entry, 1.05);
      } else {
        const at = plain.indexOf(q);
        if (at >= 0) {
          // An exact phrase (whole words: `robot` in `"robot+"`, not in `robotics`) ranks above a
          // longer title that merely contains the letters.
          const wordStart = at > 0 && !isWordCharacter(plain, at - 1);
          const wordEnd = at + q.length === plain.length || !isWordCharacter(plain, at + q.length);
          keep(target.entry, 1.1 + 0.3 * (q.length / plain.length) + (wordStart ? 0.1 : 0) + (wordStart && wordEnd ? 0.1 : 0));
        } else if (words.length > 1 && words.every((w) => plain.includes(w))) keep(target.entry, 1 + 0.1 * (q.length / plain.length));
        else return;
      }
      matched.push(i);
    };
    const candidates = narrowed || short ? undefined : this.candidates(q, compact, words);
    if (narrowed) {
      for (const i of narrowed) scan(i);
    } else if (candidates) {
      // A target in two lists is scanned once.
      const stamp = ++this.stamp;
      for (const list of candidates) {
        for (const i of list) {
          if (this.scanned[i] === stamp) continue;
          this.scanned[i] = stamp;
          scan(i);
        }
      }
    } else {
      for (let i = 0; i < this.targets.length; i++) scan(i);
    }
    // One-letter results are not a superset of longer ones' (word starts only): no narrowing.
    if (incremental && !short) this.previousCheap.remember(q, matched);
    // Fuzzy matches (fuzzysort: typos, skipped letters) only when the cheap tiers found almost
    // nothing: a fuzzy pass over every target costs more than all the cheap tiers together.
    if (best.size < Math.min(limit, FUZZY_BELOW) && compact.length > 1) {
      const consider = (search: string) => {
        // The best `limit * 4` matches at or above the threshold, ties by entry then target: the
        // same whichever targets were tried (all of them, or those a previous search matched).
        const good = this.fuzzyMatches(search).filter((m) => m.score >= FUZZY_THRESHOLD);
        good.sort((a, b) => b.score - a.score || this.targets[a.target].entry - this.targets[b.target].entry || a.target - b.target);
        for (const { target, score } of good.slice(0, limit * 4)) {
          const entry = this.targets[target].entry;
          if (!best.has(entry)) keep(entry, Math.min(score, 0.99));
        }
      };
      consider(compact);
      if (compact !== q) consider(q);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([entry, score]) => ({ value: this.values[entry], score }));
  }

  /**
   * Every target fuzzysort matches with `search` and its score (0…1; no threshold, no limit),
   * in no particular order. A target that matches a search matches each of its prefixes (each
   * word a subsequence of the target), so only the targets of a remembered search that `search`
   * extends are tried. One pass, no sorting: the caller sorts the few it keeps.
   */
  private fuzzyMatches(search: string): { target: number; score: number }[] {
    const incremental = this.options.candidateIndex !== false;
    const matches: { target: number; score: number }[] = [];
    const tryTarget = (i: number) => {
      const result = fuzzysort.single(search, this.targets[i].prepared);
      if (result) matches.push({ target: i, score: result.score });
    };
    const previous = incremental ? this.previousFuzzy.narrowing(search) : undefined;
    if (previous) for (const i of previous) tryTarget(i);
    else for (let i = 0; i < this.targets.length; i++) tryTarget(i);
    if (incremental) this.previousFuzzy.remember(search, matches.map((m) => m.target));
    return matches;
  }
}

/** Minimum fuzzysort score of a fuzzy match (0…1). */
const FUZZY_THRESHOLD = 0.2;

/** True when the code unit at `at` is a letter or digit (`\p{L}`, `\p{N}`; a lone surrogate is neither). */
function isWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(text[at]);
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
