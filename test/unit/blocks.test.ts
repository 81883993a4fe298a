/**
 * Block chunks of a section (`splitBlockChunks`) and the chunked parse of `ParseCache.get`:
 * where a section is split, where it must not be, and that the chunked parse (cold, and after
 * edits that move cached chunks) equals remark's parse of the whole section.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ParseCache, parseMarkdown } from '../../server/core/src/index';
import { splitBlockChunks } from '../../server/core/src/model/blocks';

/** The text of each chunk. */
function chunkTexts(text: string): string[] {
  const chunks = splitBlockChunks(text);
  return chunks.map((c, i) => text.slice(c.start, chunks[i + 1]?.start ?? text.length));
}

/** Parses `texts` in order with one cache; each must equal a fresh whole parse. */
function assertChunkedEqualsWhole(texts: readonly string[]): void {
  const cache = new ParseCache();
  for (const text of texts) {
    assert.deepStrictEqual(cache.get(text), parseMarkdown(text), JSON.stringify(text));
    cache.sweep();
  }
}

const TOPIC = [
  '## 3. A headline',
  '',
  '**At a glance:** Lead text of the topic:',
  '',
  '- first key point',
  '- second key point',
  '',
  '**Comment:** The analyst\'s view.',
  '',
  'Article: Some Measures (某某办法)',
  'Issuing bodies: MIIT',
  'Date: April 1, 2023',
  '',
].join('\n');

describe('splitBlockChunks', () => {
  it('splits a topic before each block that follows a blank line', () => {
    assert.deepEqual(chunkTexts(TOPIC).map((t) => t.split('\n')[0]), [
      '## 3. A headline', '**At a glance:** Lead text of the topic:', '**Comment:** The analyst\'s view.', 'Article: Some Measures (某某办法)',
    ]);
    // The list after the lead stays with it: a list item after a blank line is never a chunk start.
    assert.match(chunkTexts(TOPIC)[1], /- second key point\n\n$/);
  });

  it('reports the 0-based line of each chunk for \\n, \\r\\n and \\r line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = TOPIC.split('\n').join(eol);
      assert.deepEqual(splitBlockChunks(text).map((c) => c.line), [0, 2, 7, 9], JSON.stringify(eol));
    }
  });

  it('never starts a chunk at a list item, an indented line or inside a fenced code block', () => {
    assert.equal(splitBlockChunks('- a\n\n- b\n\n1. c\n\n2) d\n\n* e\n\n+ f\n').length, 1);
    assert.equal(splitBlockChunks('- a\n\n  continued\n\n    code\n\n\tcode\n').length, 1);
    assert.deepEqual(chunkTexts('P\n\n```\nx\n\ny\n```\n\nQ\n'), ['P\n\n', '```\nx\n\ny\n```\n\n', 'Q\n']);
    assert.deepEqual(chunkTexts('~~~~\n\nz\n~~~\n\nw\n'), ['~~~~\n\nz\n~~~\n\nw\n'], 'a shorter closer does not close');
    // ``` with a backtick in the info string is a paragraph, not a fence.
    assert.deepEqual(chunkTexts('```a`b\n\nX\n'), ['```a`b\n\n', 'X\n']);
  });

  it('does not split text with HTML blocks, definitions, indented fences or front matter', () => {
    for (const text of [
      'P\n\n<!--\n\nQ -->\n', 'P\n\n <div>\n\nQ\n', 'P\n\n[a]: /url\n\nsee [a]\n', 'P\n\n[^1]: note\n\nQ[^1]\n',
      '- a\n   ```\n\nQ\n', '---\nkey: 1\n\n---\n\nQ\n', '- <script>x\n\nQ\n', '> <!-- c\n\nQ\n', 'P <?x\n\nQ\n', '- ```\n\nQ\n', '> ~~~\n\nQ\n',
    ]) {
      assert.equal(splitBlockChunks(text).length, 1, JSON.stringify(text));
    }
  });

  it('never starts a chunk with -, so --- cannot become front matter', () => {
    assert.deepEqual(chunkTexts('P\n\n---\na: 1\n---\n'), ['P\n\n---\na: 1\n---\n']);
  });
});

describe('ParseCache chunked parse', () => {
  it('equals the whole parse on a topic, in every line-break style, and after edits anywhere', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = TOPIC.split('\n').join(eol);
      const edits = [text, text.replace('Lead', 'Leading'), text.replace('headline', 'head'), text.replace('某某', '某某某'), text];
      assertChunkedEqualsWhole(edits);
    }
  });

  it('equals the whole parse where a line-by-line fence tracker would be misled', () => {
    assertChunkedEqualsWhole([
      // A ``` line inside an HTML block is not a fence; the next ``` opens one that holds "Y".
      '<div>\n```\n</div>\n\n```\ncode\n\nY\n```\n\nZ\n',
      // A fence inside a list item ends with the item; the later ``` opens a top-level fence.
      '- a\n  ```\n  code\n\nX\n\n```\nreal code\n\nY\n```\n\nZ\n',
      // A loose list, a list after a paragraph, and a list ending before a paragraph.
      '- a\n\n- b\n\nP\n\n1. c\n2. d\n\nQ\n',
    ]);
  });

  it('reuses the unchanged chunks of an edited section (the same node objects)', () => {
    const cache = new ParseCache();
    const first = cache.get(TOPIC);
    cache.sweep();
    const edited = TOPIC.replace('Issuing bodies: MIIT', 'Issuing bodies: MIIT, NDRC');
    const second = cache.get(edited);
    assert.deepStrictEqual(second, parseMarkdown(edited));
    assert.equal(second.children[0], first.children[0], 'heading (first chunk) reused');
    assert.equal(second.children[1], first.children[1], 'At a glance paragraph (a later chunk, same place) reused');
    assert.notEqual(second.children.at(-1), first.children.at(-1), 'the edited citation paragraph is parsed again');
  });

  it('equals the whole parse on random block sequences (fast-check, seeded)', () => {
    const lines = [
      '- a', '  - b', '- ', '1. x', '2) y', '', '', '', '   ', '\t', '```', '~~~', '````', '```js`x', '```js', '    code', '\tcode',
      '> q', '> ```', '>', '| a | b |', '|---|---|', '---', '***', '===', 'Para text', '**At a glance:** x', 'see https://example.com',
      '* * *', '+ plus', '* star', '*emph*', '## 2. Heading', 'Setext', '  indented', '- [ ] task', '~~strike~~', '中文段落', '😀 emoji',
      '<div>', '[a]: /u', 'see [a]', '  ```', '\uFEFF---', '\uFEFFtext', '- ```', '- <script>', '> <!--', '- <div>', '> ~~~', '1. ```', 'inline ```code```',
    ];
    const eols = ['\n', '\r\n', '\r'];
    const doc = fc.tuple(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 25 }), fc.constantFrom(...eols))
      .map(([parts, eol]) => parts.map((l) => l + eol).join(''));
    fc.assert(fc.property(doc, doc, (a, b) => assertChunkedEqualsWhole([a, b, a + b, b + a, a + b])), { seed: 20261129, numRuns: 600 });
  });
});
