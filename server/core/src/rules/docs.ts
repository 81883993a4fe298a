/** Where each rule's documentation page lives: `docs/rules/<id>.md` in the project repository. */
export const RULE_DOCS_BASE = 'https://github.com/policy-brief/policy-brief/blob/main/docs/rules/';

/** URL of the docs page of a rule id. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
