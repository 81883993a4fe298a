import type { Rule } from '../rule';

/** citation.book-title-marks: no 《》 around a Chinese title in the Article line (they belong to Chinese running text). */
export const bookTitleMarks: Rule = {
  id: 'citation.book-title-marks',
  description: 'The Chinese title in the Article line carries no 《》 book-title marks.',
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const title = citation.article?.parsed.chineseTitle;
        if (!title || !/[《》]/.test(title.text)) continue;
        const opens = [...title.text].filter((c) => c === '《').length;
        const closes = [...title.text].filter((c) => c === '》').length;
        const wraps = opens === 1 && closes === 1 && title.text.startsWith('《') && title.text.endsWith('》');
        report({
          start: title.start,
          end: title.end,
          message: opens !== closes ? 'Unbalanced 《》 in the Chinese title; the citation needs none.' : 'Remove 《》 from the Chinese title: the citation parentheses already mark it.',
          fixes: wraps
            ? [{ title: 'Remove 《》', edits: [{ start: title.start, end: title.start + 1, newText: '' }, { start: title.end - 1, end: title.end, newText: '' }], isPreferred: true }]
            : undefined,
        });
      }
    }
  },
};
