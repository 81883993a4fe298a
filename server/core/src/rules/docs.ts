/**
 * Where each rule's documentation page lives: `<base><rule id>.md`. The base is the folder of
 * the pages shipped with the installed package or extension (a `file:` URL, given by the node
 * side: see `server/src/config/packageData.ts` `ruleDocsBase`), or the `docsBaseUrl` a team sets
 * in its issue schema (pages hosted on the team's own site).
 */

/**
 * URL of the docs page of a rule id.
 * @param base folder URL ending in `/` (a missing final `/` is added), e.g.
 *   `file:///…/node_modules/policy-brief/docs/rules/` or `https://intranet.example/rules/`
 */
export function ruleDocsUrl(ruleId: string, base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${ruleId}.md`;
}
