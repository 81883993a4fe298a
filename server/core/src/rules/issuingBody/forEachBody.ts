import type { RuleContext } from '../rule';
import type { Citation, Span, Topic } from '../../model/types';

/** Calls `visit` for every issuing-body name of every citation. */
export function forEachBody(context: RuleContext, visit: (body: Span, citation: Citation, topic: Topic, index: number) => void): void {
  for (const topic of context.model.topics) {
    for (const citation of topic.citations) {
      citation.issuingBodies?.bodies.forEach((body, index) => visit(body, citation, topic, index));
    }
  }
}
