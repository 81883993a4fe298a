/**
 * One fuzz case: a seed brief, a list of mutations, and the properties checked on the result.
 * Shared by the mocha property tests and the long run.
 */
import type { CheckConfig, ParseCache } from '../../../server/core/src/index';
import { applyMutation, type Mutation } from './mutations';
import { assertAllProperties, assertIncrementalEqualsFull } from './properties';

/** A generated case: index into the seed list and the mutations to apply in order. */
export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
}

/** The versions of the document after each mutation (the last is the text under test). */
export function versionsOf(seeds: readonly { text: string }[], c: FuzzCase): string[] {
  const versions: string[] = [];
  let text = seeds[c.seed % seeds.length].text;
  for (const m of c.mutations) {
    text = applyMutation(text, m);
    versions.push(text);
  }
  return versions;
}

/**
 * Checks properties (a)–(d) on the final text and, when `incremental` is set, (e) on the whole
 * sequence of versions. Throws an AssertionError on the first violation.
 */
export function checkCase(seeds: readonly { text: string }[], config: CheckConfig, cache: ParseCache, c: FuzzCase, incremental: boolean): void {
  const versions = versionsOf(seeds, c);
  assertAllProperties(versions[versions.length - 1], config, cache);
  if (incremental) assertIncrementalEqualsFull(versions, config);
}
