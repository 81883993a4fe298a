/** Pinyin forms and the search index behind completion (candidate lookup equals the full scan). */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SearchIndex, pinyinForms } from '../../server/core/src/index';
import { loadBundledCatalogue } from '../../server/src/config/projectConfig';

describe('Pinyin search', function () {
  it('finds Chinese names by syllables, initials, characters and English', () => {
    assert.deepEqual(pinyinForms('工信部'), ['gongxinbu', 'gxb']);
    const index = new SearchIndex([{ en: 'Ministry of Industry and Information Technology', zh: '工业和信息化部' }, { en: 'National Development and Reform Commission', zh: '国家发展和改革委员会' }], (v) => ({ latin: [v.en], chinese: [v.zh] }));
    assert.equal(index.search('gongyehexinxihuabu', 5)[0].value.zh, '工业和信息化部');
    assert.equal(index.search('gjfzhggwyh', 5)[0].value.zh, '国家发展和改革委员会');
    assert.equal(index.search('发展', 5)[0].value.zh, '国家发展和改革委员会');
    assert.equal(index.search('reform comm', 5)[0].value.zh, '国家发展和改革委员会');
    assert.equal(index.search('gong xin', 5)[0].value.zh, '工业和信息化部', 'spaces between syllables are ignored');
  });
});

describe('Search index candidates', function () {
  this.timeout(120_000);
  it('finds entries through the compact form and through a later word, not only the query\'s first two characters', () => {
    // Ten entries match each query in the cheap tiers, so the fuzzy tier (which would find the
    // others anyway) does not run: only the candidate lookup can find them.
    const filler = Array.from({ length: 10 }, (_, i) => [{ en: `Plan for a development zone ${i}`, zh: '' }, { en: `x'ian report ${i}`, zh: '' }]).flat();
    const entries = [...filler, { en: 'Development plan', zh: '' }, { en: 'City', zh: '西安' }];
    const index = new SearchIndex(entries, (v) => ({ latin: [v.en], chinese: [v.zh] }));
    // "a development": every word is in "development plan", which has no "a ".
    assert.ok(index.search('a development', 50).some((r) => r.value.en === 'Development plan'));
    // "x'ian" → compact "xian", the pinyin of 西安.
    assert.ok(index.search("x'ian", 50).some((r) => r.value.zh === '西安'));
  });

  it('searching only targets that share a two-character substring with the query, or that the query it extends matched (cheap and fuzzy tiers), gives the full scan\'s results (fast-check)', () => {
    const catalogue = loadBundledCatalogue().catalogue;
    const keysOf = (t: (typeof catalogue.titles)[number]) => ({ latin: [t.title_en, ...(t.translations ?? []).map((x) => x.title), t.doc_number ?? ''], chinese: [t.title_zh] });
    const fast = new SearchIndex(catalogue.titles, keysOf);
    const full = new SearchIndex(catalogue.titles, keysOf, { candidateIndex: false });
    // Queries: pieces of real titles (English, Chinese, pinyin), with spaces and apostrophes, and noise.
    const pieces = catalogue.titles.flatMap((t) => [t.title_en, t.title_zh, ...pinyinForms(t.title_zh)]);
    const piece = fc.tuple(fc.constantFrom(...pieces), fc.nat(), fc.integer({ min: 1, max: 12 }))
      .map(([text, at, length]) => text.slice(at % text.length, (at % text.length) + length));
    const separator = fc.constantFrom(' ', "'", '  ');
    const query = fc.oneof(
      piece,
      fc.string({ maxLength: 6 }),
      fc.tuple(piece, separator, piece).map((parts) => parts.join('')),
      // A one-letter first word: the query's first two characters ("a ") differ from its compact
      // form's ("ad…") and from its first long word's.
      fc.tuple(fc.constantFrom('a', 'o', 'g', 'q', '国'), separator, piece).map((parts) => parts.join('')),
    );
    // Typed in sequence, as in the editor: every prefix, so narrowing and the one-character cache are exercised too.
    fc.assert(fc.property(fc.array(query, { minLength: 1, maxLength: 4 }), (queries) => {
      for (const q of queries) {
        for (let n = 1; n <= q.length; n++) {
          const typed = q.slice(0, n);
          assert.deepEqual(fast.search(typed, 50), full.search(typed, 50), JSON.stringify(typed));
        }
      }
    }), { seed: 20261129, numRuns: 300 });
  });

  it('ties among many equal fuzzy matches: typing a typo on gives the fresh search\'s results (fast-check)', () => {
    // 400 titles of one length and shape: a typo matches them all fuzzily with one score, more
    // than the fuzzy tier keeps, so which it keeps must not depend on the targets tried.
    const titles = Array.from({ length: 400 }, (_, i) => `Measures for Item ${String(i).padStart(3, '0')}`);
    const fast = new SearchIndex(titles, (t) => ({ latin: [t], chinese: [] }));
    const full = new SearchIndex(titles, (t) => ({ latin: [t], chinese: [] }), { candidateIndex: false });
    const word = fc.constantFrom('measures', 'item', 'measures for item');
    const typo = fc.tuple(word, fc.nat(), fc.constantFrom('drop', 'double', 'swap')).map(([w, at, kind]) => {
      const i = at % (w.length - 1);
      if (kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
      if (kind === 'double') return w.slice(0, i) + w[i] + w.slice(i);
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    });
    assert.deepEqual(fast.search('mesures', 50).map((r) => r.value), full.search('mesures', 50).map((r) => r.value));
    fc.assert(fc.property(fc.array(typo, { minLength: 1, maxLength: 3 }), (queries) => {
      for (const q of queries) {
        for (let n = 1; n <= q.length; n++) {
          const typed = q.slice(0, n);
          assert.deepEqual(fast.search(typed, 50), full.search(typed, 50), JSON.stringify(typed));
          // Title completion searches the English title on the line too, between keystrokes.
          assert.deepEqual(fast.search('mesures for', 50), full.search('mesures for', 50));
        }
      }
    }), { seed: 20261206, numRuns: 100 });
  });
});
