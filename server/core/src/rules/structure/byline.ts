import type { Rule } from '../rule';
import { BY_START, bylineHasForm, bylinePattern, DEFAULT_BYLINE } from '../../model/byline';

/**
 * structure.byline: the issue has the byline its schema requires (`issue.byline.required`), in
 * the schema's form (`issue.byline.pattern`, else — also when that pattern is invalid — `By <name>`).
 * Silent when the schema says nothing about bylines.
 */
export const byline: Rule = {
  id: 'structure.byline',
  description: "The intro has the byline the schema asks for ('By Jane Doe'), in the schema's form.",
  defaultSeverity: 'warning',
  tags: ['structure'],
  // Reads the intro.
  scope: 'document',
  check({ model, schema, report }) {
    const expected = schema.issue.byline;
    if (!expected) return;
    const pattern = bylinePattern(schema);
    const line = model.byline;
    if (!line) {
      if (!expected.required) return;
      // Under the title, where a byline stands; else at the start of the intro.
      const start = model.frontMatter?.end ?? (model.text.charCodeAt(0) === 0xfeff ? 1 : 0);
      const at = model.title?.text ?? { start, end: start };
      report({ start: at.start, end: at.end, message: `The issue has no byline: add a line such as 'By Jane Doe' under the title${pattern ? ` (form: ${pattern.source})` : ''}.` });
      return;
    }
    if (bylineHasForm(line.text, schema)) return;
    if (pattern) {
      report({ start: line.start, end: line.end, message: `The byline '${line.text}' does not have the form the schema expects (${pattern.source}).` });
      return;
    }
    // `by Jane Doe`: only the capital is missing (a change of form, offered as the preferred fix).
    const by = BY_START.exec(line.text);
    const fixed = by ? `${by[1]}By${line.text.slice(by[1].length + by[2].length)}` : undefined;
    report({
      start: line.start,
      end: line.end,
      message: `Write the byline as 'By <name>' (optionally all in italics or bold): '${line.text}' is not.`,
      fixes: by && fixed && DEFAULT_BYLINE.test(fixed)
        ? [{ title: "Write 'By'", edits: [{ start: line.start + by[1].length, end: line.start + by[1].length + by[2].length, newText: 'By' }], isPreferred: true }]
        : undefined,
    });
  },
};
