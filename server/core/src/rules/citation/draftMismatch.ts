import type { Rule } from '../rule';
import { hasPhrase } from './documentTypeMismatch';
import { toSimplified } from './traditionalCharacters';
import { ownTitleText } from '../../model/parentheses';

/**
 * citation.draft-mismatch: a draft for comment (征求意见稿, 草案) is called a draft in English too, and only then.
 * A draft marker inside a title nested in 《》 belongs to the document named there, not to the cited
 * one (`关于《数据管理办法（征求意见稿）》公开征求意见的通知` is a final notice about a draft): it asks for
 * no draft in English, and allows one (`… on the Draft Measures …`).
 */
export const draftMismatch: Rule = {
  id: 'citation.draft-mismatch',
  description: 'A draft for comment (征求意见稿/草案) is marked as a draft in both the Chinese and the English title.',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, catalogue, report }) {
    const draftMarkers = catalogue.markers.filter((m) => m.draft);
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const parsed = citation.article?.parsed;
        if (!parsed?.chineseTitle || !parsed.englishTitle) continue;
        const draftIn = (title: string) => { const chinese = toSimplified(title); return draftMarkers.find((m) => m.zh.some((zh) => chinese.includes(zh))); };
        const zhDraft = draftIn(ownTitleText(parsed.chineseTitle.text));
        const nestedDraft = draftIn(parsed.chineseTitle.text);
        const enDraft = hasPhrase(parsed.englishTitle.text, 'draft');
        if (zhDraft && !enDraft) {
          const english = parsed.englishTitle;
          report({
            start: english.start,
            end: english.end,
            message: `The Chinese title is a draft (${zhDraft.zh[0]}) but the English title does not say so: add '(${zhDraft.en[0]})'.`,
            fixes: [{ title: `Append '(${zhDraft.en[0]})'`, edits: [{ start: english.end, end: english.end, newText: ` (${zhDraft.en[0]})` }], isPreferred: true }],
          });
        } else if (enDraft && !nestedDraft) {
          report({ start: parsed.chineseTitle.start, end: parsed.chineseTitle.end, message: 'The English title says draft, but the Chinese title has no draft marker (征求意见稿, 草案): is this the final version?' });
        }
      }
    }
  },
};
