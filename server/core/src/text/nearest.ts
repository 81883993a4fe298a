import damerauLevenshtein from 'damerau-levenshtein';

/**
 * Damerau–Levenshtein distance between two strings, in UTF-16 code units: insertions, deletions,
 * substitutions and swaps of two adjacent characters count 1 each (NDCR → NDRC is 1). Case-sensitive.
 */
export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

/**
 * The candidate nearest to `word` by `editDistance` (the first of equally near ones), for
 * "did you mean …" messages; undefined when there are no candidates.
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
