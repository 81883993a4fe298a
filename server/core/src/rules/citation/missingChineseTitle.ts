import type { Rule } from '../rule';

/** citation.missing-chinese-title: the Article line gives no Chinese title after the English one. */
export const missingChineseTitle: Rule = {
  id: 'citation.missing-chinese-title',
  description: 'The Article line gives the Chinese title in parentheses after the English title.',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const article = citation.article;
        if (!article?.value.text || article.parsed.chineseTitle) continue;
        const english = article.parsed.englishTitle ?? article.value;
        const message = article.captured
          ? 'This citation has no Chinese title: add it after the English title, or on a citation line of its own.'
          : 'The Article line has no Chinese title: add it in parentheses after the English title.';
        report({ start: english.start, end: english.end, message, data: { englishTitle: english.text } });
      }
    }
  },
};
