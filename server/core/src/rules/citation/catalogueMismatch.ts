import type { Rule } from '../rule';
import type { PolicyTitle } from '../../catalogue/types';
import { chineseTitleKey, englishKey } from '../../catalogue/normalize';
import { formatCitationDate, sameCitationDate } from '../../catalogue/citationDate';
import { parsePartialDate } from '../../catalogue/dates';
import { issuingBodyNames } from '../../catalogue/bodyTokens';
import { toSimplified } from './traditionalCharacters';
import { readDocumentNumber } from '../../catalogue/documentNumber';

/**
 * citation.catalogue-mismatch: a document known to the policy-title catalogue is cited with a
 * known English rendering, its issuing bodies and its date.
 */
export const catalogueMismatch: Rule = {
  id: 'citation.catalogue-mismatch',
  description: 'A document known to the catalogue is cited with a known English rendering, its issuing bodies and its date.',
  defaultSeverity: 'warning',
  tags: ['citation', 'catalogue'],
  check(context) {
    const { model, catalogue, schema, report } = context;
    const dateFormat = schema.topic.citation.dateFormat;
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const parsed = citation.article?.parsed;
        if (!parsed) continue;
        const day = context.citationDay(citation);
        const pick = (candidates: PolicyTitle[]) =>
          candidates.find((t) => day !== undefined && [t.date, t.date_published].some((d) => { const known = parsePartialDate(d); return known !== undefined && sameCitationDate(known.first, day, dateFormat); })) ?? candidates[0];
        const byChinese = parsed.chineseTitle ? pick(catalogue.titlesByChinese(parsed.chineseTitle.text)) : undefined;
        const byEnglish = parsed.englishTitle ? pick(catalogue.titlesByEnglish(parsed.englishTitle.text)) : undefined;
        const known = byChinese ?? byEnglish;
        if (!known) continue;
        // A draft and its final are different documents (their own titles, bodies, dates): an
        // English title that matches the final does not make a cited draft the final, nor the reverse.
        if (!byChinese && parsed.chineseTitle) {
          const chineseIsDraft = catalogue.markersOf(toSimplified(parsed.chineseTitle.text)).some((m) => m.draft);
          if (chineseIsDraft !== !!known.draft) continue;
        }
        if (!byChinese && parsed.chineseTitle && byEnglish) {
          report({
            start: parsed.chineseTitle.start,
            end: parsed.chineseTitle.end,
            message: `The English title is that of ${known.title_zh} in the catalogue; the Chinese title does not match it.`,
            fixes: [{ title: `Use ${known.title_zh}`, edits: [{ start: parsed.chineseTitle.start, end: parsed.chineseTitle.end, newText: known.title_zh }] }],
            data: { titleId: known.id },
          });
        }
        if (byChinese && parsed.englishTitle) {
          const renderings = [known.title_en, ...(known.translations ?? []).map((t) => t.title)];
          const english = englishKey(parsed.englishTitle.text);
          if (citesIssuingNotice(parsed.chineseTitle!.text, known)) {
            // The notice that issues the document (`国务院关于印发《中国制造2025》的通知`, the entry's
            // `title_zh_as_issued`): its English title names the document by a known rendering.
            if (!renderings.some((r) => ` ${english} `.includes(` ${englishKey(r)} `))) {
              report({
                start: parsed.englishTitle.start,
                end: parsed.englishTitle.end,
                message: `This English title of the notice ${parsed.chineseTitle!.text} does not name the document it issues as the catalogue renders it: '${known.title_en}'.`,
                data: { titleId: known.id },
              });
            }
          } else if (!renderings.some((r) => englishKey(r) === english)) {
            report({
              start: parsed.englishTitle.start,
              end: parsed.englishTitle.end,
              message: `This English rendering of ${known.title_zh} is not one the catalogue knows; it lists '${known.title_en}'.`,
              fixes: [{ title: `Use '${known.title_en}'`, edits: [{ start: parsed.englishTitle.start, end: parsed.englishTitle.end, newText: known.title_en }] }],
              data: { titleId: known.id },
            });
          }
        }
        const bodies = citation.issuingBodies;
        const names = issuingBodyNames(citation, catalogue, model.text);
        if (bodies && names.length) {
          // A body listed twice is issuing-body.list-format's finding; compare each body once.
          const day = context.citationDay(citation);
          const expected = known.issuing_bodies;
          // Each name as the body it names on the cited day; an abbreviation still ambiguous then is
          // the document's issuer it may stand for, else one it may stand for (so it is reported).
          const idOf = (name: string): string | undefined => {
            const found = catalogue.lookupBodyOn(name, day);
            if (found) return found.body.id;
            const ids = catalogue.ambiguousCandidates(name, day);
            return ids?.find((id) => expected.includes(id)) ?? ids?.[0];
          };
          const cited = [...new Set(names.map((b) => idOf(b.text)))];
          if (cited.every((id) => id !== undefined)) {
            const sameSet = cited.length === expected.length && expected.every((id) => cited.includes(id));
            const expectedNames = expected.map((id) => { const body = catalogue.bodyById(id); return body ? catalogue.canonicalName(body, day) : id; });
            const replacement = expectedNames.join(schema.topic.citation.issuingBodySeparator);
            if (!sameSet) {
              report({
                start: bodies.value.start,
                end: bodies.value.end,
                message: `This document (${known.title_zh}) was issued by ${expectedNames.join(', ')}; the citation names ${names.map((b) => b.text).join(', ')}.`,
                fixes: [{ title: `Use ${replacement}`, edits: [{ start: bodies.value.start, end: bodies.value.end, newText: replacement }] }],
                data: { titleId: known.id },
              });
            } else if (cited.some((id, i) => id !== expected[i])) {
              report({
                start: bodies.value.start,
                end: bodies.value.end,
                message: `The issuing bodies are listed in another order than in the original document (${expectedNames.join(', ')}; lead body first).`,
                fixes: [{ title: `Reorder to ${replacement}`, edits: [{ start: bodies.value.start, end: bodies.value.end, newText: replacement }], isPreferred: true }],
                data: { titleId: known.id },
              });
            }
          }
        }
        // The document number: compared as read (agency, year, serial), so a bracket or a 第 is
        // document-number.format's finding, not a different number.
        const number = citation.documentNumber?.span;
        if (number && known.doc_number) {
          const cited = readDocumentNumber(number.text);
          const catalogued = readDocumentNumber(known.doc_number);
          if (cited?.kind === 'standard' && catalogued?.kind === 'standard' && (cited.agency !== catalogued.agency || cited.year !== catalogued.year || cited.serial !== catalogued.serial)) {
            report({
              start: number.start,
              end: number.end,
              message: `The catalogue entry '${known.id}' has the document number ${known.doc_number}.`,
              fixes: [{ title: `Use ${known.doc_number}`, edits: [{ start: number.start, end: number.end, newText: known.doc_number }] }],
              data: { titleId: known.id },
            });
          }
        }
        const date = citation.date;
        const knownDays = [known.date, known.date_published].map((d) => parsePartialDate(d)).filter((d) => d && d.first === d.last);
        // At the pattern's precision: `12.2021` is the date of a document of December 14, 2021.
        if (date && day !== undefined && knownDays.length && !knownDays.some((d) => sameCitationDate(d!.first, day, dateFormat))) {
          const canonical = formatCitationDate(knownDays[0]!.first, schema.topic.citation.dateFormat);
          report({
            start: date.value.start,
            end: date.value.end,
            message: `The catalogue dates this document (${known.title_zh}) ${canonical}${known.date_published ? ` (published ${known.date_published})` : ''}.`,
            fixes: [{ title: `Use ${canonical}`, edits: [{ start: date.value.start, end: date.value.end, newText: canonical }] }],
            data: { titleId: known.id },
          });
        }
      }
    }
  },
};

/**
 * True when `chinese` (a cited Chinese title the catalogue matched to `known`) is not the
 * document's own title but the notice that issues or circulates it, the entry's
 * `title_zh_as_issued` with text after the document's title (`国务院关于印发《中国制造2025》的通知`,
 * `…关于《X（征求意见稿）》公开征求意见的通知`); an as-issued form that only puts the issuers
 * before the title (`工业和信息化部…关于推动…的指导意见`) is the document itself. Compared by
 * `chineseTitleKey`.
 */
export function citesIssuingNotice(chinese: string, known: PolicyTitle): boolean {
  const cited = chineseTitleKey(chinese);
  const own = chineseTitleKey(known.title_zh);
  return cited !== own && known.title_zh_as_issued !== undefined && chineseTitleKey(known.title_zh_as_issued) === cited && cited.includes(own) && !cited.endsWith(own);
}
