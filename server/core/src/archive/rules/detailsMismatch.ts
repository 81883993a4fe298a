/**
 * `archive.details-mismatch`: the same document is cited with another date, or other issuing
 * bodies, than in other briefs of the archive. Dates are compared as days (so `2023-04-14` and
 * `April 14, 2023` agree); bodies as sets of catalogue ids (so `MIIT` and its English name agree); a list with a body the
 * catalogue does not know is left to `issuing-body.unknown`.
 */
import type { ArchiveRule } from './rule';
import type { ArchiveCitation } from '../types';
import { disagreement, otherBriefs, verbFor, MAX_RELATED } from './majority';

/** The compared values (one function each, so that `disagreement` counts each document once). */
const dayOf = (c: ArchiveCitation) => c.day;
const bodiesOf = (c: ArchiveCitation) => (c.bodyKeys.length && c.bodiesKnown ? c.bodyKeys.join(',') : undefined);

export const detailsMismatch: ArchiveRule = {
  id: 'archive.details-mismatch',
  description: 'A document is cited with another date or other issuing bodies than in other briefs of the archive.',
  defaultSeverity: 'warning',
  tags: ['archive', 'citation', 'date', 'issuing-body'],
  check({ brief, index, nameOf, report }) {
    for (const citation of brief.citations) {
      if (!citation.documentKey) continue;
      const all = index.citationsOf(citation.documentKey);
      if (citation.date && citation.day) {
        const other = disagreement(all, brief.id, citation.day, dayOf);
        if (other) {
          const theirs = other.citations[0].date!.text.trim();
          report({
            message: `Dated '${citation.date.text.trim()}' here; ${otherBriefs(other.briefs)} ${verbFor(other.briefs, 'dates', 'date')} this document '${theirs}'.`,
            range: citation.date.range,
            related: other.citations.slice(0, MAX_RELATED).map((c) => ({ message: `'${c.date!.text.trim()}' in ${nameOf(c.briefId)}`, range: c.date!.range, uri: c.briefId })),
            fixes: [{ title: `Use the date used in ${otherBriefs(other.briefs)}`, edits: [{ range: citation.date.range, newText: theirs }] }],
            data: { documentKey: citation.documentKey },
          });
        }
      }
      if (citation.bodiesValue && citation.bodyKeys.length && citation.bodiesKnown) {
        const other = disagreement(all, brief.id, bodiesOf(citation)!, bodiesOf);
        if (other) {
          const theirs = other.citations[0].bodiesValue!.text.trim();
          report({
            message: `Issued by '${citation.bodiesValue.text.trim()}' here; ${otherBriefs(other.briefs)} ${verbFor(other.briefs, 'gives', 'give')} '${theirs}' for this document.`,
            range: citation.bodiesValue.range,
            related: other.citations.slice(0, MAX_RELATED).map((c) => ({ message: `'${c.bodiesValue!.text.trim()}' in ${nameOf(c.briefId)}`, range: c.bodiesValue!.range, uri: c.briefId })),
            fixes: [{ title: `Use the issuing bodies given in ${otherBriefs(other.briefs)}`, edits: [{ range: citation.bodiesValue.range, newText: theirs }] }],
            data: { documentKey: citation.documentKey },
          });
        }
      }
    }
  },
};
