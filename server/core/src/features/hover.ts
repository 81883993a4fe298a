/**
 * Hover for briefs: issuing bodies, policy titles known to the catalogue (Chinese or English),
 * part labels and citation labels (what the issue schema expects there) — in citation blocks and
 * citation lines, in the topic heading's metadata and in Chinese titles in the prose.
 */
import type { BriefModel } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { IssueSchema } from '../schema/types';
import type { Catalogue } from '../catalogue/catalogue';
import { bodyMarkdown, partExpectation, titleMarkdown } from './describe';
import { topicAt } from './locate';
import type { HoverResult } from './types';
import type { PolicyTitle } from '../catalogue/types';
import { issuingBodyNames } from '../catalogue/bodyTokens';
import { citationDay } from '../catalogue/citationDate';
import { yearSourceDay } from '../rules/date/issueDay';
import { describeLocalIssuer } from '../catalogue/localIssuer';
import { datedCitations, titledCitations } from '../rules/helpers';

/** Adds the catalogue's document number (发文字号) to a title's hover text, unless it is there. */
function withDocumentNumber(markdown: string, title: PolicyTitle): string {
  return title.doc_number && !markdown.includes(title.doc_number) ? `${markdown}\n\nDocument number: ${title.doc_number}` : markdown;
}

/** Everything hover needs. */
export interface HoverInput {
  model: BriefModel;
  lineIndex: LineIndex;
  schema: IssueSchema;
  catalogue: Catalogue;
}

const within = (offset: number, span: { start: number; end: number } | undefined) => !!span && offset >= span.start && offset <= span.end;

/** The hover at `offset` (UTF-16 document offset), or undefined. */
export function hover(input: HoverInput, offset: number): HoverResult | undefined {
  const { model, lineIndex, schema, catalogue } = input;
  const topic = topicAt(model, offset);
  if (!topic) return undefined;
  for (const part of topic.parts) {
    if (part.label && within(offset, part.label.whole)) {
      const schemaPart = schema.topic.parts.find((p) => p.id === part.partId);
      const markdown = schemaPart ? partExpectation(schemaPart) : `“${part.label.name.text}” is not a part of the schema “${schema.name}”.`;
      return { markdown, range: lineIndex.range(part.label.whole.start, part.label.whole.end) };
    }
  }
  // The citation blocks, the heading's metadata (`topic.heading.pattern`) and titles in the prose (`topic.chineseTitles.inProse`).
  const citations = [...new Set([...datedCitations(topic), ...titledCitations(topic, catalogue)])];
  for (const citation of citations) {
    for (const field of citation.fields) {
      if (!field.captured && within(offset, field.label.whole)) {
        const schemaField = schema.topic.citation.fields.find((f) => f.id === field.fieldId);
        const extra = field.fieldId === 'date' ? ` Format: \`${schema.topic.citation.dateFormat}\`.` : field.fieldId === 'issuing-bodies' ? ` Separator: \`${schema.topic.citation.issuingBodySeparator}\`.` : field.fieldId === 'article' ? ` Form: English title ${schema.topic.citation.chineseTitleParentheses === 'ascii' ? '(中文标题)' : '（中文标题）'} ([Link](url)); link ${schema.topic.citation.link}.` : '';
        return { markdown: `Citation line “${schemaField?.label ?? field.label.name.text}” (${schemaField?.required ? 'required' : 'optional'}).${extra}`, range: lineIndex.range(field.label.whole.start, field.label.whole.end) };
      }
    }
    for (const body of issuingBodyNames(citation, catalogue, model.text)) {
      if (!within(offset, body)) continue;
      // An ambiguous abbreviation is the body that existed on the cited date, if only one did (MOC in 2020).
      const day = citationDay(citation.date?.value.text, schema.topic.citation.dateFormat, yearSourceDay(model));
      const ids = catalogue.ambiguousCandidates(body.text, day);
      const found = catalogue.lookupBodyOn(body.text, day);
      if (found) return { markdown: bodyMarkdown(found.body, catalogue), range: lineIndex.range(body.start, body.end) };
      const local = catalogue.localIssuer(body.text);
      if (local) return { markdown: describeLocalIssuer(local), range: lineIndex.range(body.start, body.end) };
      if (ids) return { markdown: `“${body.text}” is ambiguous: ${ids.map((id) => { const b = catalogue.bodyById(id); return b ? `${id} (${b.name_en}, ${b.name_zh})` : id; }).join('; ')}.`, range: lineIndex.range(body.start, body.end) };
      return undefined;
    }
    const parsed = citation.article?.parsed;
    if (parsed?.chineseTitle && within(offset, parsed.chineseTitle)) {
      const title = catalogue.titlesByChinese(parsed.chineseTitle.text)[0];
      if (title) return { markdown: withDocumentNumber(titleMarkdown(title, catalogue), title), range: lineIndex.range(parsed.chineseTitle.start, parsed.chineseTitle.end) };
    }
    if (parsed?.englishTitle && within(offset, parsed.englishTitle)) {
      const title = catalogue.titlesByEnglish(parsed.englishTitle.text)[0];
      if (title) return { markdown: withDocumentNumber(titleMarkdown(title, catalogue), title), range: lineIndex.range(parsed.englishTitle.start, parsed.englishTitle.end) };
    }
  }
  return undefined;
}
