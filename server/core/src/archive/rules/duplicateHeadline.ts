/**
 * `archive.duplicate-headline`: a topic headline that another brief of the archive uses too
 * (compared after normalising case, spaces and trailing punctuation) — likely a copied topic.
 */
import type { ArchiveRule } from './rule';
import { otherBriefs, MAX_RELATED } from './majority';

export const duplicateHeadline: ArchiveRule = {
  id: 'archive.duplicate-headline',
  description: 'A topic headline is used in another brief of the archive too (likely a copy).',
  defaultSeverity: 'information',
  tags: ['archive', 'structure'],
  check({ brief, index, nameOf, report }) {
    for (const topic of brief.topics) {
      const others = index.topicsByHeadline(topic.headlineKey).filter((t) => t.briefId !== brief.id);
      if (!others.length) continue;
      const count = new Set(others.map((t) => t.briefId)).size;
      report({
        message: `The headline '${topic.headline.text.trim()}' is used in ${otherBriefs(count)} too: is this topic a copy?`,
        range: topic.headline.range,
        related: others.slice(0, MAX_RELATED).map((t) => ({ message: `Topic ${t.index + 1} of ${nameOf(t.briefId)}`, range: t.headline.range, uri: t.briefId })),
      });
    }
  },
};
