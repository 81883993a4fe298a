import type { Rule } from '../rule';
import { escapeRegExp } from '../../model/labels';
import { toSimplified } from './traditionalCharacters';

/** True when `phrase` occurs in `title` as whole words, ignoring case. */
export function hasPhrase(title: string, phrase: string): boolean {
  const escaped = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu').test(title);
}

/**
 * citation.document-type-mismatch: the English title's document type matches the Chinese suffix
 * (指导意见 ↔ Guiding Opinions, 办法 ↔ Measures …; table in data/document-types.yaml).
 */
export const documentTypeMismatch: Rule = {
  id: 'citation.document-type-mismatch',
  description: 'The English document type matches the Chinese one (指导意见 ↔ Guiding Opinions, 办法 ↔ Measures, 规定 ↔ Provisions …).',
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, catalogue, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const parsed = citation.article?.parsed;
        if (!parsed?.chineseTitle || !parsed.englishTitle) continue;
        // Traditional characters are citation.traditional-characters' business: 辦法 is still 办法.
        const chinese = toSimplified(parsed.chineseTitle.text.replace(/[《》]/g, ''));
        const type = catalogue.documentTypeOf(chinese);
        if (!type) continue;
        const english = parsed.englishTitle.text;
        if ([...type.en, ...(type.tolerated ?? [])].some((en) => hasPhrase(english, en))) continue;
        const flagged = type.flagged?.find((f) => hasPhrase(english, f.term));
        const suffix = type.zh.find((zh) => chinese.includes(zh)) ?? type.zh[0];
        report({
          start: parsed.englishTitle.start,
          end: parsed.englishTitle.end,
          message: flagged
            ? `'${flagged.term}' is the wrong English type for ${suffix}: write '${type.en[0]}'. ${flagged.reason}`
            : `The Chinese title is a ${suffix} ('${type.en.join("' or '")}'), but the English title does not say so.`,
          data: { expected: type.en, suffix },
        });
      }
    }
  },
};
