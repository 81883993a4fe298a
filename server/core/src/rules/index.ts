/**
 * The ordered rule registry. Adding a rule: write `rules/<group>/<name>.ts` exporting a `Rule`,
 * list it here, add `docs/rules/<id>.md` and `test/rules/<id>/*.md` fixtures.
 */
import type { Rule } from './rule';
import { missingTitle } from './structure/missingTitle';
import { byline } from './structure/byline';
import { topicCount } from './structure/topicCount';
import { topicNumbering } from './structure/topicNumbering';
import { topicsList } from './structure/topicsList';
import { missingPart } from './structure/missingPart';
import { partOrder } from './structure/partOrder';
import { duplicatePart } from './structure/duplicatePart';
import { labelFormat } from './structure/labelFormat';
import { keyPoints } from './structure/keyPoints';
import { wordLimit } from './structure/wordLimit';
import { missingCitation } from './citation/missingCitation';
import { missingField } from './citation/missingField';
import { missingChineseTitle } from './citation/missingChineseTitle';
import { titleParentheses } from './citation/titleParentheses';
import { halfwidthPunctuation } from './citation/halfwidthPunctuation';
import { bookTitleMarks } from './citation/bookTitleMarks';
import { traditionalCharacters } from './citation/traditionalCharacters';
import { documentTypeMismatch } from './citation/documentTypeMismatch';
import { draftMismatch } from './citation/draftMismatch';
import { catalogueMismatch } from './citation/catalogueMismatch';
import { linkPlaceholder, missingLink } from './citation/link';
import { unknownIssuingBody } from './issuingBody/unknown';
import { nonCanonicalIssuingBody } from './issuingBody/nonCanonical';
import { ambiguousIssuingBody } from './issuingBody/ambiguous';
import { bodyNotInExistence } from './issuingBody/notInExistence';
import { issuingBodyListFormat } from './issuingBody/list';
import { invalidDate } from './date/invalidDate';
import { invalidFrontMatter } from './frontMatter/invalidYaml';
import { issueDate } from './frontMatter/issueDate';
import { lawIssuer } from './citation/lawIssuer';
import { draftSuperseded } from './citation/draftSuperseded';
import { documentNumberFormat } from './documentNumber/format';
import { documentNumberIssuer } from './documentNumber/issuer';
import { documentNumberYear } from './documentNumber/year';
import { futureDate } from './date/futureDate';
import { markdownLimit } from './structure/markdownLimit';
import { headingMetadata } from './structure/headingMetadata';

/** All rules, in reporting order. */
export const rules: readonly Rule[] = [
  invalidFrontMatter,
  issueDate,
  markdownLimit,
  missingTitle,
  byline,
  topicCount,
  topicsList,
  topicNumbering,
  headingMetadata,
  missingPart,
  partOrder,
  duplicatePart,
  labelFormat,
  keyPoints,
  wordLimit,
  missingCitation,
  missingField,
  missingChineseTitle,
  titleParentheses,
  halfwidthPunctuation,
  bookTitleMarks,
  traditionalCharacters,
  documentTypeMismatch,
  draftMismatch,
  catalogueMismatch,
  linkPlaceholder,
  missingLink,
  unknownIssuingBody,
  nonCanonicalIssuingBody,
  ambiguousIssuingBody,
  bodyNotInExistence,
  issuingBodyListFormat,
  invalidDate,
  lawIssuer,
  draftSuperseded,
  documentNumberFormat,
  documentNumberIssuer,
  documentNumberYear,
  futureDate,
];

/** Rule by id. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}

export type { Rule };
