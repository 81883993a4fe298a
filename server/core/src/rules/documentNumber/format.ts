import type { Rule } from '../rule';
import { readDocumentNumber } from '../../catalogue/documentNumber';

/**
 * document-number.format: a document number (发文字号) has the form 机关代字〔YYYY〕N号 (year in
 * 〔〕, no 第, no leading zeros; GB/T 9704-2012) or the decree form …令第N号.
 */
export const documentNumberFormat: Rule = {
  id: 'document-number.format',
  description: 'A document number has the form 机关代字〔YYYY〕N号 (year in 〔〕, no 第, no leading zeros) or the decree form 国务院令第N号.',
  defaultSeverity: 'warning',
  tags: ['citation', 'document-number'],
  check({ model, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const number = citation.documentNumber?.span;
        if (!number) continue;
        const read = readDocumentNumber(number.text);
        if (!read) {
          report({ start: number.start, end: number.end, message: `'${number.text}' is not a document number of the form 机关代字〔YYYY〕N号 or …令第N号.` });
          continue;
        }
        for (const problem of read.problems) {
          const start = number.start + problem.start;
          const end = number.start + problem.end;
          report({
            start: problem.newText === '第' ? number.start : start,
            end: problem.newText === '第' ? number.end : end,
            message: problem.message,
            fixes: problem.newText === undefined ? [] : [{ title: problem.newText ? `Write ${problem.newText}` : `Remove ${number.text.slice(problem.start, problem.end)}`, edits: [{ start, end, newText: problem.newText }], isPreferred: true }],
          });
        }
      }
    }
  },
};
