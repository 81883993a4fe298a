/** alignInOrder (text/align.ts): the in-order alignment structure.topics-list compares the topics list with. */
import * as assert from 'node:assert/strict';
import { alignInOrder } from '../../server/core/src/text/align';

describe('alignInOrder', () => {
  it('a left-out middle element: the others stay paired with their own', () => {
    assert.deepEqual(alignInOrder(['alpha', 'gamma'], ['alpha', 'beta', 'gamma']), [[0, 0], [1, 2]]);
  });

  it('a left-out first element and an extra element', () => {
    assert.deepEqual(alignInOrder(['beta'], ['alpha', 'beta']), [[0, 1]]);
    assert.deepEqual(alignInOrder(['alpha', 'x', 'beta'], ['alpha', 'beta']), [[0, 0], [2, 1]]);
  });

  it('swapped elements: one of them stays paired', () => {
    assert.equal(alignInOrder(['b', 'a'], ['a', 'b']).length, 1);
  });

  it('long lists that differ only in the middle are aligned through their common prefix and suffix', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `t${i}`);
    const b = a.filter((_, i) => i !== 2500);
    const pairs = alignInOrder(b, a);
    assert.equal(pairs.length, 4999);
    assert.deepEqual(pairs[2500], [2500, 2501]);
  });
});
