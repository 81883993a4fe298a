/**
 * Regression tests for bugs the fuzzer found, each with the minimal input. The name says what
 * broke; the fuzz case that found it is in the comment.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, checkBrief, parseBrief, parseMarkdown, ParseCache, preferredFixEdits } from '../../server/core/src/index';
import { countWords, normalizeHeadline } from '../../server/core/src/rules/helpers';
import { defaultConfig } from '../support/config';
import { assertAllProperties, assertIncrementalEqualsFull } from './support/properties';

/** A one-topic brief whose Article line is `article`. */
function briefWith(article: string, eol = '\n'): string {
  return [
    '---',
    'policy-brief: china-industries',
    '---',
    '',
    '# Title',
    '',
    '1. Headline',
    '',
    '## 1. Headline',
    '',
    '**At a glance:** Lead text.',
    '',
    '- Point one',
    '- Point two',
    '- Point three',
    '',
    '**MERICS comment:** Comment text.',
    '',
    'More comment text.',
    '',
    article,
    'Issuing bodies: CAC',
    'Date: April 11, 2023',
    '',
  ].join(eol);
}

function findingsOf(text: string, ruleId: string) {
  return checkBrief(text, defaultConfig().config).findings.filter((f) => f.ruleId === ruleId);
}

describe('fuzz regressions', () => {
  describe('citation.title-parentheses: the preferred fix resolves an unpaired parenthesis', () => {
    // Found by fuzz-long --seed 20260429 (truncate inside the Article line): "… (关" got a fix
    // that wrapped 关 in a second pair, "((关)", which the parser again read as unenclosed.
    it('an unclosed ( before the Chinese title gets only the missing )', () => {
      const text = briefWith('Article: Measures on Data (数据管理办法');
      const [finding] = findingsOf(text, 'citation.title-parentheses');
      assert.ok(finding, 'the unclosed parenthesis is reported');
      const fixed = applyEdits(text, preferredFixEdits([finding])).text;
      assert.ok(fixed.includes('Article: Measures on Data (数据管理办法)\n'), fixed);
      assert.deepEqual(findingsOf(fixed, 'citation.title-parentheses'), []);
    });

    // Found by fuzz-long --seed 1267: ")" replaced by "（\r" left "(互…规定（" with the link on the next line.
    it('an unclosed ( and a stray （ after the title: the title stops at the stray parenthesis', () => {
      for (const eol of ['\n', '\r\n']) {
        const text = briefWith('Article: Provisions on Services (服务管理规定（\r ([Link](https://example.org/a))', eol);
        const [finding] = findingsOf(text, 'citation.title-parentheses');
        assert.ok(finding);
        const fixed = applyEdits(text, preferredFixEdits([finding])).text;
        assert.deepEqual(findingsOf(fixed, 'citation.title-parentheses'), [], JSON.stringify(fixed));
        assertAllProperties(text, defaultConfig().config);
      }
    });

    it('an unopened ) after the title gets only the missing (', () => {
      const text = briefWith('Article: Measures on Data 数据管理办法) ([Link](https://example.org/a))');
      const [finding] = findingsOf(text, 'citation.title-parentheses');
      assert.ok(finding);
      const fixed = applyEdits(text, preferredFixEdits([finding])).text;
      assert.ok(fixed.includes('Article: Measures on Data (数据管理办法) ([Link]'), fixed);
      assert.deepEqual(findingsOf(fixed, 'citation.title-parentheses'), []);
    });

    // Found by fuzz-long --seed 5347: a stray "(" early in the Article value hid the balanced
    // "(中文)" group (it was no longer at depth 0), and enclosing the title again did not help.
    it('a stray ( earlier in the value does not hide the balanced Chinese title group', () => {
      const text = briefWith('Article:(Article: Provisions on Services (服务管理规定) ([Link](https://example.org/a))');
      assert.deepEqual(findingsOf(text, 'citation.title-parentheses'), []);
      const { model } = checkBrief(text, defaultConfig().config);
      assert.equal(model.topics[0].citations[0].article?.parsed.chineseTitle?.text, '服务管理规定');
      assertAllProperties(text, defaultConfig().config);
    });

    it('a title without any parentheses is still enclosed in both', () => {
      const text = briefWith('Article: Measures on Data 数据管理办法 ([Link](https://example.org/a))');
      const [finding] = findingsOf(text, 'citation.title-parentheses');
      const fixed = applyEdits(text, preferredFixEdits([finding])).text;
      assert.ok(fixed.includes('Article: Measures on Data (数据管理办法) ([Link]'), fixed);
    });
  });

  // Found by test/fuzz/pathological.test.ts and a scan of every regex literal in the core on
  // 20,000-character adversarial strings. The rewrites must keep the results; the inputs that
  // were slow (minutes on 1 MB) are in the pathological suite, without timing asserts.
  describe('quadratic scans replaced by linear ones keep their results', () => {
    const schema = () => defaultConfig().config.schema;

    it('countWords (Intl.Segmenter per 1 KB piece): counts across piece boundaries exactly', () => {
      // V8's segment iterator is quadratic on one long string: a 1 MB paragraph took minutes.
      assert.equal(countWords('word '.repeat(3000)), 3000);
      assert.equal(countWords('中文'.repeat(1500)), 3000);
      assert.equal(countWords(`${'x'.repeat(5000)} end`), 6, 'a 5,000-letter run is cut every 1,024 code units, then one more word');
      assert.equal(countWords('𠀀'.repeat(2000)), 2000, 'astral Han is never cut inside a surrogate pair');
    });

    it('heading closing sequence (scan instead of /(?:[ \\t]+#+)?[ \\t]*$/)', () => {
      const model = parseBrief('# T\n\n## 1. Title ##  \n\n## 2. C# and F#\n\n## 3. A   \t##\n\n## 4. ##\n\n## 5. Gap' + ' '.repeat(100_000) + 'End\n', schema());
      const headlines = model.topics.map((t) => t.headline.text);
      assert.deepEqual(headlines.slice(0, 4), ['Title', 'C# and F#', 'A', ''], 'a lone closing sequence is removed, as CommonMark says');
      assert.ok(headlines[4] === `Gap${' '.repeat(100_000)}End`, 'blanks inside a headline are kept');
    });

    it('issuing-body separators (no \\s* around , and "and"): same names and spans', () => {
      const text = briefWith('Article: Measures (管理办法) ([Link](https://example.org))').replace('Issuing bodies: CAC', `Issuing bodies: MIIT and NDRC ,  MEE；Ministry of Ecology and Environment、 CAC${' '.repeat(100_000)}& SAMR`);
      const bodies = checkBrief(text, defaultConfig().config).model.topics[0].citations[0].issuingBodies!.bodies.map((b) => b.text);
      assert.deepEqual(bodies, ['MIIT', 'NDRC', 'MEE', 'Ministry of Ecology and Environment', 'CAC', 'SAMR']);
    });

    it('link placeholder (no two adjacent \\s*): same matches', () => {
      for (const placeholder of ['(Link)', '( [ link ] )', '([链接])', '[Link]']) {
        const text = briefWith(`Article: Measures (管理办法) ${placeholder}`);
        assert.equal(checkBrief(text, defaultConfig().config).model.topics[0].citations[0].article?.parsed.linkPlaceholder?.text, placeholder);
      }
      const long = briefWith(`Article: Measures (管理办法) (${' \t'.repeat(50_000)}`);
      assert.equal(checkBrief(long, defaultConfig().config).model.topics[0].citations[0].article?.parsed.linkPlaceholder, undefined);
    });

    it('link text in word counts and headlines (no [^)]* rescans): links with one level of nesting still reduce to their text', () => {
      assert.equal(normalizeHeadline('See [the rules](https://example.org/a_(b)) now'), 'see the rules now');
      assert.equal(normalizeHeadline('[a](b'.repeat(3)), '[a](b[a](b[a](b');
      const text = briefWith('Article: Measures (管理办法)').replace('**At a glance:** Lead text.', '**At a glance:** Read [the new rules](https://example.org/x_(y)) today.');
      assert.equal(checkBrief(text, defaultConfig().config).model.topics[0].parts[0].lead.plain, 'Read the new rules today.');
    });
  });
});

