/** LineIndex: UTF-16 offsets ↔ LSP positions on mixed scripts, astral characters and every line break. */
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/core/src/index';

describe('LineIndex', () => {
  it('counts UTF-16 code units: Han is 1, astral characters are 2', () => {
    const text = 'a中🚀b\n𝑥y';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('b')), { line: 0, character: 4, offset: 4 });
    assert.deepEqual(index.positionAt(text.indexOf('y')), { line: 1, character: 2, offset: 8 });
    assert.equal(index.offsetAt(0, 4), 4);
    assert.equal(index.lineText(0), 'a中🚀b');
  });

  it('reports character relative to the line start on line 3 and later', () => {
    const text = 'one\ntwo\n三 🚀 target\n';
    const index = new LineIndex(text);
    const offset = text.indexOf('target');
    assert.deepEqual(index.positionAt(offset), { line: 2, character: 5, offset });
  });

  it('treats CRLF, LF and a lone CR as one line break each', () => {
    const text = 'a\r\nb\nc\rd';
    const index = new LineIndex(text);
    assert.deepEqual(index.lineStarts, [0, 3, 5, 7]);
    assert.equal(index.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['a', 'b', 'c', 'd']);
    assert.equal(index.lineEnd(0), 1);
    assert.equal(index.lineEnd(2), 6);
    assert.deepEqual(index.positionAt(7), { line: 3, character: 0, offset: 7 });
  });

  it('never returns a position between the CR and LF of a pair', () => {
    const text = 'ab\r\ncd\r\n';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2, offset: 2 });
    for (let offset = 0; offset <= text.length; offset++) {
      const p = index.positionAt(offset);
      assert.ok(!(text[p.offset - 1] === '\r' && text[p.offset] === '\n'), `offset ${offset}`);
      assert.equal(index.offsetAt(p.line, p.character), p.offset);
    }
  });

  it('never returns a position inside a surrogate pair', () => {
    const text = 'x🚀y𝑥\r\n🚀';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(2), { line: 0, character: 1, offset: 1 });
    for (let offset = 0; offset <= text.length; offset++) {
      const p = index.positionAt(offset);
      const code = text.charCodeAt(p.offset);
      const prev = text.charCodeAt(p.offset - 1);
      assert.ok(!(code >= 0xdc00 && code <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff), `offset ${offset}`);
    }
  });

  it('clamps offsets and positions to the text', () => {
    const text = 'ab\r\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0, offset: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2, offset: 6 });
    assert.deepEqual(index.positionAt(1.7), { line: 0, character: 1, offset: 1 });
    assert.equal(index.offsetAt(0, 99), 2, 'character past the line end stops before CRLF');
    assert.equal(index.offsetAt(0, -3), 0);
    assert.equal(index.offsetAt(-1, 0), 0);
    assert.equal(index.offsetAt(7, 0), text.length);
  });

  it('keeps a BOM as one code unit on line 0', () => {
    const text = '\uFEFF---\r\nx';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(1), { line: 0, character: 1, offset: 1 });
    assert.equal(index.lineText(0), '\uFEFF---');
  });

  it('builds ranges with end never before start, and reports the dominant line break', () => {
    const index = new LineIndex('abc\r\ndef');
    assert.deepEqual(index.range(2, 1).end, index.positionAt(2));
    assert.equal(index.eol, '\r\n');
    assert.equal(new LineIndex('a\nb').eol, '\n');
  });

  it('handles the empty text and a trailing line break', () => {
    assert.deepEqual(new LineIndex('').positionAt(0), { line: 0, character: 0, offset: 0 });
    const index = new LineIndex('a\n');
    assert.equal(index.lineCount, 2);
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0, offset: 2 });
  });
});
