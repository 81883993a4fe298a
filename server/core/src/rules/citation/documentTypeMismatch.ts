import type { Rule } from '../rule';
import { escapeRegExp } from '../../model/labels';
import { toSimplified } from './traditionalCharacters';
import type { DocumentType } from '../../catalogue/types';
import { titledCitations } from '../helpers';

/** True when `phrase` occurs in `title` as whole words, ignoring case. */
export function hasPhrase(title: string, phrase: string): boolean {
  const escaped = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu').test(title);
}

/**
 * citation.document-type-mismatch: the English title's document type matches the Chinese suffix
 * (指导意见 ↔ Guiding Opinions, 办法 ↔ Measures …; table in data/document-types.yaml). With
 * `topic.chineseTitles.inProse`, also a Chinese title in the prose against the English title
 * right before it (`Measures for … (…办法)`).
 */
export const documentTypeMismatch: Rule = {
  id: 'citation.document-type-mismatch',
  description: 'The English document type matches the Chinese one (指导意见 ↔ Guiding Opinions, 办法 ↔ Measures, 规定 ↔ Provisions …).',
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, catalogue, report }) {
    for (const topic of model.topics) {
      // Citation blocks, and (`topic.chineseTitles.inProse`) titles in the prose with the English title before them.
      for (const citation of titledCitations(topic, catalogue)) {
        const parsed = citation.article?.parsed;
        if (!parsed?.chineseTitle || !parsed.englishTitle) continue;
        // Traditional characters are citation.traditional-characters' business: 辦法 is still 办法.
        const chinese = toSimplified(parsed.chineseTitle.text.replace(/[《》]/g, ''));
        const type = catalogue.documentTypeOf(chinese);
        if (!type) continue;
        const english = parsed.englishTitle.text;
        const suffix = type.zh.find((zh) => chinese.includes(zh)) ?? type.zh[0];
        // A rendering the catalogue marks as wrong, used as the title's type word, is flagged even
        // when an accepted word occurs elsewhere ("Regulations on … Provisions").
        const terms = [...type.en, ...(type.tolerated ?? [])];
        const wrongHead = type.flagged?.find((f) => typeWordAt(english, f.term) === 'start' || (typeWordAt(english, f.term) === 'end' && !terms.some((t) => typeWordAt(english, t) === 'start')));
        const accepted = terms.some((en) => hasPhrase(english, en));
        if (accepted && !wrongHead) {
          const marker = markerMismatch(chinese, english, catalogue.markers.filter((m) => !m.draft));
          if (marker) report({ start: parsed.englishTitle.start, end: parsed.englishTitle.end, message: marker, data: { suffix } });
          continue;
        }
        const flagged = wrongHead ?? type.flagged?.find((f) => hasPhrase(english, f.term));
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

/**
 * Where `term` stands as the type word of an English title: at its start (after at most two
 * qualifiers such as "Interim", "Several"), at its end (before parenthesised markers), or neither.
 */
export function typeWordAt(title: string, term: string): 'start' | 'end' | undefined {
  const escaped = escapeRegExp(term).replace(/\s+/g, '\\s+');
  const core = title.replace(/(\s*\([^()]*\))+\s*$/u, '').trim();
  if (new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}${escaped}(?![\\p{L}])`, 'iu').test(core)) return 'start';
  if (new RegExp(`(?<![\\p{L}])${escaped}$`, 'iu').test(core)) return 'end';
  return undefined;
}

/**
 * The non-draft status markers (暂行 ↔ Interim, 试行 ↔ Trial) must agree between the titles.
 * @returns a message when one title has the marker and the other does not
 */
function markerMismatch(chinese: string, english: string, markers: DocumentType[]): string | undefined {
  for (const marker of markers) {
    const inChinese = marker.zh.some((zh) => chinese.includes(zh));
    const words = [...marker.en, ...(marker.tolerated ?? [])];
    const inEnglish = words.some((w) => hasPhrase(english, w));
    if (inChinese && !inEnglish) return `The Chinese title says ${marker.zh[0]}, but the English title does not say '${marker.en[0]}'.`;
    if (!inChinese && inEnglish) return `The English title says '${words.find((w) => hasPhrase(english, w))}', but the Chinese title has no ${marker.zh[0]}.`;
  }
  return undefined;
}
