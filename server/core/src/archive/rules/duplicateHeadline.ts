/**
 * `archive.duplicate-headline`: a topic headline that another brief of the archive uses too
 * (compared after normalising case, spaces and trailing punctuation) — likely a copied topic.
 */
import type { ArchiveTopic } from '../types';
import type { ArchiveRule } from './rule';
import { otherBriefs, perList, MAX_RELATED, type ListMemo } from './majority';

/** The briefs of a list of topics with one headline: counted once per list (`perList`), not once per topic. */
const briefsCache: ListMemo<ArchiveTopic, Set<string>> = new WeakMap();

function briefsOf(topics: readonly ArchiveTopic[]): Set<string> {
  return perList(briefsCache, topics, () => new Set(topics.map((t) => t.briefId)));
}

export const duplicateHeadline: ArchiveRule = {
  id: 'archive.duplicate-headline',
  description: 'A topic headline is used in another brief of the archive too (likely a copy).',
  defaultSeverity: 'information',
  tags: ['archive', 'structure'],
  check({ brief, index, nameOf, report }) {
    for (const topic of brief.topics) {
      const all = index.topicsByHeadline(topic.headlineKey);
      const briefs = briefsOf(all);
      const count = briefs.size - (briefs.has(brief.id) ? 1 : 0);
      if (!count) continue;
      const others: ArchiveTopic[] = [];
      for (const t of all) if (t.briefId !== brief.id && others.push(t) === MAX_RELATED) break;
      report({
        message: `The headline '${topic.headline.text.trim()}' is used in ${otherBriefs(count)} too: is this topic a copy?`,
        range: topic.headline.range,
        related: others.map((t) => ({ message: `Topic ${t.index + 1} of ${nameOf(t.briefId)}`, range: t.headline.range, uri: t.briefId })),
      });
    }
  },
};
