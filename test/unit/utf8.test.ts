/** Decoding files as UTF-8 without losing bytes (server/src/files/utf8.ts): the first bad byte is named with its line. */
import * as assert from 'node:assert/strict';
import { decodeUtf8 } from '../../server/src/files/utf8';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p as never)));

describe('decodeUtf8', () => {
  it('keeps a byte-order mark, Chinese text and emoji as they are', () => {
    assert.deepEqual(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '中文 😀\r\n')), { text: '\uFEFF中文 😀\r\n' });
  });

  const cases: [string, Buffer, string][] = [
    ['Latin-1 é before a space (the start of the broken sequence)', bytes('ab\r\n', [0xe9, 0x20], 'x'), 'not UTF-8 text (byte 0xE9 on line 2)'],
    ['a byte that never starts a sequence after a valid é', bytes('é\n', [0xff]), 'not UTF-8 text (byte 0xFF on line 2)'],
    ['GBK 国家 after Chinese text in UTF-8', bytes('中文\n\n', [0xb9, 0xfa, 0xbc, 0xd2]), 'not UTF-8 text (byte 0xB9 on line 3)'],
    ['a sequence cut off by the end of the file', bytes('中', [0xe4, 0xb8]), 'not UTF-8 text (byte 0xE4 on line 1)'],
    ['a lone continuation byte', bytes([0x80]), 'not UTF-8 text (byte 0x80 on line 1)'],
  ];
  for (const [what, input, error] of cases) {
    it(`names the first bad byte and its line: ${what}`, () => {
      assert.deepEqual(decodeUtf8(input), { error });
    });
  }
});
