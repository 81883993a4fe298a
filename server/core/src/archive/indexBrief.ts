/**
 * From a parsed brief (the core's one parser, `parseBrief`) to what the archive keeps of it.
 */
import type { BriefModel, Span } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { Catalogue } from '../catalogue/catalogue';
import { chineseTitleKey, documentNumberKey, englishKey } from '../catalogue/normalize';
import type { PolicyTitle } from '../catalogue/types';
import { citationDay } from '../catalogue/citationDate';
import { issuingBodyNames } from '../catalogue/bodyTokens';
import { disableComments } from '../disableComments';
import { isoDay, type Day } from '../catalogue/dates';
import { yearSourceDay } from '../rules/date/issueDay';
import type { ArchiveBrief, ArchiveCitation, ArchiveSpan } from './types';


/** Options of `indexBrief`. */
export interface IndexBriefOptions {
  /** The brief's citation date format (issue schema `topic.citation.dateFormat`). */
  dateFormat: string;
  /** The catalogue of the brief's team: body names are compared by canonical id where it knows them. */
  catalogue?: Catalogue;
}

/** Normalised headline: lower case, single spaces, no trailing punctuation, no inline markers. */
export function headlineKey(headline: string): string {
  return headline.normalize('NFKC').toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/[\s.:;!?。：；！？]+$/u, '').trim();
}

/**
 * What the archive keeps of one brief.
 * @param id the brief's id in the archive (URI or path)
 * @param model the brief parsed by `parseBrief`
 * @param lineIndex the `LineIndex` of the same text (ranges are LSP UTF-16 positions)
 */
export function indexBrief(id: string, model: BriefModel, lineIndex: LineIndex, options: IndexBriefOptions): ArchiveBrief {
  const at = (span: Span): ArchiveSpan => ({ text: span.text, range: lineIndex.range(span.start, span.end) });
  // A name is the body it names on the cited day (MOC in 2020: MOFCOM), as the rules read it; an
  // abbreviation still ambiguous then is kept as written.
  const bodyKey = (name: string, day: Day | undefined): string => {
    const lookup = options.catalogue?.lookupBodyOn(name, day);
    return lookup ? lookup.body.id : name.trim().toUpperCase();
  };
  // A date pattern without a year takes the year, as the rules read it.
  const yearFrom = yearSourceDay(model);
  const known = (name: string): boolean => !options.catalogue || !!options.catalogue.lookupBody(name);
  const citations: ArchiveCitation[] = [];
  for (const topic of model.topics) {
    for (const citation of topic.citations) {
      const parsed = citation.article?.parsed;
      const chinese = parsed?.chineseTitle && parsed.chineseTitle.text.trim() ? parsed.chineseTitle : undefined;
      const english = parsed?.englishTitle && parsed.englishTitle.text.trim() ? parsed.englishTitle : undefined;
      const number = citation.documentNumber?.span.text.trim() ? citation.documentNumber.span : undefined;
      // The catalogue's title, found by the Chinese title, else (when only one title matches) the
      // document number, else the English title: a citation that names a catalogued document
      // without its Chinese title is the same document as the ones that give it.
      const only = (titles: PolicyTitle[] | undefined) => (titles?.length === 1 ? titles[0] : undefined);
      const catalogued = chinese
        ? options.catalogue?.titlesByChinese(chinese.text)[0]
        : only(number && options.catalogue?.titlesByDocumentNumber(number.text)) ?? only(english && options.catalogue?.titlesByEnglish(english.text));
      // Keyed by the catalogue's title whenever it identifies the document (a citation may write the as-issued form).
      const zh = catalogued?.title_zh ?? chinese?.text;
      const key = zh ? `zh:${chineseTitleKey(zh)}` : number ? `no:${documentNumberKey(number.text)}` : english ? `en:${englishKey(english.text)}` : undefined;
      // The names as the rules read them where the catalogue is known (a full name with "and" is one name).
      const bodies = (options.catalogue ? issuingBodyNames(citation, options.catalogue, model.text) : citation.issuingBodies?.bodies ?? []).filter((b) => b.text.trim());
      const dateValue = citation.date?.value.text.trim() ? citation.date.value : undefined;
      const day = dateValue ? citationDay(dateValue.text, options.dateFormat, yearFrom) : undefined;
      citations.push({
        briefId: id,
        documentKey: key,
        chinese: chinese && at(chinese),
        english: english && at(english),
        englishKey: english && englishKey(english.text),
        documentNumber: number && at(number),
        catalogueId: catalogued?.id,
        bodies: bodies.map((b) => ({ ...at(b), key: bodyKey(b.text, day) })),
        bodyKeys: [...new Set(bodies.map((b) => bodyKey(b.text, day)))].sort(),
        bodiesKnown: bodies.every((b) => known(b.text)),
        bodiesValue: citation.issuingBodies?.value.text.trim() ? at(citation.issuingBodies.value) : undefined,
        date: dateValue && at(dateValue),
        day: dateValue ? dayText(day) : undefined,
        link: parsed?.link?.url || undefined,
        articleValue: citation.article && at(citation.article.value),
        range: lineIndex.range(citation.start, citation.end),
        topicIndex: topic.index,
        topicHeadline: topic.headline.text,
      });
    }
  }
  return {
    id,
    title: model.title?.text.text,
    citations,
    topics: model.topics.filter((t) => t.headline.text.trim()).map((topic) => ({
      briefId: id,
      index: topic.index,
      headline: at(topic.headline),
      headlineKey: headlineKey(topic.headline.text),
      range: lineIndex.range(topic.start, topic.end),
    })),
    disabled: disableComments(model.text, lineIndex),
  };
}

/** `yyyy-MM-dd` of a day, or undefined. */
function dayText(day: Day | undefined): string | undefined {
  return day === undefined ? undefined : isoDay(day);
}
