import type { Rule } from '../rule';
import { parsePartialDate, isoDay } from '../../catalogue/dates';
import { formatCitationDate } from '../../catalogue/citationDate';
import { issueDay } from '../date/issueDay';
import type { PolicyTitle } from '../../catalogue/types';
import { stripStatusMarkers } from '../../catalogue/catalogue';

/**
 * The catalogue's draft entry that a citation names, found by its Chinese title; undefined for a
 * citation of anything else. A draft and its final are separate documents (policy-titles.yaml
 * `final`), so a draft is never "corrected" to its final.
 */
export function citedDraft(titles: PolicyTitle[]): PolicyTitle | undefined {
  return titles.find((t) => t.draft);
}

/**
 * citation.draft-superseded: information when a brief cites a draft for comment whose final
 * version had been issued by the issue's date (front matter, else the latest date the issue cites): "the final version was
 * issued on …, as …".
 */
export const draftSuperseded: Rule = {
  id: 'citation.draft-superseded',
  description: 'Citing a draft for comment after its final version was issued gets a note naming the final version.',
  defaultSeverity: 'information',
  tags: ['citation', 'catalogue'],
  // Compares with the front matter's issue date.
  scope: 'document',
  check(context) {
    const { model, catalogue, schema, report } = context;
    // The issue's date; without one, the latest date it cites (it was written after that).
    const cited = model.topics.flatMap((t) => t.citations.map((c) => context.citationDay(c))).filter((d) => d !== undefined);
    const asOf = issueDay(model) ?? (cited.length ? Math.max(...cited) : undefined);
    if (asOf === undefined) return;
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const chinese = citation.article?.parsed.chineseTitle;
        if (!chinese) continue;
        const draft = citedDraft(catalogue.titlesByChinese(chinese.text));
        const final = draft?.final ? catalogue.titleWithId(draft.final) : undefined;
        const issued = parsePartialDate(final?.date);
        if (!final || !issued || issued.first > asOf) continue;
        const when = issued.first === issued.last ? formatCitationDate(issued.first, schema.topic.citation.dateFormat) : final.date;
        report({
          start: chinese.start,
          end: chinese.end,
          message: `This is the draft (${stripStatusMarkers(draft!.title_zh)}, ${draft!.draft_marker ?? '征求意见稿'}); the final version was issued on ${when}, as ${final.title_zh} ('${final.title_en}'). Cite the final unless the draft is the point (as of ${isoDay(asOf)}).`,
          data: { titleId: draft!.id, finalId: final.id },
        });
      }
    }
  },
};
