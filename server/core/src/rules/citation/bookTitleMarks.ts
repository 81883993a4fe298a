import type { Rule } from '../rule';
import { BOOK_TITLE_MARKS, scanParentheses } from '../../model/parentheses';

/**
 * citation.book-title-marks: no 《》 around a Chinese title in the Article line (they belong to
 * Chinese running text). 《》 inside the title, around the document a notice issues or comments on
 * (`关于印发《中国制造2025》的通知`), are part of the title and are not reported.
 */
export const bookTitleMarks: Rule = {
  id: 'citation.book-title-marks',
  description: 'The Chinese title in the Article line carries no 《》 book-title marks around it.',
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const title = citation.article?.parsed.chineseTitle;
        if (!title || !/[《》]/.test(title.text)) continue;
        const { topLevel, unmatched } = scanParentheses(title.text, 0, title.text.length, undefined, BOOK_TITLE_MARKS);
        if (unmatched.size) {
          report({ start: title.start, end: title.end, message: 'Unbalanced 《》 in the Chinese title; the citation needs none.' });
          continue;
        }
        // Only marks that enclose the whole title: the first 《 pairs with the last 》.
        const outer = topLevel.find((p) => p.open === 0 && p.close === title.text.length - 1);
        if (!outer) continue;
        report({
          start: title.start,
          end: title.end,
          message: 'Remove 《》 from the Chinese title: the citation parentheses already mark it.',
          fixes: [{ title: 'Remove 《》', edits: [{ start: title.start, end: title.start + 1, newText: '' }, { start: title.end - 1, end: title.end, newText: '' }], isPreferred: true }],
        });
      }
    }
  },
};
