import type { Rule } from '../rule';
import { toSimplified } from './traditionalCharacters';
import { issuingBodyNames } from '../../catalogue/bodyTokens';

/** Bodies that adopt or promulgate laws (法): the NPC, its Standing Committee and the President's order. */
export const LAW_ISSUERS: readonly string[] = ['NPC', 'NPCSC', 'PRC-PRESIDENT'];

/**
 * citation.law-issuer: a law (法, document type level L in data/document-types.yaml) is adopted by
 * the NPC or its Standing Committee (and promulgated by the President's order); a ministry, the
 * State Council or a local government named as its issuer is an error.
 */
export const lawIssuer: Rule = {
  id: 'citation.law-issuer',
  description: 'A law (法) is issued by the NPC or its Standing Committee, not by a ministry, the State Council or a local government.',
  defaultSeverity: 'error',
  tags: ['citation', 'issuing-body'],
  check({ model, catalogue, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const chinese = citation.article?.parsed.chineseTitle;
        if (!chinese) continue;
        const type = catalogue.documentTypeOf(toSimplified(chinese.text.replace(/[《》]/g, '')));
        if (!type?.level || type.level.length !== 1 || type.level[0] !== 'L') continue;
        for (const name of issuingBodyNames(citation, catalogue, model.text)) {
          const body = catalogue.lookupBody(name.text)?.body;
          const local = body ? undefined : catalogue.localIssuer(name.text);
          if ((!body && !local) || (body && LAW_ISSUERS.includes(body.id))) continue;
          report({
            start: name.start,
            end: name.end,
            message: `The document is a law (${type.zh[0]}): laws are adopted by the NPC or its Standing Committee (NPCSC), not by ${body ? `${body.name_en} (${name.text})` : 'a local government'}. A ministry implements a law with measures or provisions.`,
            data: { bodyId: body?.id },
          });
        }
      }
    }
  },
};
