import type { RuleContext } from '../rule';
import type { Citation, Span, Topic } from '../../model/types';
import { issuingBodyNames } from '../../catalogue/bodyTokens';
import { datedCitations } from '../helpers';

/** Calls `visit` for every issuing-body name of every citation (names tokenised against the catalogue). */
export function forEachBody(context: RuleContext, visit: (body: Span, citation: Citation, topic: Topic, index: number) => void): void {
  for (const topic of context.model.topics) {
    for (const citation of datedCitations(topic)) {
      issuingBodyNames(citation, context.catalogue, context.model.text).forEach((body, index) => visit(body, citation, topic, index));
    }
  }
}
