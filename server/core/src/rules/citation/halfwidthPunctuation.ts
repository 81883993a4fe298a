import type { Rule } from '../rule';

/** Half-width punctuation → full-width form used in Chinese titles (title-conventions.md §3). */
const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** citation.halfwidth-punctuation: punctuation inside a Chinese title is full-width. */
export const halfwidthPunctuation: Rule = {
  id: 'citation.halfwidth-punctuation',
  description: 'Punctuation inside a Chinese title is full-width: （）、，“”, not ( ) , ".',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const title = citation.article?.parsed.chineseTitle;
        if (!title) continue;
        let quoteOpen = true;
        for (let i = 0; i < title.text.length; i++) {
          const ch = title.text[i];
          let replacement = FULL_WIDTH[ch];
          if (ch === '"') {
            replacement = quoteOpen ? '“' : '”';
            quoteOpen = !quoteOpen;
          }
          if (!replacement) continue;
          const start = title.start + i;
          report({
            start,
            end: start + 1,
            message: `Half-width '${ch}' in a Chinese title: use the full-width '${replacement}'.`,
            fixes: [{ title: `Replace '${ch}' with '${replacement}'`, edits: [{ start, end: start + 1, newText: replacement }], isPreferred: true }],
          });
        }
      }
    }
  },
};
