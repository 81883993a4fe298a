/**
 * `archive.rendering-mismatch`: the same document (same Chinese title) is rendered in English
 * differently than in other briefs of the archive, and the catalogue does not list this
 * rendering as accepted.
 */
import { englishKey } from '../../catalogue/normalize';
import type { ArchiveRule } from './rule';
import type { ArchiveCitation } from '../types';
import { disagreement, otherBriefs, verbFor, MAX_RELATED } from './majority';

/** The compared value (one function, so that `disagreement` counts each document once). */
const englishKeyOf = (c: ArchiveCitation) => c.englishKey;

export const renderingMismatch: ArchiveRule = {
  id: 'archive.rendering-mismatch',
  description: 'A document is rendered in English differently than in other briefs of the archive.',
  defaultSeverity: 'warning',
  tags: ['archive', 'citation'],
  check({ brief, index, catalogue, nameOf, report }) {
    for (const citation of brief.citations) {
      if (!citation.documentKey || !citation.english || !citation.englishKey) continue;
      const entries = citation.chinese ? catalogue.titlesByChinese(citation.chinese.text) : [];
      const accepted = new Set(entries.flatMap((e) => [e.title_en, ...(e.translations ?? []).map((t) => t.title)]).map(englishKey));
      if (accepted.has(citation.englishKey)) continue;
      const other = disagreement(index.citationsOf(citation.documentKey), brief.id, citation.englishKey, englishKeyOf);
      if (!other) continue;
      const theirs = other.citations[0].english!.text.trim();
      const fixes = [{ title: `Use the rendering used in ${otherBriefs(other.briefs)}`, edits: [{ range: citation.english.range, newText: theirs }] }];
      const catalogued = entries[0]?.title_en;
      if (catalogued && englishKey(catalogued) !== englishKey(theirs)) fixes.push({ title: "Use the catalogue's rendering", edits: [{ range: citation.english.range, newText: catalogued }] });
      else if (catalogued) fixes[0].title = `Use the catalogue's rendering, used in ${otherBriefs(other.briefs)}`;
      report({
        message: `'${citation.english.text.trim()}' renders this document differently from ${otherBriefs(other.briefs)}, which ${verbFor(other.briefs, 'uses', 'use')} '${theirs}'.`,
        range: citation.english.range,
        related: other.citations.slice(0, MAX_RELATED).map((c) => ({ message: `'${c.english!.text.trim()}' in ${nameOf(c.briefId)}`, range: c.english!.range, uri: c.briefId })),
        fixes,
        data: { documentKey: citation.documentKey },
      });
    }
  },
};
