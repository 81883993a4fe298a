import type { Rule } from '../rule';
import { titledCitations } from '../helpers';

/** Half-width punctuation → full-width form used in Chinese titles (title-conventions.md §3). */
const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** Separators whose full-width form takes the space after it: no space follows '，' in Chinese text. */
const SEPARATORS = new Set([',', ';', ':', '?', '!']);

/** citation.halfwidth-punctuation: punctuation inside a Chinese title is full-width. */
export const halfwidthPunctuation: Rule = {
  id: 'citation.halfwidth-punctuation',
  description: 'Punctuation inside a Chinese title is full-width: （）、，“”, not ( ) , ".',
  defaultSeverity: 'error',
  tags: ['citation'],
  check({ model, catalogue, report }) {
    for (const topic of model.topics) {
      for (const citation of titledCitations(topic, catalogue)) {
        const title = citation.article?.parsed.chineseTitle;
        if (!title) continue;
        // A pair — ( ) or " " — is one finding with one fix; a lone mark is a finding of its own.
        const partner = pairs(title.text);
        const paired = new Set(partner.values());
        let quoteOpen = true;
        for (let i = 0; i < title.text.length; i++) {
          const ch = title.text[i];
          let replacement = FULL_WIDTH[ch];
          if (ch === '"') {
            replacement = quoteOpen ? '“' : '”';
            quoteOpen = !quoteOpen;
          }
          if (!replacement || paired.has(i)) continue;
          const start = title.start + i;
          const close = partner.get(i);
          if (close !== undefined) {
            const closing = title.text[close] === '"' ? '”' : FULL_WIDTH[title.text[close]];
            const end = title.start + close + 1;
            report({
              start,
              end,
              message: `Half-width '${ch}${title.text[close]}' in a Chinese title: use the full-width '${replacement}${closing}'.`,
              fixes: [{ title: `Replace '${ch}${title.text[close]}' with '${replacement}${closing}'`, edits: [{ start, end: start + 1, newText: replacement }, { start: end - 1, end, newText: closing }], isPreferred: true }],
            });
            continue;
          }
          // A full-width separator carries its own space: the spaces a half-width one had after it
          // (', ' → '，', not '， ') go with it.
          const spaces = SEPARATORS.has(ch) ? (/^[ \t]+/.exec(title.text.slice(i + 1))?.[0] ?? '') : '';
          report({
            start,
            end: start + 1,
            message: `Half-width '${ch}' in a Chinese title: use the full-width '${replacement}'.`,
            fixes: [{ title: `Replace '${ch}${spaces}' with '${replacement}'`, edits: [{ start, end: start + 1 + spaces.length, newText: replacement }], isPreferred: true }],
          });
        }
      }
    }
  },
};

/** Half-width pairs in `text`: index of each opening `(` or `"` → index of its closing partner. */
function pairs(text: string): Map<number, number> {
  const result = new Map<number, number>();
  const open: number[] = [];
  let quote = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') open.push(i);
    else if (ch === ')' && open.length) result.set(open.pop()!, i);
    else if (ch === '"') {
      if (quote < 0) quote = i;
      else {
        result.set(quote, i);
        quote = -1;
      }
    }
  }
  return result;
}
