/**
 * In-order alignment of two lists (a longest common subsequence), for comparing a list with the
 * sequence it should mirror (the intro's topics list with the topic headlines).
 */

/** Longest middle part aligned by dynamic programming (entries × entries); beyond it only the common prefix and suffix are aligned. */
const MAX_CELLS = 1_000_000;

/**
 * The pairs `[i, j]` with `a[i] === b[j]` of a longest common subsequence of `a` and `b`, in
 * increasing order of both indices. O(n + m) for lists that differ only in their middle, else
 * O(n × m) time and memory for a middle of at most `MAX_CELLS` cells (larger middles align only
 * their common prefix and suffix).
 */
export function alignInOrder(a: readonly string[], b: readonly string[]): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: [number, number][] = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    // lengths[i * (m + 1) + j]: LCS length of a[head + i …] and b[head + j …] (middle parts).
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] = a[head + i] === b[head + j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
      }
    }
    for (let i = 0, j = 0; i < n && j < m; ) {
      if (a[head + i] === b[head + j]) pairs.push([head + i++, head + j++]);
      else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
      else j++;
    }
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}