describe('front-matter.invalid-yaml: an error range over a line break (long run, --seed 66089)', () => {
  // Found by scripts/fuzz-long.ts: the YAML parser's error range covered the "\n" of an empty
  // line in LF but only the "\r" of "\r\n" in CRLF, so LF reported 2:0-3:0 and CRLF 2:0-2:0.
  const lf = '---\npolicy-brief: china-industries\n\n- a list item where a key was expected\nA plain line\n---\n\n# Title\n';
  it('gives the same range on LF and CRLF, within one line', () => {
    const ranges = [lf, lf.replace(/\n/g, '\r\n')].map((text) => {
      const [finding] = checkBrief(text, defaultConfig().config).findings.filter((f) => f.ruleId === 'front-matter.invalid-yaml');
      assert.ok(finding, 'the broken front matter is reported');
      return finding.range;
    });
    assert.deepEqual(ranges.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]), [ranges[0], ranges[0]].map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]));
    assert.equal(ranges[0].start.line, ranges[0].end.line, 'the range stays on one line');
  });
  it('satisfies every property', () => {
    assertAllProperties(lf, defaultConfig().config);
    assertAllProperties(lf.replace(/\n/g, '\r\n'), defaultConfig().config);
  });
});

describe('ParseCache chunked parse: a block chunk starting with U+FEFF (long run, --seed 52605)', () => {
  // Found by scripts/fuzz-long.ts on the chunked parse: a line moved into a topic started with
  // U+FEFF ("\uFEFF---"). Parsed as its own chunk, micromark dropped the U+FEFF as a BOM and
  // read `---` as a thematic break; in the whole section it is a paragraph "\uFEFF---".
  const section = '## 1. Headline\n\nLead text.\n\n\uFEFF---\n\nMore text.\n';
  it('the cached model (mdast included) equals the fresh one', () => {
    const cache = new ParseCache();
    assert.deepStrictEqual(cache.get(section), parseMarkdown(section));
    const brief = `# Title\n\n1. Headline\n\n${section}`;
    assertIncrementalEqualsFull([brief, brief.replace('Lead', 'The lead'), brief], defaultConfig().config);
  });
});

describe('ParseCache chunked parse: an HTML block or fence inside a list item at the end of a chunk (long run, --seed 9921)', () => {
  // Found by scripts/fuzz-long.ts on the chunked parse: "- <script>" opened an HTML block inside
  // a list item. Parsed alone, the chunk ended the block at the end of the input and took in the
  // blank line after it; in the whole section the list item (and the block) ends before it.
  // The same holds for a fence opened after a list marker ("- ```").
  for (const opener of ['- <script>', '- ```']) {
    it(`${opener}: the cached model (mdast included) equals the fresh one`, () => {
      const section = `## 1. Headline\n\nLead text:\n\n${opener}first point\n\nMore text.\n\nLast paragraph.\n`;
      assert.deepStrictEqual(new ParseCache().get(section), parseMarkdown(section));
      const brief = `# Title\n\n1. Headline\n\n${section}`;
      assertIncrementalEqualsFull([brief, brief.replace('More', 'Much more'), brief], defaultConfig().config);
    });
  }
});
