import type { Rule } from '../rule';
import { readDocumentNumber } from '../../catalogue/documentNumber';

/**
 * document-number.year: the year in a document number (〔2023〕) is the year of the cited date. A
 * document dated in January may carry the previous year (issued late in December, published in
 * January), so that case passes.
 */
export const documentNumberYear: Rule = {
  id: 'document-number.year',
  description: 'The year in the document number (〔2023〕) matches the year of the cited date.',
  defaultSeverity: 'warning',
  tags: ['citation', 'document-number', 'date'],
  check(context) {
    const { model, report } = context;
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const number = citation.documentNumber?.span;
        const day = context.citationDay(citation);
        if (!number || day === undefined) continue;
        const read = readDocumentNumber(number.text);
        if (read?.year === undefined) continue;
        const date = new Date(day);
        const year = date.getUTCFullYear();
        if (read.year === year || (read.year === year - 1 && date.getUTCMonth() === 0)) continue;
        const at = number.text.indexOf(String(read.year));
        report({
          start: number.start + at,
          end: number.start + at + 4,
          message: `The document number says ${read.year}, but the citation is dated ${year}: one of them is wrong.`,
        });
      }
    }
  },
};
