import type { Rule } from '../rule';
import { readDocumentNumber } from '../../catalogue/documentNumber';
import { issuingBodyNames } from '../../catalogue/bodyTokens';

/**
 * document-number.issuer: the 机关代字 of a document number belongs to one of the cited issuing
 * bodies (国办发 → State Council General Office, 工信部 → MIIT; a joint document carries the lead
 * body's prefix, 工信部联…). Prefixes: data/document-number-prefixes.yaml.
 */
export const documentNumberIssuer: Rule = {
  id: 'document-number.issuer',
  description: "The document number's prefix (国发, 国办发, 工信部, 发改 …) belongs to one of the cited issuing bodies; a joint document carries the lead body's prefix.",
  defaultSeverity: 'warning',
  tags: ['citation', 'document-number', 'issuing-body'],
  check({ model, catalogue, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const number = citation.documentNumber?.span;
        if (!number) continue;
        const read = readDocumentNumber(number.text);
        if (!read) continue;
        const cited = issuingBodyNames(citation, catalogue, model.text).map((name) => catalogue.lookupBody(name.text)?.body.id);
        // Unknown or local bodies leave the comparison open: no finding on a guess.
        if (!cited.length || cited.some((id) => id === undefined)) continue;
        if (read.kind === 'decree') {
          // 国务院令, 国家互联网信息办公室 …令: the bodies named before 令 (a law is promulgated by
          // 主席令, the President's order, but adopted by the NPC or its Standing Committee).
          const named = read.agency.split(/\s+/).map((n) => catalogue.lookupBody(n)?.body.id);
          if (!named.length || named.some((id) => id === undefined)) continue;
          const compatible = (id: string) => cited.includes(id) || (id === 'PRC-PRESIDENT' && cited.some((c) => c === 'NPC' || c === 'NPCSC'));
          if (named.some((id) => compatible(id!))) continue;
          report({
            start: number.start,
            end: number.start + read.agency.length,
            message: `${read.agency}令 is an order of ${named.map((id) => { const b = catalogue.bodyById(id!)!; return `${catalogue.canonicalName(b)} (${b.name_en})`; }).join(', ')}, which is not among the issuing bodies cited (${cited.join(', ')}).`,
          });
          continue;
        }
        const prefix = catalogue.prefixOf(read.agency);
        if (!prefix) continue;
        if (prefix.bodies.includes(cited[0]!)) continue;
        if (cited.some((id) => prefix.bodies.includes(id!))) {
          const lead = catalogue.bodyById(cited[0]!)!;
          report({
            start: number.start,
            end: number.start + prefix.prefix.length,
            message: `${prefix.prefix} is the document-number prefix of ${prefix.bodies.join(' or ')}, but the lead (first) body cited is ${catalogue.canonicalName(lead)}: a joint document carries the lead body's prefix. Is the number or the order of the bodies wrong?`,
            data: { prefix: prefix.prefix, bodies: prefix.bodies },
          });
          continue;
        }
        const owners = prefix.bodies.map((id) => catalogue.bodyById(id)).filter((b) => b !== undefined).map((b) => `${catalogue.canonicalName(b)} (${b.name_en})`);
        report({
          start: number.start,
          end: number.start + prefix.prefix.length,
          message: `${prefix.prefix} is the document-number prefix of ${owners.join(' or ')}, which is not among the issuing bodies cited (${cited.join(', ')}). A joint document carries the lead body's prefix.`,
          data: { prefix: prefix.prefix, bodies: prefix.bodies },
        });
      }
    }
  },
};
