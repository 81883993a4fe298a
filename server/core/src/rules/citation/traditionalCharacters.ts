import { Converter } from 'opencc-js/t2cn';
import type { Rule } from '../rule';
import { titledCitations } from '../helpers';

/** Traditional → simplified (OpenCC's dictionaries, via opencc-js), phrase-aware. */
export const toSimplified = Converter({ from: 't', to: 'cn' });

/** citation.traditional-characters: a simplified Chinese title contains traditional characters. */
export const traditionalCharacters: Rule = {
  id: 'citation.traditional-characters',
  description: 'A Chinese title uses simplified characters only (no traditional characters mixed in).',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, catalogue, report }) {
    for (const topic of model.topics) {
      for (const citation of titledCitations(topic, catalogue)) {
        const title = citation.article?.parsed.chineseTitle;
        if (!title) continue;
        const simplified = toSimplified(title.text);
        if (simplified === title.text) continue;
        if (simplified.length !== title.text.length) {
          report({ start: title.start, end: title.end, message: `The Chinese title contains traditional characters; simplified: ${simplified}`, fixes: [{ title: 'Convert to simplified characters', edits: [{ start: title.start, end: title.end, newText: simplified }], isPreferred: true }] });
          continue;
        }
        // Report each run of traditional characters with its own fix.
        let i = 0;
        while (i < simplified.length) {
          if (simplified[i] === title.text[i]) { i++; continue; }
          let j = i;
          while (j < simplified.length && simplified[j] !== title.text[j]) j++;
          const start = title.start + i;
          const from = title.text.slice(i, j);
          const to = simplified.slice(i, j);
          report({ start, end: title.start + j, message: `Traditional character${j - i > 1 ? 's' : ''} '${from}' in a simplified title: write '${to}'.`, fixes: [{ title: `Replace '${from}' with '${to}'`, edits: [{ start, end: title.start + j, newText: to }], isPreferred: true }] });
          i = j;
        }
      }
    }
  },
};
